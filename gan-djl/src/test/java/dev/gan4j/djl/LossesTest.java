package dev.gan4j.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.gan4j.train.GanLoss;
import dev.gan4j.train.LabelSmoothing;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every loss against its paper's formula computed here independently in double precision, its
 * gradients against central finite differences of that formula, and its metrics against their
 * definitions.
 */
class LossesTest {

    private static final int B = 6;
    private static final float REAL = 0.9f;
    private static final float FAKE = 0.1f;

    @RegisterExtension
    final CpuArrays cpu = new CpuArrays();

    private NDManager manager;

    @BeforeEach
    void setUp() {
        manager = cpu.manager();
    }


    static Stream<GanLoss> losses() {
        return Stream.of(GanLoss.nonSaturating(), GanLoss.minimax(), GanLoss.leastSquares(), GanLoss.hinge(),
                GanLoss.wasserstein(), GanLoss.relativisticAverage());
    }

    private static LabelSmoothing smoothing(GanLoss loss) {
        return loss.usesTargets() ? LabelSmoothing.twoSided(REAL, FAKE) : LabelSmoothing.none();
    }

    private Losses engineLoss(GanLoss loss) {
        LabelSmoothing s = smoothing(loss);
        float[] t = new float[2 * B];
        Arrays.fill(t, 0, B, s.realTarget());
        Arrays.fill(t, B, 2 * B, s.fakeTarget());
        return Losses.of(loss, s, manager.create(t, new Shape(2 * B, 1)));
    }

    /** D's outputs for B real then B fake images, spread over the interesting range. */
    private static double[] outputs(long seed) {
        Random random = new Random(seed);
        double[] o = new double[2 * B];
        for (int i = 0; i < o.length; i++) {
            o[i] = random.nextGaussian() * 2;
        }
        return o;
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    private static double bce(double logit, double target) {
        return -(target * Math.log(sigmoid(logit)) + (1 - target) * Math.log(1 - sigmoid(logit)));
    }

    private static double mean(double[] o, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += o[i];
        }
        return sum / (to - from);
    }

    /** The discriminator's loss as its paper writes it, on real outputs o[0, B) and fake o[B, 2B). */
    static double discriminatorFormula(GanLoss loss, double[] o) {
        double r = loss.usesTargets() ? REAL : 1;
        double f = loss.usesTargets() ? FAKE : 0;
        double realTerm = 0;
        double fakeTerm = 0;
        double realMean = mean(o, 0, B);
        double fakeMean = mean(o, B, 2 * B);
        for (int i = 0; i < B; i++) {
            double x = o[i];
            double g = o[B + i];
            switch (loss.name()) {
                case "nonSaturating", "minimax" -> {
                    realTerm += bce(x, r) / B;
                    fakeTerm += bce(g, f) / B;
                }
                case "leastSquares" -> {
                    realTerm += 0.5 * (x - r) * (x - r) / B;
                    fakeTerm += 0.5 * (g - f) * (g - f) / B;
                }
                case "hinge" -> {
                    realTerm += Math.max(0, 1 - x) / B;
                    fakeTerm += Math.max(0, 1 + g) / B;
                }
                case "wasserstein" -> {
                    realTerm += -x / B;
                    fakeTerm += g / B;
                }
                case "relativisticAverage" -> {
                    realTerm += bce(x - fakeMean, r) / B;
                    fakeTerm += bce(g - realMean, f) / B;
                }
                default -> throw new AssertionError(loss);
            }
        }
        // The cross-entropy losses average their two halves (see GanLoss); the others add them.
        boolean averaged = loss.usesTargets() && !loss.name().equals("leastSquares");
        return averaged ? (realTerm + fakeTerm) / 2 : realTerm + fakeTerm;
    }

    /** The generator's loss as its paper writes it, on D's outputs for its images and a real batch. */
    static double generatorFormula(GanLoss loss, double[] fake, double[] real) {
        double r = loss.usesTargets() ? REAL : 1;
        double f = loss.usesTargets() ? FAKE : 0;
        double sum = 0;
        double realMean = mean(real, 0, B);
        double fakeMean = mean(fake, 0, B);
        for (int i = 0; i < B; i++) {
            double g = fake[i];
            sum += switch (loss.name()) {
                case "nonSaturating" -> -Math.log(sigmoid(g));
                case "minimax" -> Math.log(1 - sigmoid(g));
                case "leastSquares" -> 0.5 * (g - r) * (g - r);
                case "hinge", "wasserstein" -> -g;
                case "relativisticAverage" -> (bce(real[i] - fakeMean, f) + bce(g - realMean, r)) / 2;
                default -> throw new AssertionError(loss);
            };
        }
        return sum / B;
    }

    private NDArray column(double[] values, int from, int to) {
        float[] f = new float[to - from];
        for (int i = from; i < to; i++) {
            f[i - from] = (float) values[i];
        }
        return manager.create(f, new Shape(f.length, 1));
    }

    private static double[] asDoubles(NDArray a) {
        float[] f = a.toFloatArray();
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }

    /** Label flips: the flipped rows, and only they, get the other class's target, exactly. */
    @ParameterizedTest
    @MethodSource("losses")
    void flippedRowsGetTheOtherClasssTargetAndTheLossUsesThem(GanLoss loss) {
        Losses engineLoss = engineLoss(loss);
        boolean[] flip = new boolean[2 * B];
        flip[0] = true;
        flip[3] = true;
        flip[B + 1] = true;
        NDArray mask = manager.create(flip, new Shape(2 * B, 1));

        float[] targets = engineLoss.swappedWhere(mask).toFloatArray();

        LabelSmoothing s = smoothing(loss);
        for (int i = 0; i < 2 * B; i++) {
            boolean real = i < B;
            float expected = real != flip[i] ? s.realTarget() : s.fakeTarget();
            assertThat(targets[i]).as("target of row %d", i).isEqualTo(expected);
        }
        if (loss.name().equals("nonSaturating") || loss.name().equals("leastSquares")) {
            double[] o = outputs(11);
            double expected = 0;
            for (int i = 0; i < 2 * B; i++) {
                double t = targets[i];
                expected += (loss.name().equals("leastSquares") ? (o[i] - t) * (o[i] - t) : bce(o[i], t)) / (2 * B);
            }
            float actual = engineLoss.discriminator(column(o, 0, 2 * B), engineLoss.swappedWhere(mask)).getFloat();
            assertThat((double) actual).isCloseTo(expected, within(1e-5));
        }
    }

    @ParameterizedTest
    @MethodSource("losses")
    void discriminatorLossIsThePapersFormula(GanLoss loss) {
        for (long seed = 1; seed <= 5; seed++) {
            double[] o = outputs(seed);

            float engine = engineLoss(loss).discriminator(column(o, 0, 2 * B)).getFloat();

            assertThat((double) engine).as("seed " + seed).isCloseTo(discriminatorFormula(loss, o), within(1e-5));
        }
    }

    @ParameterizedTest
    @MethodSource("losses")
    void generatorLossIsThePapersFormula(GanLoss loss) {
        for (long seed = 1; seed <= 5; seed++) {
            double[] fake = Arrays.copyOfRange(outputs(seed), 0, B);
            double[] real = Arrays.copyOfRange(outputs(seed + 100), 0, B);
            Losses engineLoss = engineLoss(loss);

            float engine = engineLoss.generator(column(fake, 0, B),
                    engineLoss.generatorSeesReal() ? column(real, 0, B) : null).getFloat();

            assertThat((double) engine).as("seed " + seed).isCloseTo(generatorFormula(loss, fake, real), within(1e-5));
        }
    }

    @ParameterizedTest
    @MethodSource("losses")
    void gradientsMatchFiniteDifferencesOfTheFormula(GanLoss loss) {
        Engine engine = DjlEngine.get();
        double[] o = outputs(9);
        double[] real = Arrays.copyOfRange(outputs(10), 0, B);
        Losses engineLoss = engineLoss(loss);
        double[] dGradient;
        double[] gGradient;
        try (GradientCollector collector = engine.newGradientCollector()) {
            NDArray outputs = column(o, 0, 2 * B);
            outputs.setRequiresGradient(true);
            collector.backward(engineLoss.discriminator(outputs));
            dGradient = asDoubles(outputs.getGradient());
            NDArray fake = column(o, B, 2 * B);
            fake.setRequiresGradient(true);
            collector.backward(engineLoss.generator(fake, engineLoss.generatorSeesReal() ? column(real, 0, B) : null));
            gGradient = asDoubles(fake.getGradient());
        }

        double h = 1e-5;
        for (int i = 0; i < 2 * B; i++) {
            double[] up = o.clone();
            double[] down = o.clone();
            up[i] += h;
            down[i] -= h;
            double numeric = (discriminatorFormula(loss, up) - discriminatorFormula(loss, down)) / (2 * h);
            assertThat(dGradient[i]).as("dL_D/dD(%d)", i).isCloseTo(numeric, within(1e-4));
        }
        double[] fake = Arrays.copyOfRange(o, B, 2 * B);
        for (int i = 0; i < B; i++) {
            double[] up = fake.clone();
            double[] down = fake.clone();
            up[i] += h;
            down[i] -= h;
            double numeric = (generatorFormula(loss, up, real) - generatorFormula(loss, down, real)) / (2 * h);
            assertThat(gGradient[i]).as("dL_G/dD(G(z_%d))", i).isCloseTo(numeric, within(1e-4));
        }
    }

    @ParameterizedTest
    @MethodSource("losses")
    void metricsReadTheOutputsAsTheLossMeansThem(GanLoss loss) {
        double[] o = outputs(3);
        double[] verdict = Arrays.copyOfRange(outputs(4), 0, B);
        double[] real = Arrays.copyOfRange(outputs(5), 0, B);

        NDList m = engineLoss(loss).metrics(column(o, 0, 2 * B), column(verdict, 0, B), column(real, 0, B));
        float[] values = new float[m.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = m.get(i).getFloat();
        }

        double realMean = mean(o, 0, B);
        double fakeMean = mean(o, B, 2 * B);
        double[] expected = new double[5];
        double threshold = loss.name().equals("leastSquares") ? (REAL + FAKE) / 2.0 : 0;
        for (int i = 0; i < B; i++) {
            double x = o[i];
            double g = o[B + i];
            double v = verdict[i];
            if (loss.name().equals("relativisticAverage")) {
                x -= fakeMean;
                g -= realMean;
                v -= mean(real, 0, B);
            }
            expected[0] += (loss.outputsLogits() ? sigmoid(x) : x) / B;
            expected[1] += (loss.outputsLogits() ? sigmoid(g) : g) / B;
            expected[2] += (x > threshold ? 1.0 : 0) / B;
            expected[3] += (g <= threshold ? 1.0 : 0) / B;
            expected[4] += (v > threshold ? 1.0 : 0) / B;
        }
        assertThat((double) values[0]).as("D(x)").isCloseTo(expected[0], within(1e-5));
        assertThat((double) values[1]).as("D(G(z))").isCloseTo(expected[1], within(1e-5));
        if (loss instanceof GanLoss.Wasserstein) {
            // a critic's score has no threshold: no accuracy
            assertThat(values[2]).isNaN();
            assertThat(values[3]).isNaN();
            assertThat(values[4]).isNaN();
        } else {
            assertThat((double) values[2]).as("real accuracy").isCloseTo(expected[2], within(1e-6));
            assertThat((double) values[3]).as("fake accuracy").isCloseTo(expected[3], within(1e-6));
            assertThat((double) values[4]).as("fool rate").isCloseTo(expected[4], within(1e-6));
        }
    }

    @Test
    void wassersteinClipsEveryCriticParameterInPlaceAndLeavesTheRestAsTheyWere() {
        Network critic = Network.create(TinyGan.discriminator().stack(), manager);
        critic.requireGradients(true);
        for (Param p : critic.params()) {
            if (p.trainable()) {
                p.array().muli(100); // far outside the clip
            }
        }
        float[][] before = critic.params().stream().map(p -> p.array().toFloatArray()).toArray(float[][]::new);
        NDArray[] arrays = critic.params().stream().map(Param::array).toArray(NDArray[]::new);

        engineLoss(GanLoss.wasserstein(0.05)).afterDiscriminatorUpdate(critic);

        for (int i = 0; i < arrays.length; i++) {
            Param p = critic.params().get(i);
            assertThat(p.array()).as("the same array: the optimiser holds it").isSameAs(arrays[i]);
            float[] after = p.array().toFloatArray();
            for (int k = 0; k < after.length; k++) {
                float expected = p.trainable() ? Math.max(-0.05f, Math.min(0.05f, before[i][k])) : before[i][k];
                assertThat(after[k]).as(p.name() + "[" + k + "]").isEqualTo(expected);
            }
            if (p.trainable()) {
                assertThat(p.array().hasGradient()).as(p.name() + " records gradients again").isTrue();
            }
        }
    }
}
