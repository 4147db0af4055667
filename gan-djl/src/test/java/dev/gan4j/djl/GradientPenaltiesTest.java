package dev.gan4j.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.gan4j.spec.DiscriminatorSpec;
import dev.gan4j.spec.Layer;
import dev.gan4j.spec.Padding;
import dev.gan4j.train.GradientPenalty;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The gradient penalties' values and their gradients with respect to D's parameters, against an
 * independent double-precision reference: D evaluated here in plain Java, its input gradient by central
 * differences of that evaluation, the penalty formula on it, and the parameter gradient by central
 * differences of the penalty. D's LeakyReLU makes D piecewise linear in its input, so the inner
 * differences are exact up to rounding.
 */
class GradientPenaltiesTest {

    private static final int B = 3;

    private Engine engine;
    @RegisterExtension
    final CpuArrays cpu = new CpuArrays();

    private NDManager manager;

    @BeforeEach
    void setUp() {
        engine = DjlEngine.get();
        manager = cpu.manager();
    }


    static DiscriminatorSpec dense() {
        return DiscriminatorSpec.builder().inputShape(1, 3, 3).flatten().dense(4).leakyRelu(0.2f).dense(1).build();
    }

    /**
     * Three input channels: with one input channel, a batch of 3 and 4 filters, this PyTorch build's CPU
     * convolution already returns a wrong first-order input gradient (rows of zeros, unlike central
     * differences of its own forward pass), penalty or not; 64 filters, or 3 channels, are right.
     */
    static DiscriminatorSpec conv() {
        return DiscriminatorSpec.builder().inputShape(3, 6, 6)
                .conv(4, 3, 2, Padding.of(1)).leakyRelu(0.2f).flatten().dense(1).build();
    }

    @Test
    void r1OfADenseDiscriminatorMatchesTheFormulaAndItsParameterGradient() {
        checkAgainstReference(dense(), GradientPenalty.r1(10), 11);
    }

    @Test
    void r1OfAConvolutionalDiscriminatorMatchesTheFormulaAndItsParameterGradient() {
        checkAgainstReference(conv(), GradientPenalty.r1(3), 12);
    }

    @Test
    void r1OfAOneChannelConvolutionalDiscriminatorMatchesTheFormulaAndItsParameterGradient() {
        checkAgainstReference(DiscriminatorSpec.builder().inputShape(1, 6, 6)
                .conv(16, 3, 2, Padding.of(1)).leakyRelu(0.2f).flatten().dense(1).build(), GradientPenalty.r1(3), 16);
    }

    @Test
    void wganGpOfAOneChannelConvolutionalDiscriminatorMatchesTheFormulaAndItsParameterGradient() {
        checkAgainstReference(DiscriminatorSpec.builder().inputShape(1, 6, 6)
                .conv(16, 3, 2, Padding.of(1)).leakyRelu(0.2f).flatten().dense(1).build(), GradientPenalty.wganGp(3), 17);
    }

    @Test
    void r2OfAConvolutionalDiscriminatorMatchesTheFormulaAndItsParameterGradient() {
        checkAgainstReference(conv(), GradientPenalty.r2(3), 13);
    }

    @Test
    void wganGpOfADenseDiscriminatorMatchesTheFormulaAndItsParameterGradient() {
        checkAgainstReference(dense(), GradientPenalty.wganGp(10), 14);
    }

    @Test
    void wganGpOfAConvolutionalDiscriminatorMatchesTheFormulaAndItsParameterGradient() {
        checkAgainstReference(conv(), GradientPenalty.wganGp(10), 15);
    }

    @Test
    void lazyPenaltyIsMultipliedByItsIntervalAndReportedWithout() {
        // given
        DiscriminatorSpec spec = dense();
        Network d = Network.create(spec.stack(), manager);
        GradientPenalties every = GradientPenalties.of(GradientPenalty.r1(2), manager);
        GradientPenalties lazy = GradientPenalties.of(GradientPenalty.r1(2).every(16), manager);
        float[] x = randoms(new Random(3), B * 9);

        // when
        float eager = engineTerm(spec, d, every, x, x);
        float lazyTerm = engineTerm(spec, d, lazy, x, x);

        // then
        assertThat(lazyTerm).isCloseTo(16 * eager, within(1e-4f * Math.abs(16 * eager)));
        assertThat(lazy.last().getFloat()).isEqualTo(every.last().getFloat());
        assertThat(lazy.due(0)).isTrue();
        assertThat(lazy.due(15)).isFalse();
        assertThat(lazy.due(16)).isTrue();
        assertThat(lazy.due(33)).isFalse();
    }

    @Test
    void lastPenaltyIsNaNBeforeTheFirst() {
        GradientPenalties penalty = GradientPenalties.of(GradientPenalty.r1(2), manager);

        assertThat(penalty.last().getFloat()).isNaN();
        assertThat(GradientPenalties.of(GradientPenalty.none(), manager)).isNull();
    }

    @Test
    void wganGpInterpolationWeightsAreUniformPerImage() {
        // given: 20,000 weights drawn as a step draws them
        int n = 20_000;
        NDArray real = manager.ones(new Shape(n, 1, 2, 2));
        NDArray fake = manager.zeros(new Shape(n, 1, 2, 2));
        TorchRandom.seed(42);

        // when: x̂ = αx + (1 − α)x̃ with x = 1 and x̃ = 0 is α itself, repeated over each image's pixels
        float[] mixed = GradientPenalties.interpolate(real, fake).toFloatArray();

        // then: one α per image, in [0, 1), uniform (Kolmogorov-Smirnov at 1%: 1.63/√n), not normal
        double[] alpha = new double[n];
        for (int i = 0; i < n; i++) {
            alpha[i] = mixed[4 * i];
            for (int j = 1; j < 4; j++) {
                assertThat(mixed[4 * i + j]).isEqualTo(mixed[4 * i]);
            }
        }
        Arrays.sort(alpha);
        assertThat(alpha[0]).isGreaterThanOrEqualTo(0);
        assertThat(alpha[n - 1]).isLessThan(1);
        double ks = 0;
        for (int i = 0; i < n; i++) {
            ks = Math.max(ks, Math.max(Math.abs((i + 1.0) / n - alpha[i]), Math.abs(alpha[i] - (double) i / n)));
        }
        assertThat(ks).isLessThan(1.63 / Math.sqrt(n));
    }

    /**
     * Computes the penalty's term and D's parameter gradient in the engine and compares them with the
     * double-precision reference.
     */
    private void checkAgainstReference(DiscriminatorSpec spec, GradientPenalty penalty, long seed) {
        // given: random parameters (biases too, so no unit sits at a kink) and batches
        Random random = new Random(seed);
        Network d = Network.create(spec.stack(), manager);
        List<Param> trained = new ArrayList<>();
        for (Param p : d.params()) {
            if (p.trainable()) {
                trained.add(p);
            }
        }
        int pixels = (int) spec.inputShape().size();
        float[] real = randoms(random, B * pixels);
        // WGAN-GP's x̂ lies between the batches; equal batches make it independent of the drawn α.
        float[] fake = penalty instanceof GradientPenalty.WganGp ? real : randoms(random, B * pixels);
        GradientPenalties engineForm = GradientPenalties.of(penalty, manager);

        // when
        float term = engineTerm(spec, d, engineForm, real, fake);
        List<float[]> gradients = new ArrayList<>();
        for (Param p : trained) {
            gradients.add(p.array().getGradient().toFloatArray());
        }

        // then
        Reference ref = new Reference(spec, trained);
        double[] theta = ref.parameters();
        double[] x = penalty instanceof GradientPenalty.R2 ? toDouble(fake) : toDouble(real);
        ToDoubleFunction<double[]> formula = t -> ref.penalty(penalty, t, x);
        double expected = formula.applyAsDouble(theta);
        assertThat((double) term).as("penalty").isCloseTo(expected, within(1e-4 * Math.max(1, Math.abs(expected))));
        double[] expectedGradient = centralDifferences(formula, theta, 1e-4);
        double[] actual = concat(gradients);
        double scale = Arrays.stream(expectedGradient).map(Math::abs).max().orElse(1);
        for (int i = 0; i < theta.length; i++) {
            assertThat(actual[i]).as("d penalty / d parameter %d", i)
                    .isCloseTo(expectedGradient[i], within(2e-3 * Math.max(1, scale)));
        }
    }

    /** Runs D on the batches as the update does and backpropagates the penalty's term alone. */
    private float engineTerm(DiscriminatorSpec spec, Network d, GradientPenalties penalty, float[] real, float[] fake) {
        int[] dims = spec.inputShape().dims();
        long[] shape = {real.length / (dims[0] * dims[1] * dims[2]), dims[0], dims[1], dims[2]};
        try (NDManager step = manager.newSubManager();
                GradientCollector collector = engine.newGradientCollector()) {
            NDArray x = penalty.real(step.create(real, new Shape(shape)));
            NDArray xf = penalty.fake(step.create(fake, new Shape(shape)));
            NDArray outputs = d.forward(x.concat(xf, 0), true);
            NDArray term = penalty.term(outputs, x, xf, d);
            collector.backward(term);
            return term.getFloat();
        }
    }

    static double[] centralDifferences(ToDoubleFunction<double[]> f, double[] at, double h) {
        double[] grad = new double[at.length];
        for (int i = 0; i < at.length; i++) {
            double[] plus = at.clone();
            double[] minus = at.clone();
            plus[i] += h;
            minus[i] -= h;
            grad[i] = (f.applyAsDouble(plus) - f.applyAsDouble(minus)) / (2 * h);
        }
        return grad;
    }

    static float[] randoms(Random random, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (random.nextGaussian() * 0.7);
        }
        return v;
    }

    private static double[] toDouble(float[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i];
        }
        return d;
    }

    private static double[] concat(List<float[]> parts) {
        int n = parts.stream().mapToInt(p -> p.length).sum();
        double[] all = new double[n];
        int at = 0;
        for (float[] p : parts) {
            for (float v : p) {
                all[at++] = v;
            }
        }
        return all;
    }

    /**
     * D in plain double-precision Java for the layers these tests use (conv with stride 1 and same
     * padding, LeakyReLU, flatten, dense), its input gradient by central differences, and the penalties'
     * formulas.
     */
    static final class Reference {
        private final DiscriminatorSpec spec;
        private final List<long[]> shapes = new ArrayList<>();
        private final double[] initial;

        Reference(DiscriminatorSpec spec, List<Param> params) {
            this.spec = spec;
            List<float[]> values = new ArrayList<>();
            for (Param p : params) {
                shapes.add(p.array().getShape().getShape());
                values.add(p.array().toFloatArray());
            }
            this.initial = concat(values);
        }

        double[] parameters() {
            return initial.clone();
        }

        /** D's output for one image. */
        double forward(double[] theta, double[] image) {
            int c = spec.inputShape().dims()[0];
            int h = spec.inputShape().dims()[1];
            int w = spec.inputShape().dims()[2];
            double[] x = image;
            int at = 0;
            int param = 0;
            for (Layer layer : spec.layers()) {
                if (layer instanceof Layer.Conv) {
                    Layer.Conv conv = (Layer.Conv) layer;
                    int k = conv.kernel();
                    int filters = conv.filters();
                    int stride = conv.stride();
                    int pad = conv.resolvePadding(h).before();
                    int oh = (h + 2 * pad - k) / stride + 1;
                    int ow = (w + 2 * pad - k) / stride + 1;
                    int weights = at;
                    int biases = at + filters * c * k * k;
                    double[] y = new double[filters * oh * ow];
                    for (int f = 0; f < filters; f++) {
                        for (int i = 0; i < oh; i++) {
                            for (int j = 0; j < ow; j++) {
                                double s = theta[biases + f];
                                for (int ch = 0; ch < c; ch++) {
                                    for (int ki = 0; ki < k; ki++) {
                                        for (int kj = 0; kj < k; kj++) {
                                            int ii = i * stride + ki - pad;
                                            int jj = j * stride + kj - pad;
                                            if (ii >= 0 && ii < h && jj >= 0 && jj < w) {
                                                s += theta[weights + ((f * c + ch) * k + ki) * k + kj]
                                                        * x[(ch * h + ii) * w + jj];
                                            }
                                        }
                                    }
                                }
                                y[(f * oh + i) * ow + j] = s;
                            }
                        }
                    }
                    at = biases + filters;
                    param += 2;
                    c = filters;
                    h = oh;
                    w = ow;
                    x = y;
                } else if (layer instanceof Layer.LeakyRelu) {
                    double alpha = ((Layer.LeakyRelu) layer).alpha();
                    double[] y = x.clone();
                    for (int i = 0; i < y.length; i++) {
                        y[i] = y[i] > 0 ? y[i] : alpha * y[i];
                    }
                    x = y;
                } else if (layer instanceof Layer.Dense) {
                    int units = ((Layer.Dense) layer).units();
                    int in = x.length;
                    double[] y = new double[units];
                    for (int u = 0; u < units; u++) {
                        double s = theta[at + units * in + u];
                        for (int i = 0; i < in; i++) {
                            s += theta[at + u * in + i] * x[i];
                        }
                        y[u] = s;
                    }
                    at += units * in + units;
                    param += 2;
                    x = y;
                }
            }
            if (at != theta.length || param != shapes.size()) {
                throw new IllegalStateException("reference read " + at + " of " + theta.length + " parameters");
            }
            return x[0];
        }

        /** The penalty on the batch {@code x} of {@code B} images. */
        double penalty(GradientPenalty penalty, double[] theta, double[] x) {
            int n = x.length / B;
            double sum = 0;
            for (int b = 0; b < B; b++) {
                double[] image = Arrays.copyOfRange(x, b * n, (b + 1) * n);
                double[] g = centralDifferences(v -> forward(theta, v), image, 1e-5);
                double squared = Arrays.stream(g).map(v -> v * v).sum();
                sum += penalty instanceof GradientPenalty.WganGp
                        ? (Math.sqrt(squared) - 1) * (Math.sqrt(squared) - 1) : squared;
            }
            double mean = sum / B;
            return penalty instanceof GradientPenalty.WganGp ? penalty.weight() * mean : penalty.weight() / 2 * mean;
        }
    }
}
