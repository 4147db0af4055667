package dev.gan4j.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Convolutions#conv2d} against a double-precision loop, for the channel counts the presets and
 * the tests' networks use. PyTorch 2.7.1's CPU conv2d (oneDNN, AVX-512) computes a wrong input gradient
 * when the output channels are not a multiple of 16, from memory it never initialised; so that the
 * failure does not depend on what the allocator happens to return, every case fills freed memory with
 * NaN before the forward and the backward pass, and runs three times.
 */
class ConvolutionGradientTest {

    private static final int BATCH = 8;
    private static final int SIZE = 6;
    private static final int REPEATS = 3;

    /**
     * Kernel, stride, padding: the discriminators' downsampling, a "same" 3x3, and the phase
     * convolutions of the transposed layers (kernel 2 and 4 at stride 1).
     */
    private static final int[][] GEOMETRIES = {{4, 2, 1}, {3, 1, 1}, {2, 1, 1}, {4, 1, 0}};

    static Stream<Case> cases() {
        List<Case> cases = new ArrayList<>();
        for (int[] g : GEOMETRIES) {
            for (int cin : new int[] {1, 3, 4, 16}) {
                for (int cout : new int[] {1, 2, 3, 4, 8, 12, 16, 20, 32}) {
                    cases.add(new Case(cin, cout, g[0], g[1], g[2]));
                }
            }
        }
        // The phase convolutions of a transposed convolution whose kernel is not a multiple of its
        // stride (TinyGan's kernel 3, stride 2): non-square and 1x1 sub-kernels, one-sided padding.
        int[][] phases = {{2, 2, 1, 1}, {2, 1, 1, 0}, {1, 2, 0, 1}, {1, 1, 0, 0}};
        for (int[] p : phases) {
            for (int cin : new int[] {2, 3, 4}) {
                for (int cout : new int[] {2, 3, 4, 16}) {
                    cases.add(new Case(cin, cout, p[0], p[1], 1, p[2], p[3]));
                }
            }
        }
        // Stride 2, kernel 3, unpadded (TensorFlow's "same" pads explicitly first), 1 to 4 image channels.
        for (int cin : new int[] {1, 2, 3, 4}) {
            for (int cout : new int[] {4, 8, 16}) {
                cases.add(new Case(cin, cout, 3, 3, 2, 0, 0));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void gradientsMatchDoublePrecisionLoop(Case c) {
        for (int repeat = 0; repeat < REPEATS; repeat++) {
            try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
                // given
                Data data = Data.random(c, new Random(31L * repeat + c.hashCode()));
                Reference expected = Reference.of(c, data);
                NDArray x = manager.create(data.x, new Shape(BATCH, c.cin, SIZE, SIZE));
                NDArray weight = manager.create(data.weight, new Shape(c.cout, c.cin, c.kh, c.kw));
                NDArray bias = manager.create(data.bias, new Shape(c.cout));
                NDArray r = manager.create(data.r, new Shape(BATCH, c.cout, c.outH(), c.outW()));
                x.setRequiresGradient(true);
                weight.setRequiresGradient(true);
                bias.setRequiresGradient(true);

                // when
                float[] out;
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    fillFreedMemoryWithNaN(manager);
                    NDArray y = Convolutions.conv2d(x, weight, bias, c.strideShape(), c.paddingShape(), manager);
                    out = y.toFloatArray();
                    fillFreedMemoryWithNaN(manager);
                    gc.backward(y.mul(r).sum());
                }

                // then
                assertThat(out).as("forward, repeat %d", repeat).containsExactly(expected.y, within(1e-4f));
                assertThat(x.getGradient().toFloatArray())
                        .as("input gradient, repeat %d", repeat)
                        .containsExactly(expected.x, within(1e-4f));
                assertThat(weight.getGradient().toFloatArray())
                        .as("weight gradient, repeat %d", repeat)
                        .containsExactly(expected.weight, within(1e-3f));
                assertThat(bias.getGradient().toFloatArray())
                        .as("bias gradient, repeat %d", repeat)
                        .containsExactly(expected.bias, within(1e-3f));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void outsideAutogradItIsPlainConv2dBitForBit(Case c) {
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            // given
            Data data = Data.random(c, new Random(c.hashCode()));
            NDArray x = manager.create(data.x, new Shape(BATCH, c.cin, SIZE, SIZE));
            NDArray weight = manager.create(data.weight, new Shape(c.cout, c.cin, c.kh, c.kw));
            NDArray bias = manager.create(data.bias, new Shape(c.cout));
            float[] plain = Conv2d.conv2d(x, weight, bias, c.strideShape(), c.paddingShape(), new Shape(1, 1))
                    .singletonOrThrow()
                    .toFloatArray();
            boolean wasRecording = GradMode.set(false);

            // when
            float[] out;
            try {
                out = Convolutions.conv2d(x, weight, bias, c.strideShape(), c.paddingShape(), manager)
                        .toFloatArray();
            } finally {
                GradMode.set(wasRecording);
            }

            // then
            assertThat(out).containsExactly(plain);
        }
    }

    /** Allocates and frees arrays of NaN, so that memory read before it is written shows as NaN. */
    private static void fillFreedMemoryWithNaN(NDManager manager) {
        try (NDManager garbage = manager.newSubManager()) {
            for (int i = 0; i < 8; i++) {
                garbage.full(new Shape(1 << (10 + i)), Float.NaN);
            }
        }
    }

    record Case(int cin, int cout, int kh, int kw, int stride, int ph, int pw) {

        Case(int cin, int cout, int kernel, int stride, int padding) {
            this(cin, cout, kernel, kernel, stride, padding, padding);
        }

        int outH() {
            return (SIZE + 2 * ph - kh) / stride + 1;
        }

        int outW() {
            return (SIZE + 2 * pw - kw) / stride + 1;
        }

        Shape strideShape() {
            return new Shape(stride, stride);
        }

        Shape paddingShape() {
            return new Shape(ph, pw);
        }

        @Override
        public String toString() {
            return cin + "->" + cout + " channels, kernel " + kh + "x" + kw + ", stride " + stride + ", padding "
                    + ph + "," + pw;
        }
    }

    private record Data(float[] x, float[] weight, float[] bias, float[] r) {

        static Data random(Case c, Random random) {
            return new Data(
                    gaussian(random, BATCH * c.cin * SIZE * SIZE),
                    gaussian(random, c.cout * c.cin * c.kh * c.kw),
                    gaussian(random, c.cout),
                    gaussian(random, BATCH * c.cout * c.outH() * c.outW()));
        }

        private static float[] gaussian(Random random, int n) {
            float[] values = new float[n];
            for (int i = 0; i < n; i++) {
                values[i] = (float) random.nextGaussian();
            }
            return values;
        }
    }

    /** The output and the gradients of {@code sum(y * r)}, summed in double precision. */
    private record Reference(float[] y, float[] x, float[] weight, float[] bias) {

        static Reference of(Case c, Data d) {
            int n = BATCH;
            int h = SIZE;
            int oh = c.outH();
            int ow = c.outW();
            double[] y = new double[n * c.cout * oh * ow];
            double[] dx = new double[d.x.length];
            double[] dw = new double[d.weight.length];
            double[] db = new double[d.bias.length];
            for (int a = 0; a < n; a++) {
                for (int f = 0; f < c.cout; f++) {
                    for (int i = 0; i < oh; i++) {
                        for (int j = 0; j < ow; j++) {
                            int yi = ((a * c.cout + f) * oh + i) * ow + j;
                            double r = d.r[yi];
                            double sum = d.bias[f];
                            for (int ch = 0; ch < c.cin; ch++) {
                                for (int u = 0; u < c.kh; u++) {
                                    int row = i * c.stride - c.ph + u;
                                    for (int v = 0; v < c.kw; v++) {
                                        int col = j * c.stride - c.pw + v;
                                        if (row < 0 || col < 0 || row >= h || col >= h) {
                                            continue;
                                        }
                                        int xi = ((a * c.cin + ch) * h + row) * h + col;
                                        int wi = ((f * c.cin + ch) * c.kh + u) * c.kw + v;
                                        sum += (double) d.x[xi] * d.weight[wi];
                                        dx[xi] += r * d.weight[wi];
                                        dw[wi] += r * d.x[xi];
                                    }
                                }
                            }
                            y[yi] = sum;
                            db[f] += r;
                        }
                    }
                }
            }
            return new Reference(floats(y), floats(dx), floats(dw), floats(db));
        }

        private static float[] floats(double[] values) {
            float[] out = new float[values.length];
            for (int i = 0; i < values.length; i++) {
                out[i] = (float) values[i];
            }
            return out;
        }
    }
}
