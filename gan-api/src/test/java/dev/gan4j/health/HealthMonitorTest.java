package dev.gan4j.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gan4j.spec.TensorShape;
import dev.gan4j.train.GanLoss;
import dev.gan4j.train.listener.StepMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;

/** The monitor's judgement on synthetic metric sequences. */
class HealthMonitorTest {

    private static final int STEPS_PER_EPOCH = 281;

    /** A report at {@code globalStep} of a run that is healthy in every respect. */
    private static Report healthy(long globalStep) {
        return new Report(globalStep);
    }

    /** Mutable stand-in for the values of one report. */
    private static final class Report {
        final long globalStep;
        float dLoss = 0.45f;
        float gLoss = 1.3f;
        float realAccuracy = 0.85f;
        float fakeAccuracy = 0.85f;
        float foolRate = 0.1f;
        float realScore = 0.7f;
        float fakeScore = 0.3f;
        float gNorm = 4f;
        float dNorm = 9f;
        float fakeDiversity = 18f;
        float realDiversity = 20f;

        Report(long globalStep) {
            this.globalStep = globalStep;
        }

        Report accuracy(float a) {
            realAccuracy = a;
            fakeAccuracy = a;
            return this;
        }

        StepMetrics metrics() {
            int epoch = (int) ((globalStep - 1) / STEPS_PER_EPOCH) + 1;
            int step = (int) ((globalStep - 1) % STEPS_PER_EPOCH) + 1;
            return new StepMetrics(epoch, step, STEPS_PER_EPOCH, globalStep, dLoss, gLoss, realScore, fakeScore,
                    realAccuracy, fakeAccuracy, foolRate, 1000, gNorm, dNorm, fakeDiversity, realDiversity);
        }
    }

    /** Feeds a report every {@code logEvery} steps up to {@code steps} and collects the diagnoses. */
    private static List<Diagnosis> run(HealthMonitor monitor, int steps, int logEvery, LongFunction<Report> report) {
        List<Diagnosis> found = new ArrayList<>();
        for (long s = logEvery; s <= steps; s += logEvery) {
            found.addAll(monitor.observe(report.apply(s).metrics()));
        }
        return found;
    }

    private static List<Diagnosis> run(int steps, int logEvery, LongFunction<Report> report) {
        return run(new HealthMonitor(HealthPolicy.defaults()), steps, logEvery, report);
    }

    @Test
    void healthyRunRaisesNothing() {
        assertThat(run(5000, 10, HealthMonitorTest::healthy)).isEmpty();
    }

    @Test
    void discriminatorAboveThresholdIsNamedOverpoweringAfterWarmupAndOneWindow() {
        // given: a discriminator right on 99% of real and fake images from the start
        List<Diagnosis> found = run(1000, 10, s -> healthy(s).accuracy(0.99f));

        // then: named once, at the first step judged (warmup 200 + window 200), with the evidence
        assertThat(found).hasSize(1);
        Diagnosis d = found.get(0);
        assertThat(d.condition()).isEqualTo(HealthCondition.DISCRIMINATOR_OVERPOWERING);
        assertThat(d.action()).isEqualTo(HealthAction.WARN);
        assertThat(d.globalStep()).isEqualTo(400);
        assertThat(d.epoch()).isEqualTo(2);
        assertThat(d.step()).isEqualTo(119);
        assertThat(d.sinceStep()).isEqualTo(210);
        assertThat(d.evidence()).isEqualTo("the discriminator's accuracy averaged 0.990 (real 0.990, fake 0.990)"
                + " over the 20 reports of global steps 210-400, above 0.95; the generator fooled it on 10.0% of its"
                + " images");
        assertThat(d.advice()).isEqualTo(HealthCondition.DISCRIMINATOR_OVERPOWERING.advice()).contains("0.8-0.95");
    }

    @Test
    void strongDiscriminatorDuringWarmupIsNotReported() {
        // a fresh discriminator beats a random generator in healthy runs too
        List<Diagnosis> found = run(2000, 10, s -> healthy(s).accuracy(s <= 200 ? 1f : 0.85f));

        assertThat(found).isEmpty();
    }

    @Test
    void oneNoisyReportAboveTheThresholdIsNotReported() {
        List<Diagnosis> found = run(2000, 10, s -> healthy(s).accuracy(s == 1000 ? 1f : 0.9f));

        assertThat(found).isEmpty();
    }

    @Test
    void windowIsCountedInStepsSoLogEveryKeepsItsMeaning() {
        // given: a discriminator that turns overpowering at step 300
        LongFunction<Report> report = s -> healthy(s).accuracy(s <= 300 ? 0.8f : 0.99f);

        // when
        List<Diagnosis> everyStep = run(1000, 1, report);
        List<Diagnosis> everyTenSteps = run(1000, 10, report);
        List<Diagnosis> everyFiftySteps = run(1000, 50, report);

        // then: named once the window holds enough of the new regime, at about the same step
        assertThat(everyStep).singleElement().extracting(Diagnosis::globalStep).isEqualTo(458L);
        assertThat(everyTenSteps).singleElement().extracting(Diagnosis::globalStep).isEqualTo(460L);
        assertThat(everyFiftySteps).singleElement().extracting(Diagnosis::globalStep).isEqualTo(500L);
    }

    @Test
    void windowAveragesAtLeastThreeReportsWhenReportsAreSparse() {
        // given: one report every 150 steps, one of them at 100% accuracy
        List<Diagnosis> found = run(3000, 150, s -> healthy(s).accuracy(s == 1200 ? 1f : 0.9f));

        // then: (0.9 + 0.9 + 1.0) / 3 is below 0.95
        assertThat(found).isEmpty();
    }

    @Test
    void generatorFarLessDiverseThanTheDataIsNamedCollapsed() {
        List<Diagnosis> found = run(1000, 10, s -> {
            Report r = healthy(s);
            r.fakeDiversity = s < 300 ? 15f : 0.5f;
            return r;
        });

        assertThat(found).singleElement().satisfies(d -> {
            assertThat(d.condition()).isEqualTo(HealthCondition.GENERATOR_COLLAPSE);
            assertThat(d.globalStep()).isEqualTo(460);
            assertThat(d.evidence()).isEqualTo("two generated images of a batch were 2.675 apart on average against"
                    + " 20.000 for real ones (13.4% of the real diversity, below 15%) over the 20 reports of global"
                    + " steps 270-460");
        });
    }

    @Test
    void tinyGeneratorGradientIsNamedVanishing() {
        List<Diagnosis> found = run(1000, 10, s -> {
            Report r = healthy(s);
            r.gNorm = 1e-4f;
            return r;
        });

        assertThat(found).singleElement().satisfies(d -> {
            assertThat(d.condition()).isEqualTo(HealthCondition.VANISHING_GENERATOR_GRADIENTS);
            assertThat(d.globalStep()).isEqualTo(400);
            assertThat(d.evidence()).isEqualTo(
                    "the generator's gradient norm averaged 0.000100 over the 20 reports of global steps 210-400,"
                            + " below 0.0100");
        });
    }

    @Test
    void nonFiniteLossIsNamedDivergenceAtOnceWithTheStepsSinceTheLastFiniteReport() {
        // given: NaN from step 25 on, reported every 10 steps
        List<Diagnosis> found = run(100, 10, s -> {
            Report r = healthy(s);
            if (s >= 25) {
                r.dLoss = Float.NaN;
                r.gNorm = Float.POSITIVE_INFINITY;
            }
            return r;
        });

        // then: named at the first report after it (even in warmup), once
        assertThat(found).singleElement().satisfies(d -> {
            assertThat(d.condition()).isEqualTo(HealthCondition.DIVERGENCE);
            assertThat(d.action()).isEqualTo(HealthAction.STOP);
            assertThat(d.globalStep()).isEqualTo(30);
            assertThat(d.sinceStep()).isEqualTo(21);
            assertThat(d.evidence()).isEqualTo("discriminator loss NaN, generator gradient norm Infinity at global"
                    + " step 30; the last report with finite values was at global step 20, so training diverged at a"
                    + " step in 21-30 (logEvery(1) names the step)");
        });
    }

    @Test
    void divergenceAtTheFirstReportSaysSo() {
        List<Diagnosis> found = run(10, 10, s -> {
            Report r = healthy(s);
            r.gLoss = Float.NEGATIVE_INFINITY;
            return r;
        });

        assertThat(found).singleElement().extracting(Diagnosis::evidence).isEqualTo("generator loss -Infinity at"
                + " global step 10; no earlier report, so training diverged at a step in 1-10 (logEvery(1) names the"
                + " step)");
    }

    @Test
    void divergenceReportedEveryStepNamesTheStep() {
        List<Diagnosis> found = run(10, 1, s -> {
            Report r = healthy(s);
            r.dNorm = s >= 7 ? Float.NaN : 9f;
            return r;
        });

        assertThat(found).singleElement().satisfies(d -> {
            assertThat(d.globalStep()).isEqualTo(7);
            assertThat(d.sinceStep()).isEqualTo(7);
            assertThat(d.evidence()).isEqualTo("discriminator gradient norm NaN at global step 7");
        });
    }

    @Test
    void conditionThatKeepsHoldingIsReportedOnce() {
        assertThat(run(5000, 10, s -> healthy(s).accuracy(1f))).hasSize(1);
    }

    @Test
    void conditionIsReportedAgainAfterAWholeWindowWithoutIt() {
        // given: overpowering until 600, healthy until 1200, overpowering again
        List<Diagnosis> found = run(2000, 10, s -> healthy(s).accuracy(s <= 600 || s > 1200 ? 0.99f : 0.8f));

        assertThat(found).extracting(Diagnosis::globalStep).containsExactly(400L, 1360L);
    }

    @Test
    void conditionHoveringAroundItsThresholdIsReportedOnce() {
        // given: the window mean crosses 0.95 back and forth every few reports
        List<Diagnosis> found = run(3000, 10, s -> healthy(s).accuracy((s / 30) % 2 == 0 ? 0.99f : 0.915f));

        assertThat(found).hasSize(1);
    }

    @Test
    void diagnosisCarriesThePolicysAction() {
        HealthPolicy policy = HealthPolicy.builder()
                .action(HealthCondition.DISCRIMINATOR_OVERPOWERING, HealthAction.STOP)
                .build();

        List<Diagnosis> found = run(new HealthMonitor(policy), 1000, 10, s -> healthy(s).accuracy(1f));

        assertThat(found).singleElement().extracting(Diagnosis::action).isEqualTo(HealthAction.STOP);
    }

    @Test
    void ignoredConditionIsNotReported() {
        HealthPolicy policy = HealthPolicy.builder()
                .action(HealthCondition.DISCRIMINATOR_OVERPOWERING, HealthAction.IGNORE)
                .build();

        assertThat(run(new HealthMonitor(policy), 1000, 10, s -> healthy(s).accuracy(1f))).isEmpty();
    }

    @Test
    void policyOffReportsNothingEvenDivergence() {
        List<Diagnosis> found = run(new HealthMonitor(HealthPolicy.off()), 1000, 10, s -> {
            Report r = healthy(s).accuracy(1f);
            r.gLoss = Float.NaN;
            r.fakeDiversity = 0f;
            r.gNorm = 0f;
            return r;
        });

        assertThat(found).isEmpty();
    }

    @Test
    void thresholdsComeFromThePolicy() {
        HealthPolicy policy = HealthPolicy.builder().warmup(0).window(50).overpoweringAccuracy(0.8).build();

        List<Diagnosis> found = run(new HealthMonitor(policy), 1000, 10, s -> healthy(s).accuracy(0.85f));

        assertThat(found).singleElement().extracting(Diagnosis::globalStep).isEqualTo(50L);
    }

    @Test
    void severalConditionsCanStartAtOneReport() {
        List<Diagnosis> found = run(1000, 10, s -> {
            Report r = healthy(s).accuracy(1f);
            r.gNorm = 1e-6f;
            return r;
        });

        assertThat(found).extracting(Diagnosis::condition).containsExactly(
                HealthCondition.DISCRIMINATOR_OVERPOWERING, HealthCondition.VANISHING_GENERATOR_GRADIENTS);
    }

    @Test
    void rejectsReportsOutOfOrder() {
        HealthMonitor monitor = new HealthMonitor(HealthPolicy.defaults());
        monitor.observe(healthy(20).metrics());

        assertThatThrownBy(() -> monitor.observe(healthy(20).metrics()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("reports must come in step order: global step 20 after 20");
    }

    /** A Wasserstein critic's report: raw scores, no accuracy. */
    private static Report critic(long globalStep, float estimate) {
        Report r = healthy(globalStep).accuracy(Float.NaN);
        r.foolRate = Float.NaN;
        r.realScore = estimate / 2;
        r.fakeScore = -estimate / 2;
        r.dLoss = -estimate;
        return r;
    }

    private static final TensorShape DIGIT = TensorShape.of(1, 28, 28);

    @Test
    void criticEstimateAboveTheImageCubesDiameterIsNamedUnconstrained() {
        // given: a critic whose estimate climbs past 2·sqrt(784) = 56, the most a 1-Lipschitz critic can give
        HealthMonitor monitor = new HealthMonitor(HealthPolicy.defaults(), GanLoss.wasserstein(), DIGIT);

        // when
        List<Diagnosis> found = run(monitor, 1000, 10, s -> critic(s, s < 250 ? 5f : 100f));

        // then
        assertThat(found).singleElement().satisfies(d -> {
            assertThat(d.condition()).isEqualTo(HealthCondition.UNCONSTRAINED_CRITIC);
            assertThat(d.globalStep()).isEqualTo(400);
            assertThat(d.evidence()).isEqualTo("the critic's estimate of the Wasserstein distance, D(x) - D(G(z)),"
                    + " averaged 81.00 over the 20 reports of global steps 210-400, above 56.00, the most a 1-Lipschitz"
                    + " critic can give between images in [-1, 1]");
            assertThat(d.message()).contains("Lipschitz constraint has failed").contains("gradient penalty");
        });
    }

    @Test
    void criticWithinTheBoundAndWithoutAccuracyRaisesNothing() {
        // given: an estimate of 50 (under 56), accuracies NaN as a critic's are
        HealthMonitor monitor = new HealthMonitor(HealthPolicy.defaults(), GanLoss.wasserstein(), DIGIT);

        assertThat(run(monitor, 2000, 10, s -> critic(s, 50f))).isEmpty();
    }

    @Test
    void criticBoundScalesWithTheImageAndThePolicysLimit() {
        // given: 3x32x32 images (diameter 2·sqrt(3072) = 110.85) and half of it as the limit
        HealthPolicy half = HealthPolicy.builder().criticEstimateLimit(0.5).build();
        HealthMonitor monitor = new HealthMonitor(half, GanLoss.wasserstein(), TensorShape.of(3, 32, 32));

        // then: 60 is above 55.43, 50 is not
        assertThat(run(monitor, 1000, 10, s -> critic(s, 60f)))
                .singleElement().extracting(Diagnosis::evidence).asString().contains("above 55.43");
        assertThat(run(new HealthMonitor(half, GanLoss.wasserstein(), TensorShape.of(3, 32, 32)), 1000, 10,
                s -> critic(s, 50f))).isEmpty();
    }

    @Test
    void scoresOfALossWithoutACriticAreNotJudgedAsAnEstimate() {
        HealthMonitor monitor = new HealthMonitor(HealthPolicy.defaults(), GanLoss.hinge(), DIGIT);

        assertThat(run(monitor, 1000, 10, s -> {
            Report r = healthy(s);
            r.realScore = 100f;
            r.fakeScore = -100f;
            return r;
        })).isEmpty();
    }

    @Test
    void penalisedCriticIsJudgedByItsEstimateToo() {
        HealthMonitor monitor = new HealthMonitor(HealthPolicy.defaults(), GanLoss.wassersteinGp(), DIGIT);

        assertThat(run(monitor, 1000, 10, s -> critic(s, 100f)))
                .singleElement().extracting(Diagnosis::condition).isEqualTo(HealthCondition.UNCONSTRAINED_CRITIC);
    }

    @Test
    void criticNeedsTheImageShape() {
        assertThatThrownBy(() -> new HealthMonitor(HealthPolicy.defaults(), GanLoss.wasserstein(), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a Wasserstein critic's health needs the image shape, got null");
    }

    @Test
    void overpoweredHingeDiscriminatorIsNotAdvisedLabelSmoothingWhichHingeRefuses() {
        HealthMonitor monitor = new HealthMonitor(HealthPolicy.defaults(), GanLoss.hinge(), DIGIT);

        List<Diagnosis> found = run(monitor, 1000, 10, s -> healthy(s).accuracy(0.99f));

        assertThat(found).singleElement().satisfies(d -> {
            assertThat(d.condition()).isEqualTo(HealthCondition.DISCRIMINATOR_OVERPOWERING);
            assertThat(d.advice()).doesNotContain("LabelSmoothing").contains("no targets").contains("R1");
            assertThat(d.message()).endsWith(d.advice());
        });
    }

    @Test
    void adviceForVanishingGradientsFitsTheLoss() {
        // minimax: switch to the non-saturating loss
        assertThat(HealthCondition.VANISHING_GENERATOR_GRADIENTS.advice(GanLoss.minimax()))
                .contains("use GanLoss.nonSaturating()");
        // already non-saturating: the discriminator is the problem, not the loss
        assertThat(HealthCondition.VANISHING_GENERATOR_GRADIENTS.advice(GanLoss.nonSaturating()))
                .doesNotContain("use GanLoss.nonSaturating()").contains("Lower the discriminator's learning rate");
        // a clipped critic: the clip
        assertThat(HealthCondition.VANISHING_GENERATOR_GRADIENTS.advice(GanLoss.wasserstein(1e-4)))
                .contains("raise the clip").contains("gradient penalty");
        // a penalised critic has no clip: its penalty and learning rate
        assertThat(HealthCondition.VANISHING_GENERATOR_GRADIENTS.advice(GanLoss.wassersteinGp()))
                .doesNotContain("clip").contains("lower the penalty's weight");
    }

    @Test
    void adviceForCollapseOffersLabelSmoothingOnlyToLossesWithTargets() {
        for (GanLoss loss : GanLoss.DEFAULTS) {
            String advice = HealthCondition.GENERATOR_COLLAPSE.advice(loss);
            if (loss.usesTargets()) {
                assertThat(advice).as(loss.name()).contains("label smoothing");
            } else {
                assertThat(advice).as(loss.name()).doesNotContain("label smoothing");
            }
        }
    }

    @Test
    void monitorOfTheDefaultLossAdvisesAsTheConditionDoes() {
        List<Diagnosis> found = run(1000, 10, s -> healthy(s).accuracy(0.99f));

        assertThat(found).singleElement().extracting(Diagnosis::advice).asString()
                .startsWith(HealthCondition.DISCRIMINATOR_OVERPOWERING.advice());
    }
}
