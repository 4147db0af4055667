package dev.gan4j.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.gan4j.train.Augmentation;
import dev.gan4j.train.Augmentation.Policy;
import dev.gan4j.train.InstanceNoise;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * DiffAugment's operations and the instance noise against naive host references in double precision,
 * with the random parameters given by the test, and the draws' ranges from torch's generator.
 */
class DiscriminatorInputsTest {

    private static final int N = 3;
    private static final int C = 3;
    private static final int H = 8;
    private static final int W = 6;

    @RegisterExtension
    final CpuArrays cpu = new CpuArrays();

    private NDManager manager;

    @BeforeEach
    void setUp() {
        manager = cpu.manager();
    }


    private static DiscriminatorInputs inputs(Augmentation augmentation, int channels) {
        return new DiscriminatorInputs(augmentation, InstanceNoise.none(), 100, new int[] {channels, H, W});
    }

    private static DiscriminatorInputs all(int channels) {
        return inputs(Augmentation.diffAugment(Policy.COLOR, Policy.TRANSLATION, Policy.CUTOUT), channels);
    }

    private static double[] pixels(int count, long seed) {
        Random random = new Random(seed);
        double[] x = new double[count];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextDouble() * 2 - 1;
        }
        return x;
    }

    private NDArray images(double[] x, int channels) {
        float[] f = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            f[i] = (float) x[i];
        }
        return manager.create(f, new Shape(x.length / (channels * H * W), channels, H, W));
    }

    private NDArray column(float[] values, int dims) {
        return manager.create(values, dims == 4 ? new Shape(values.length, 1, 1, 1) : new Shape(values.length, 1, 1));
    }

    private static int at(int n, int c, int i, int j, int channels) {
        return ((n * channels + c) * H + i) * W + j;
    }

    /** The parameters of a test: one row per sample; null for an augmentation left out. */
    private record Params(float[] brightness, float[] saturation, float[] contrast, float[] rowShift,
            float[] colShift, float[] cutTop, float[] cutLeft) {}

    private DiscriminatorInputs.Draws draws(Params p) {
        return new DiscriminatorInputs.Draws(
                p.brightness() == null ? null : column(p.brightness(), 4),
                p.saturation() == null ? null : column(p.saturation(), 4),
                p.contrast() == null ? null : column(p.contrast(), 4),
                p.rowShift() == null ? null : column(p.rowShift(), 3),
                p.colShift() == null ? null : column(p.colShift(), 3),
                p.cutTop() == null ? null : column(p.cutTop(), 3),
                p.cutLeft() == null ? null : column(p.cutLeft(), 3));
    }

    /** The augmentations as naive loops in double precision, as Zhao et al.'s reference code defines them. */
    private static double[] reference(double[] x, int channels, Params p) {
        int n = x.length / (channels * H * W);
        double[] y = x.clone();
        if (p.brightness() != null) {
            for (int s = 0; s < n; s++) {
                for (int c = 0; c < channels; c++) {
                    for (int i = 0; i < H; i++) {
                        for (int j = 0; j < W; j++) {
                            y[at(s, c, i, j, channels)] += p.brightness()[s];
                        }
                    }
                }
                if (p.saturation() != null) {
                    for (int i = 0; i < H; i++) {
                        for (int j = 0; j < W; j++) {
                            double mean = 0;
                            for (int c = 0; c < channels; c++) {
                                mean += y[at(s, c, i, j, channels)] / channels;
                            }
                            for (int c = 0; c < channels; c++) {
                                int k = at(s, c, i, j, channels);
                                y[k] = (y[k] - mean) * p.saturation()[s] + mean;
                            }
                        }
                    }
                }
                double mean = 0;
                for (int c = 0; c < channels; c++) {
                    for (int i = 0; i < H; i++) {
                        for (int j = 0; j < W; j++) {
                            mean += y[at(s, c, i, j, channels)] / (channels * H * W);
                        }
                    }
                }
                for (int c = 0; c < channels; c++) {
                    for (int i = 0; i < H; i++) {
                        for (int j = 0; j < W; j++) {
                            int k = at(s, c, i, j, channels);
                            y[k] = (y[k] - mean) * p.contrast()[s] + mean;
                        }
                    }
                }
            }
        }
        if (p.rowShift() != null) {
            double[] shifted = new double[y.length];
            for (int s = 0; s < n; s++) {
                int dy = (int) p.rowShift()[s];
                int dx = (int) p.colShift()[s];
                for (int c = 0; c < channels; c++) {
                    for (int i = 0; i < H; i++) {
                        for (int j = 0; j < W; j++) {
                            boolean inside = i + dy >= 0 && i + dy < H && j + dx >= 0 && j + dx < W;
                            shifted[at(s, c, i, j, channels)] = inside ? y[at(s, c, i + dy, j + dx, channels)] : 0;
                        }
                    }
                }
            }
            y = shifted;
        }
        if (p.cutTop() != null) {
            for (int s = 0; s < n; s++) {
                for (int c = 0; c < channels; c++) {
                    for (int i = 0; i < H; i++) {
                        for (int j = 0; j < W; j++) {
                            if (i >= p.cutTop()[s] && i < p.cutTop()[s] + H / 2 && j >= p.cutLeft()[s]
                                    && j < p.cutLeft()[s] + W / 2) {
                                y[at(s, c, i, j, channels)] = 0;
                            }
                        }
                    }
                }
            }
        }
        return y;
    }

    private static void assertExactly(NDArray actual, double[] expected) {
        float[] a = actual.toFloatArray();
        assertThat(a).hasSize(expected.length);
        for (int i = 0; i < a.length; i++) {
            assertThat(a[i]).as("element %d", i).isEqualTo((float) expected[i]);
        }
    }

    @Test
    void translationShiftsEachImageByItsOwnWholePixelsWithZeroFill() {
        double[] x = pixels(N * C * H * W, 1);
        // Up, none, and beyond the image's height (all zero); left, right, none.
        Params p = new Params(null, null, null, new float[] {-2, 0, 9}, new float[] {1, -3, 0}, null, null);

        NDArray y = inputs(Augmentation.diffAugment(Policy.TRANSLATION), C).augment(images(x, C), draws(p));

        assertExactly(y, reference(x, C, p));
    }

    @Test
    void cutoutZeroesExactlyTheSquareClippedAtTheBorders() {
        double[] x = pixels(N * 1 * H * W, 2);
        // Inside, over the top-left corner, over the bottom-right corner: squares of 4 x 3.
        Params p = new Params(null, null, null, null, null, new float[] {2, -2, 6}, new float[] {1, -1, 4});

        NDArray y = inputs(Augmentation.diffAugment(Policy.CUTOUT), 1).augment(images(x, 1), draws(p));

        double[] expected = reference(x, 1, p);
        assertExactly(y, expected);
        long zeros = 0;
        for (double v : expected) {
            zeros += v == 0 ? 1 : 0;
        }
        assertThat(zeros).as("pixels zeroed: 4x3 + 2x2 + 2x2").isEqualTo(12 + 4 + 4);
    }

    @Test
    void colorMatchesTheReferenceFormulaInDoublePrecision() {
        double[] x = pixels(N * C * H * W, 3);
        Params p = new Params(new float[] {-0.4f, 0.1f, 0.45f}, new float[] {0.2f, 1.7f, 1f},
                new float[] {0.6f, 1.4f, 1.1f}, null, null, null, null);

        float[] y = all(C).augment(images(x, C), draws(p)).toFloatArray();

        double[] expected = reference(x, C, p);
        for (int i = 0; i < y.length; i++) {
            assertThat((double) y[i]).as("element %d", i).isCloseTo(expected[i], within(1e-5));
        }
    }

    @Test
    void saturationIsNotDrawnForOneChannel() {
        DiscriminatorInputs.Draws grey = all(1).draw(manager, N);
        DiscriminatorInputs.Draws colour = all(C).draw(manager, N);

        assertThat(grey.saturation()).isNull();
        assertThat(grey.brightness()).isNotNull();
        assertThat(colour.saturation()).isNotNull();
    }

    @Test
    void allThreeTogetherMatchTheReferenceAndTheirGradientMatchesFiniteDifferences() {
        Engine engine = DjlEngine.get();
        double[] x = pixels(N * C * H * W, 4);
        double[] weights = pixels(N * C * H * W, 5);
        Params p = new Params(new float[] {-0.4f, 0.1f, 0.45f}, new float[] {0.2f, 1.7f, 1f},
                new float[] {0.6f, 1.4f, 1.1f}, new float[] {1, -1, 0}, new float[] {0, 2, -1},
                new float[] {-1, 3, 5}, new float[] {2, 0, 4});
        double[] gradient;
        try (GradientCollector collector = engine.newGradientCollector()) {
            NDArray input = images(x, C);
            input.setRequiresGradient(true);
            NDArray y = all(C).augment(input, draws(p));
            double[] expected = reference(x, C, p);
            float[] actual = y.toFloatArray();
            for (int i = 0; i < actual.length; i++) {
                assertThat((double) actual[i]).as("element %d", i).isCloseTo(expected[i], within(1e-5));
            }
            collector.backward(y.mul(images(weights, C)).sum());
            float[] g = input.getGradient().toFloatArray();
            gradient = new double[g.length];
            for (int i = 0; i < g.length; i++) {
                gradient[i] = g[i];
            }
        }

        double h = 1e-4;
        for (int k = 0; k < x.length; k++) {
            double[] up = x.clone();
            double[] down = x.clone();
            up[k] += h;
            down[k] -= h;
            double numeric = (dot(reference(up, C, p), weights) - dot(reference(down, C, p), weights)) / (2 * h);
            assertThat(gradient[k]).as("d/dx[%d]", k).isCloseTo(numeric, within(1e-4));
        }
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    @Test
    void drawsStayInTheReferenceCodesRanges() {
        int n = 4000;
        TorchRandom.seed(3);
        DiscriminatorInputs.Draws d = all(C).draw(manager, n);

        assertRange(d.brightness(), -0.5, 0.5, false);
        assertRange(d.saturation(), 0, 2, false);
        assertRange(d.contrast(), 0.5, 1.5, false);
        // round(8 / 8) = 1 row, round(6 / 8) = 1 column; cutout 4 x 3, starting cut / 2 before a centre
        // drawn in [0, size + 1 - cut % 2): rows from 0 - 2 to 8 - 2, columns from 0 - 1 to 5 - 1.
        assertRange(d.rowShift(), -1, 1, true);
        assertRange(d.colShift(), -1, 1, true);
        assertRange(d.cutTop(), -2, 6, true);
        assertRange(d.cutLeft(), -1, 4, true);
    }

    /** Every value in [low, high] (whole numbers: every one of them seen), the extremes approached. */
    private static void assertRange(NDArray values, double low, double high, boolean whole) {
        float[] v = values.toFloatArray();
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        java.util.Set<Float> seen = new java.util.HashSet<>();
        for (float f : v) {
            assertThat((double) f).isBetween(low, high);
            if (whole) {
                assertThat(f).isEqualTo((float) Math.rint(f));
                seen.add(f);
            }
            min = Math.min(min, f);
            max = Math.max(max, f);
        }
        if (whole) {
            assertThat(seen).hasSize((int) (high - low) + 1);
        } else {
            assertThat(min).isLessThan(low + 0.01 * (high - low));
            assertThat(max).isGreaterThan(high - 0.01 * (high - low));
        }
    }

    @Test
    void probabilityZeroIsTheIdentity() {
        DiscriminatorInputs never = inputs(
                Augmentation.diffAugment(Policy.COLOR, Policy.TRANSLATION, Policy.CUTOUT).withProbability(0), C);
        double[] x = pixels(N * C * H * W, 6);
        TorchRandom.seed(4);

        NDArray y = never.augment(images(x, C), never.draw(manager, N));

        assertExactly(y, x);
    }

    @Test
    void probabilityAHalfAugmentsAboutHalfTheSamplesEachAugmentationIndependently() {
        DiscriminatorInputs half = inputs(Augmentation.diffAugment(Policy.COLOR, Policy.TRANSLATION).withProbability(0.5), C);
        TorchRandom.seed(5);
        int n = 4000;

        DiscriminatorInputs.Draws d = half.draw(manager, n);

        float[] brightness = d.brightness().toFloatArray();
        float[] shift = d.rowShift().toFloatArray();
        int untouched = 0;
        int both = 0;
        for (int i = 0; i < n; i++) {
            untouched += brightness[i] == 0f ? 1 : 0;
            both += brightness[i] != 0f && shift[i] != 0f ? 1 : 0;
        }
        assertThat(untouched).as("samples without brightness change").isBetween(1800, 2200);
        // Applied with 1/2, and a drawn shift is non-zero with 2/3: 1/2 * 1/2 * 2/3 of the samples.
        assertThat(both).as("samples with both").isBetween(550, 790);
    }

    @Test
    void adaptiveProbabilityMovesTowardsTheTargetEveryIntervalOnly() {
        // Target 0.6, every 2 steps, 0 to 1 in 1000 images; batches of 4 real images, one D update.
        DiscriminatorInputs ada = new DiscriminatorInputs(
                Augmentation.diffAugment(Policy.TRANSLATION).adaptive(0.6, 2, 1000), InstanceNoise.none(), 100,
                new int[] {1, H, W}, manager);
        // Four real rows, then four generated ones, which the heuristic ignores.
        NDArray confident = manager.create(new float[] {2f, 0.5f, 3f, -1f, 5f, 5f, 5f, 5f}, new Shape(8, 1)); // r = 0.5
        NDArray certain = manager.create(new float[] {2f, 0.5f, 3f, 1f, -5f, -5f, -5f, -5f}, new Shape(8, 1)); // r = 1

        assertThat(ada.probability()).isZero();
        ada.observeReal(certain, 4);
        ada.afterStep(1, 4, 1);
        assertThat(ada.probability()).as("between adjustments").isZero();
        assertThat(ada.heuristicSum()).isEqualTo(4);
        ada.observeReal(certain, 4);
        ada.afterStep(2, 4, 1);
        assertThat(ada.probability()).as("r = 1 > 0.6: up by 2 x 4 / 1000").isEqualTo(0.008);
        assertThat(ada.heuristicSum()).as("the sum restarts").isZero();
        ada.observeReal(certain, 4);
        ada.afterStep(3, 4, 1);
        ada.observeReal(confident, 4);
        ada.afterStep(4, 4, 1);
        assertThat(ada.probability()).as("r = 0.75 > 0.6").isEqualTo(0.016);
        for (int step = 5; step <= 12; step++) {
            ada.observeReal(confident, 4);
            ada.afterStep(step, 4, 1);
        }
        assertThat(ada.probability()).as("r = 0.5 < 0.6, four times down, clipped at 0").isZero();

        DiscriminatorInputs fixed = all(1);
        fixed.observeReal(certain, 4);
        assertThat(fixed.probability()).as("no adaptive state without ADA").isZero();
        assertThat(fixed.heuristicSum()).isZero();
    }

    @Test
    void noiseHasTheAnnealedStandardDeviationAndNoneAfterTheRunsEnd() {
        DiscriminatorInputs noisy = new DiscriminatorInputs(Augmentation.none(), InstanceNoise.annealed(0.2), 100,
                new int[] {1, H, W});
        NDArray zeros = manager.zeros(new Shape(500, 1, H, W));
        TorchRandom.seed(6);

        double atStart = std(noisy.prepare(zeros, 0).toFloatArray());
        double halfway = std(noisy.prepare(zeros, 50).toFloatArray());
        NDArray atEnd = noisy.prepare(zeros, 100);

        assertThat(atStart).isCloseTo(0.2, within(0.005));
        assertThat(halfway).isCloseTo(0.1, within(0.0025));
        assertThat(atEnd.toFloatArray()).containsOnly(0f);
        assertThat(noisy.isIdentity()).isFalse();
        assertThat(inputs(Augmentation.none(), 1).isIdentity()).isTrue();
    }

    private static double std(float[] v) {
        double sum = 0;
        double squares = 0;
        for (float f : v) {
            sum += f;
            squares += (double) f * f;
        }
        double mean = sum / v.length;
        return Math.sqrt(squares / v.length - mean * mean);
    }
}
