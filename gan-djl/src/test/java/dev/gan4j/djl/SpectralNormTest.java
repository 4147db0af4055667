package dev.gan4j.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.gan4j.internal.onnx.SpectralNormFolding;
import dev.gan4j.spec.DiscriminatorSpec;
import dev.gan4j.spec.GeneratorSpec;
import dev.gan4j.spec.LayerStack;
import dev.gan4j.spec.Padding;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Spectral normalization (Miyato et al. 2018) against a double-precision host reference that builds
 * the weight matrix by its own indexing: PyTorch's view, one row per output unit, axis 1 of a
 * transposed convolution's {@code [in, out, k, k]}.
 */
class SpectralNormTest {

    /** A weight layout: its shape and whether its output units are axis 1. */
    record Layout(String name, long[] shape, boolean rowsSecond) {
        int rows() {
            return (int) shape[rowsSecond ? 1 : 0];
        }

        int size() {
            long n = 1;
            for (long d : shape) {
                n *= d;
            }
            return (int) n;
        }

        int cols() {
            return size() / rows();
        }

        /** The matrix, indexed independently of the engine: row o, column (the other axes in order). */
        double[][] matrix(float[] w) {
            double[][] m = new double[rows()][cols()];
            if (!rowsSecond) {
                for (int o = 0; o < rows(); o++) {
                    for (int c = 0; c < cols(); c++) {
                        m[o][c] = w[o * cols() + c];
                    }
                }
                return m;
            }
            int in = (int) shape[0];
            int kk = (int) (shape[2] * shape[3]);
            for (int i = 0; i < in; i++) {
                for (int o = 0; o < rows(); o++) {
                    for (int k = 0; k < kk; k++) {
                        m[o][i * kk + k] = w[(i * rows() + o) * kk + k];
                    }
                }
            }
            return m;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Layout> layouts() {
        return Stream.of(
                new Layout("dense [5, 7]", new long[] {5, 7}, false),
                new Layout("conv [4, 3, 3, 3]", new long[] {4, 3, 3, 3}, false),
                new Layout("transposed conv [3, 4, 2, 2]", new long[] {3, 4, 2, 2}, true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layouts")
    void sigmaConvergesToTheLargestSingularValue(Layout layout) {
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            // given
            Random random = new Random(1);
            float[] w = gaussian(layout.size(), random);
            NDArray weight = manager.create(w, new Shape(layout.shape()));
            NDArray u = manager.create(unit(gaussian(layout.rows(), random)));
            SpectralNorm sn = new SpectralNorm(u, layout.rowsSecond());

            // when
            for (int i = 0; i < 200; i++) {
                try (NDManager step = manager.newSubManager()) {
                    sn.normalized(weight, step, true);
                }
            }
            try (NDManager step = manager.newSubManager()) {
                NDArray normalized = sn.normalized(weight, step, false);
                double sigma = norm(w) / norm(normalized.toFloatArray());

                // then
                double expected = largestSingularValue(layout.matrix(w));
                assertThat(sigma).isCloseTo(expected, within(1e-4 * expected));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layouts")
    void aTrainingPassRunsOnePowerIterationFromTheStoredU(Layout layout) {
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            // given
            Random random = new Random(2);
            float[] w = gaussian(layout.size(), random);
            float[] u0 = unit(gaussian(layout.rows(), random));
            NDArray weight = manager.create(w, new Shape(layout.shape()));
            NDArray u = manager.create(u0);
            SpectralNorm sn = new SpectralNorm(u, layout.rowsSecond());

            // when
            float[] normalized;
            try (NDManager step = manager.newSubManager()) {
                normalized = sn.normalized(weight, step, true).toFloatArray();
            }

            // then: v = normalize(Mᵀu), u = normalize(Mv), σ = uᵀMv, in double
            double[][] m = layout.matrix(w);
            double[] v = normalize(transposeTimes(m, toDouble(u0)));
            double[] mv = times(m, v);
            double[] u1 = normalize(mv);
            double sigma = dot(u1, mv);
            assertThat(u.toFloatArray()).containsExactly(toFloat(u1), within(1e-5f));
            for (int i = 0; i < w.length; i++) {
                assertThat((double) normalized[i]).isCloseTo(w[i] / sigma, within(1e-5));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layouts")
    void anEvaluationPassLeavesUAndDividesByTheNormOfWTransposedU(Layout layout) {
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            // given
            Random random = new Random(3);
            float[] w = gaussian(layout.size(), random);
            float[] u0 = unit(gaussian(layout.rows(), random));
            NDArray weight = manager.create(w, new Shape(layout.shape()));
            NDArray u = manager.create(u0);
            SpectralNorm sn = new SpectralNorm(u, layout.rowsSecond());

            // when
            float[] normalized;
            try (NDManager step = manager.newSubManager()) {
                normalized = sn.normalized(weight, step, false).toFloatArray();
            }

            // then
            assertThat(u.toFloatArray()).containsExactly(u0);
            double sigma = Math.sqrt(dot(transposeTimes(layout.matrix(w), toDouble(u0)),
                    transposeTimes(layout.matrix(w), toDouble(u0))));
            assertThat(SpectralNormFolding.sigma(layout.shape(), w, u0, layout.rowsSecond()))
                    .isCloseTo(sigma, within(1e-9 * sigma));
            for (int i = 0; i < w.length; i++) {
                assertThat((double) normalized[i]).isCloseTo(w[i] / sigma, within(1e-5));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layouts")
    void gradientThroughWOverSigmaMatchesCentralFiniteDifferences(Layout layout) {
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            // given: a loss sum(r * W / σ(W)), u and v constants of the iteration as in PyTorch
            Random random = new Random(4);
            float[] w = gaussian(layout.size(), random);
            float[] u0 = unit(gaussian(layout.rows(), random));
            float[] r = gaussian(layout.size(), random);
            NDArray weight = manager.create(w, new Shape(layout.shape()));
            weight.setRequiresGradient(true);
            SpectralNorm sn = new SpectralNorm(manager.create(u0), layout.rowsSecond());

            // when
            float[] gradient;
            try (NDManager step = manager.newSubManager();
                    GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray normalized = sn.normalized(weight, step, true);
                gc.backward(normalized.mul(step.create(r, new Shape(layout.shape()))).sum());
            }
            gradient = weight.getGradient().toFloatArray();

            // then
            double[][] m = layout.matrix(w);
            double[] v = normalize(transposeTimes(m, toDouble(u0)));
            double[] u1 = normalize(times(m, v));
            double h = 1e-4;
            for (int i = 0; i < w.length; i++) {
                double[] plus = toDouble(w);
                double[] minus = toDouble(w);
                plus[i] += h;
                minus[i] -= h;
                double expected = (loss(layout, plus, r, u1, v) - loss(layout, minus, r, u1, v)) / (2 * h);
                assertThat((double) gradient[i]).as("dL/dW[%d]", i).isCloseTo(expected, within(1e-4));
            }
        }
    }

    @Test
    void aNetworkKeepsUAsANonTrainableParameterAfterTheLayersWeights() {
        LayerStack stack = DiscriminatorSpec.dcgan().width(4).spectralNorm(true).build().stack();
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            Network network = Network.create(stack, manager, new SplittableRandom(9));

            List<String> frozen = network.params().stream().filter(p -> !p.trainable()).map(Param::name).toList();
            long frozenValues = network.params().stream().filter(p -> !p.trainable())
                    .mapToLong(p -> p.array().size()).sum();

            assertThat(frozen).containsExactly("0.spectralU", "2.spectralU", "5.spectralU");
            assertThat(network.params().stream().map(Param::name).toList().subList(0, 3))
                    .containsExactly("0.weight", "0.bias", "0.spectralU");
            assertThat(frozenValues).isEqualTo(stack.nonTrainableParameterCount()).isEqualTo(4 + 8 + 1);
            for (Param p : network.params()) {
                if (!p.trainable()) {
                    assertThat(norm(p.array().toFloatArray())).isCloseTo(1.0, within(1e-6));
                }
            }
        }
    }

    @Test
    void bothCreationPathsDrawTheSameUFromTheSameSeed() {
        LayerStack stack = GeneratorSpec.builder().latentDim(3).dense(2 * 2 * 2).spectralNorm().reshape(2, 2, 2)
                .convTranspose(1, 3, 2, Padding.same()).spectralNorm().tanh().build().stack();
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            assertThat(values(Network.create(stack, manager, new SplittableRandom(5))))
                    .isEqualTo(values(Network.create(stack, manager, new SplittableRandom(5))));
            Engine.getInstance().setRandomSeed(17);
            List<String> first = values(Network.create(stack, manager));
            Engine.getInstance().setRandomSeed(17);
            assertThat(values(Network.create(stack, manager))).isEqualTo(first);
        }
    }

    @Test
    void trainingForwardPassesMoveUAndEvaluationPassesDoNot() {
        LayerStack stack = DiscriminatorSpec.dcgan().width(4).spectralNorm(true).build().stack();
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            Network network = Network.create(stack, manager, new SplittableRandom(9));
            NDArray images = manager.randomUniform(-1, 1, new Shape(2, 1, 28, 28));
            List<String> before = values(network);

            try (NDManager step = manager.newSubManager()) {
                NDArray x = images.duplicate();
                x.attach(step);
                network.forward(x, false);
            }
            List<String> afterEval = values(network);
            try (NDManager step = manager.newSubManager()) {
                NDArray x = images.duplicate();
                x.attach(step);
                network.forward(x, true);
            }
            List<String> afterTraining = values(network);

            assertThat(afterEval).isEqualTo(before);
            for (int i = 0; i < before.size(); i++) {
                Param p = network.params().get(i);
                // A one-row matrix's u is ±1 and keeps its sign: the iteration has nowhere to go.
                if (p.trainable() || p.array().size() == 1) {
                    assertThat(afterTraining.get(i)).as(p.name()).isEqualTo(before.get(i));
                } else {
                    assertThat(afterTraining.get(i)).as(network.params().get(i).name()).isNotEqualTo(before.get(i));
                }
            }
        }
    }

    /** Every parameter's values, exactly (a float's shortest decimal form reads back to it). */
    private static List<String> values(Network network) {
        return network.params().stream().map(p -> java.util.Arrays.toString(p.array().toFloatArray())).toList();
    }

    /** sum(r * W / (u1ᵀ W v)) with u1 and v held constant. */
    private static double loss(Layout layout, double[] w, float[] r, double[] u1, double[] v) {
        double sigma = dot(u1, times(exactMatrix(layout, w), v));
        double sum = 0;
        for (int i = 0; i < w.length; i++) {
            sum += r[i] * w[i] / sigma;
        }
        return sum;
    }

    /**
     * The layout's matrix of a double weight (a float one would round the finite difference's step
     * away), by the same indexing as {@link Layout#matrix}, applied to the positions.
     */
    private static double[][] exactMatrix(Layout layout, double[] w) {
        float[] positions = new float[w.length];
        for (int i = 0; i < w.length; i++) {
            positions[i] = i;
        }
        double[][] index = layout.matrix(positions);
        double[][] m = new double[index.length][index[0].length];
        for (int o = 0; o < index.length; o++) {
            for (int c = 0; c < index[o].length; c++) {
                m[o][c] = w[(int) index[o][c]];
            }
        }
        return m;
    }

    /** The largest singular value: power iteration on MᵀM to convergence, in double. */
    static double largestSingularValue(double[][] m) {
        double[] v = new double[m[0].length];
        java.util.Arrays.fill(v, 1.0);
        v[0] = 2.0;
        v = normalize(v);
        for (int i = 0; i < 20_000; i++) {
            v = normalize(transposeTimes(m, times(m, v)));
        }
        double[] mv = times(m, v);
        return Math.sqrt(dot(mv, mv));
    }

    static double[] times(double[][] m, double[] v) {
        double[] out = new double[m.length];
        for (int o = 0; o < m.length; o++) {
            out[o] = dot(m[o], v);
        }
        return out;
    }

    static double[] transposeTimes(double[][] m, double[] u) {
        double[] out = new double[m[0].length];
        for (int o = 0; o < m.length; o++) {
            for (int c = 0; c < out.length; c++) {
                out[c] += m[o][c] * u[o];
            }
        }
        return out;
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    static double[] normalize(double[] a) {
        double n = Math.max(Math.sqrt(dot(a, a)), 1e-12);
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] / n;
        }
        return out;
    }

    private static double norm(float[] a) {
        return Math.sqrt(dot(toDouble(a), toDouble(a)));
    }

    private static float[] gaussian(int n, Random random) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) random.nextGaussian();
        }
        return a;
    }

    private static float[] unit(float[] a) {
        return toFloat(normalize(toDouble(a)));
    }

    private static double[] toDouble(float[] a) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i];
        }
        return out;
    }

    private static float[] toFloat(double[] a) {
        float[] out = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = (float) a[i];
        }
        return out;
    }
}
