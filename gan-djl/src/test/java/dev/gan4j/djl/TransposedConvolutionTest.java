package dev.gan4j.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.gan4j.spec.Padding;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class TransposedConvolutionTest {

    private static final int BATCH = 2;
    private static final int IN_CHANNELS = 3;
    private static final int OUT_CHANNELS = 2;

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesNaiveScatter(Case c) {
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            // given
            Data data = Data.random(c, new Random(42));
            NDArray x = manager.create(data.x, c.inputShape());
            NDArray weight = manager.create(data.weight, c.weightShape());
            NDArray bias = c.bias ? manager.create(data.bias, new Shape(c.cout)) : null;

            // when
            NDArray out = TransposedConvolution.forward(
                    x, weight, bias, c.stride, c.padH, c.padW, c.outputPadding);

            // then
            assertThat(out.getShape()).isEqualTo(c.outputShape());
            assertThat(out.toFloatArray()).containsExactly(Reference.forward(c, data), within(1e-4f));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void gradientsMatchNaiveScatter(Case c) {
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            // given
            Data data = Data.random(c, new Random(7));
            NDArray x = manager.create(data.x, c.inputShape());
            NDArray weight = manager.create(data.weight, c.weightShape());
            NDArray bias = c.bias ? manager.create(data.bias, new Shape(c.cout)) : null;
            NDArray r = manager.create(data.r, c.outputShape());
            x.setRequiresGradient(true);
            weight.setRequiresGradient(true);
            if (bias != null) {
                bias.setRequiresGradient(true);
            }

            // when
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray out = TransposedConvolution.forward(
                        x, weight, bias, c.stride, c.padH, c.padW, c.outputPadding);
                gc.backward(out.mul(r).sum());
            }

            // then
            Reference.Gradients expected = Reference.gradients(c, data);
            assertThat(weight.getGradient().toFloatArray()).containsExactly(expected.weight, within(1e-3f));
            assertThat(x.getGradient().toFloatArray()).containsExactly(expected.x, within(1e-3f));
            if (bias != null) {
                assertThat(bias.getGradient().toFloatArray()).containsExactly(expected.bias, within(1e-3f));
            }
        }
    }

    @ParameterizedTest(name = "k{0} s{1}")
    @CsvSource({"3, 1", "4, 2", "3, 2", "1, 3"})
    void leavesOnlyTheResultInTheInputsManager(int kernel, int stride) {
        try (NDManager root = NDManager.newBaseManager(Device.cpu());
                NDManager parameters = root.newSubManager();
                NDManager step = root.newSubManager()) {
            // given
            NDArray weight = parameters.ones(new Shape(IN_CHANNELS, OUT_CHANNELS, kernel, kernel));
            NDArray bias = parameters.zeros(new Shape(OUT_CHANNELS));
            NDArray x = step.ones(new Shape(BATCH, IN_CHANNELS, 3, 5));
            Padding.Resolved crop = new Padding.Resolved(0, 1);

            // when
            NDArray out = TransposedConvolution.forward(x, weight, bias, stride, crop, crop, 0);

            // then
            assertThat(out.getShape()).isEqualTo(
                    new Shape(BATCH, OUT_CHANNELS, 2 * stride + kernel - 1, 4 * stride + kernel - 1));
            assertThat(out.getManager()).isSameAs(step);
            assertThat(step.getManagedArrays()).containsExactlyInAnyOrder(x, out);
            assertThat(parameters.getManagedArrays()).containsExactlyInAnyOrder(weight, bias);
        }
    }

    @Test
    void rejectsOutputPaddingNotBelowStride() {
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            // given
            NDArray x = manager.ones(new Shape(1, 1, 2, 2));
            NDArray weight = manager.ones(new Shape(1, 1, 3, 3));
            Padding.Resolved none = new Padding.Resolved(0, 0);

            // when, then
            assertThatThrownBy(() -> TransposedConvolution.forward(x, weight, null, 2, none, none, 2))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(
                            "transposed convolution outputPadding must be in [0, stride) = [0, 2), got 2");
        }
    }

    @Test
    void rejectsEmptyOutput() {
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            // given
            NDArray x = manager.ones(new Shape(1, 1, 1, 4));
            NDArray weight = manager.ones(new Shape(1, 1, 2, 2));
            Padding.Resolved none = new Padding.Resolved(0, 0);

            // when, then
            assertThatThrownBy(() -> TransposedConvolution.forward(
                            x, weight, null, 1, new Padding.Resolved(1, 1), none, 0))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("transposed convolution output height would be"
                            + " (1 - 1) * 1 + 2 + 0 - 1 - 1 = 0; it must be at least 1");
        }
    }

    @Test
    void rejectsMismatchedChannels() {
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            // given
            NDArray x = manager.ones(new Shape(1, 2, 3, 3));
            NDArray weight = manager.ones(new Shape(3, 1, 2, 2));
            Padding.Resolved none = new Padding.Resolved(0, 0);

            // when, then
            assertThatThrownBy(() -> TransposedConvolution.forward(x, weight, null, 2, none, none, 0))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("transposed convolution input has 2 channels"
                            + " but the weight (3, 1, 2, 2) expects 3");
        }
    }

    /**
     * Kernels 1..5, strides 1..3, every output padding, symmetric padding 0..2, TensorFlow's "same"
     * crop, and hand-picked asymmetric crops, including ones that start or end inside the output
     * padding, where nothing but the bias arrives.
     */
    static Stream<Case> cases() {
        List<Case> cases = new ArrayList<>();
        for (boolean bias : new boolean[] {true, false}) {
            for (int k = 1; k <= 5; k++) {
                for (int s = 1; s <= 3; s++) {
                    for (int op = 0; op < s; op++) {
                        for (int p = 0; p <= 2; p++) {
                            Case c = new Case(k, s, 3, 5, crop(p, p), crop(p, p), op, bias);
                            if (c.nonEmpty()) {
                                cases.add(c);
                            }
                        }
                    }
                    if (k >= s) {
                        Padding.Resolved same = Padding.same().forConvTranspose(3, k, s, 0);
                        cases.add(new Case(k, s, 3, 5, same, same, 0, bias));
                    }
                }
            }
            // Crops that keep only output padding positions (bias alone) or start inside it.
            cases.add(new Case(4, 2, 1, 1, crop(4, 0), crop(3, 1), 1, bias));
            cases.add(new Case(3, 2, 1, 2, crop(3, 0), crop(0, 2), 1, bias));
            cases.add(new Case(1, 3, 2, 2, crop(0, 0), crop(2, 1), 2, bias));
            cases.add(new Case(2, 3, 2, 4, crop(1, 2), crop(0, 0), 2, bias));
            // Asymmetric crops larger than the kernel, different per axis.
            cases.add(new Case(5, 2, 3, 5, crop(3, 0), crop(0, 3), 1, bias));
            cases.add(new Case(5, 3, 2, 4, crop(4, 1), crop(1, 4), 2, bias));
            // Crops of at least a stride on both sides, which conv2d's own padding can skip.
            cases.add(new Case(5, 1, 3, 5, crop(3, 2), crop(4, 0), 0, bias));
            cases.add(new Case(4, 2, 3, 5, crop(2, 3), crop(3, 2), 0, bias));
            cases.add(new Case(6, 3, 3, 4, crop(3, 5), crop(4, 4), 2, bias));
            // Non-square kernels.
            cases.add(new Case(4, 3, 1, 3, 5, crop(0, 1), crop(1, 0), 0, bias));
            cases.add(new Case(4, 3, 2, 3, 5, crop(1, 1), crop(0, 1), 1, bias));
            cases.add(new Case(2, 5, 3, 3, 5, crop(0, 2), crop(2, 1), 2, bias));
            // Same kernels and strides as above with other channel counts, one of them the same weight
            // size with Cin and Cout swapped: the gathered kernels must follow the whole weight shape.
            cases.add(new Case(3, 3, 2, 3, 5, crop(0, 1), crop(0, 1), 0, bias, OUT_CHANNELS, IN_CHANNELS));
            cases.add(new Case(4, 4, 2, 3, 5, crop(1, 1), crop(1, 1), 0, bias, OUT_CHANNELS, IN_CHANNELS));
            cases.add(new Case(5, 3, 3, 3, 5, crop(1, 2), crop(0, 1), 1, bias, 1, 4));
        }
        return cases.stream();
    }

    private static Padding.Resolved crop(int before, int after) {
        return new Padding.Resolved(before, after);
    }

    /** One configuration; the input is {@code [BATCH, cin, h, w]}, the kernel {@code kh x kw}. */
    record Case(int kh, int kw, int stride, int h, int w, Padding.Resolved padH, Padding.Resolved padW,
            int outputPadding, boolean bias, int cin, int cout) {

        Case(int kh, int kw, int stride, int h, int w, Padding.Resolved padH, Padding.Resolved padW,
                int outputPadding, boolean bias) {
            this(kh, kw, stride, h, w, padH, padW, outputPadding, bias, IN_CHANNELS, OUT_CHANNELS);
        }

        Case(int kernel, int stride, int h, int w, Padding.Resolved padH, Padding.Resolved padW,
                int outputPadding, boolean bias) {
            this(kernel, kernel, stride, h, w, padH, padW, outputPadding, bias);
        }

        int outH() {
            return (h - 1) * stride + kh + outputPadding - padH.total();
        }

        int outW() {
            return (w - 1) * stride + kw + outputPadding - padW.total();
        }

        boolean nonEmpty() {
            return outH() >= 1 && outW() >= 1;
        }

        Shape inputShape() {
            return new Shape(BATCH, cin, h, w);
        }

        Shape weightShape() {
            return new Shape(cin, cout, kh, kw);
        }

        Shape outputShape() {
            return new Shape(BATCH, cout, outH(), outW());
        }

        @Override
        public String toString() {
            return "k" + kh + "x" + kw + " s" + stride + " in " + h + "x" + w
                    + " crop (" + padH.before() + "," + padH.after() + ")x(" + padW.before() + ","
                    + padW.after() + ") op" + outputPadding + (bias ? " bias" : "")
                    + (cin == IN_CHANNELS && cout == OUT_CHANNELS ? "" : " " + cin + "->" + cout + " channels");
        }
    }

    /** Random values around 1 in magnitude: input, weight, bias and the loss weights {@code r}. */
    record Data(float[] x, float[] weight, float[] bias, float[] r) {
        static Data random(Case c, Random random) {
            return new Data(
                    uniform(random, BATCH * c.cin * c.h * c.w),
                    uniform(random, c.cin * c.cout * c.kh * c.kw),
                    uniform(random, c.cout),
                    uniform(random, BATCH * c.cout * c.outH() * c.outW()));
        }

        private static float[] uniform(Random random, int size) {
            float[] values = new float[size];
            for (int i = 0; i < size; i++) {
                values[i] = random.nextFloat() * 2 - 1;
            }
            return values;
        }
    }

    /**
     * The definition, as loops: input pixel {@code h} adds {@code x[h] * W[ky]} to output position
     * {@code y = h * stride - before + ky}, if that position is kept.
     */
    static final class Reference {

        record Gradients(float[] x, float[] weight, float[] bias) {}

        static float[] forward(Case c, Data d) {
            int oh = c.outH();
            int ow = c.outW();
            float[] out = new float[BATCH * c.cout * oh * ow];
            for (int n = 0; n < BATCH; n++) {
                for (int o = 0; o < c.cout; o++) {
                    for (int y = 0; y < oh; y++) {
                        for (int xx = 0; xx < ow; xx++) {
                            out[((n * c.cout + o) * oh + y) * ow + xx] = c.bias ? d.bias[o] : 0;
                        }
                    }
                }
            }
            for (int n = 0; n < BATCH; n++) {
                for (int i = 0; i < c.cin; i++) {
                    for (int h = 0; h < c.h; h++) {
                        for (int w = 0; w < c.w; w++) {
                            for (int o = 0; o < c.cout; o++) {
                                for (int ky = 0; ky < c.kh; ky++) {
                                    for (int kx = 0; kx < c.kw; kx++) {
                                        int y = h * c.stride - c.padH.before() + ky;
                                        int xx = w * c.stride - c.padW.before() + kx;
                                        if (y >= 0 && y < oh && xx >= 0 && xx < ow) {
                                            out[((n * c.cout + o) * oh + y) * ow + xx] +=
                                                    d.x[((n * c.cin + i) * c.h + h) * c.w + w]
                                                            * d.weight[((i * c.cout + o) * c.kh + ky)
                                                                    * c.kw + kx];
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            return out;
        }

        /** The gradients of {@code sum(out * r)}. */
        static Gradients gradients(Case c, Data d) {
            int oh = c.outH();
            int ow = c.outW();
            float[] gx = new float[d.x.length];
            float[] gw = new float[d.weight.length];
            float[] gb = new float[c.cout];
            for (int n = 0; n < BATCH; n++) {
                for (int o = 0; o < c.cout; o++) {
                    for (int y = 0; y < oh; y++) {
                        for (int xx = 0; xx < ow; xx++) {
                            gb[o] += d.r[((n * c.cout + o) * oh + y) * ow + xx];
                        }
                    }
                }
            }
            for (int n = 0; n < BATCH; n++) {
                for (int i = 0; i < c.cin; i++) {
                    for (int h = 0; h < c.h; h++) {
                        for (int w = 0; w < c.w; w++) {
                            for (int o = 0; o < c.cout; o++) {
                                for (int ky = 0; ky < c.kh; ky++) {
                                    for (int kx = 0; kx < c.kw; kx++) {
                                        int y = h * c.stride - c.padH.before() + ky;
                                        int xx = w * c.stride - c.padW.before() + kx;
                                        if (y >= 0 && y < oh && xx >= 0 && xx < ow) {
                                            int xi = ((n * c.cin + i) * c.h + h) * c.w + w;
                                            int wi = ((i * c.cout + o) * c.kh + ky) * c.kw + kx;
                                            float r = d.r[((n * c.cout + o) * oh + y) * ow + xx];
                                            gw[wi] += d.x[xi] * r;
                                            gx[xi] += d.weight[wi] * r;
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            return new Gradients(gx, gw, gb);
        }
    }
}
