package dev.gan4j.djl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gan4j.health.HealthPolicy;
import dev.gan4j.train.ComputeDevice;
import dev.gan4j.train.GanTrainer;
import dev.gan4j.train.TrainedGan;
import dev.gan4j.train.listener.EpochSummary;
import dev.gan4j.train.listener.StepProfile;
import dev.gan4j.train.listener.TrainingListener;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StepProfileTest {

    private static List<StepProfile> train(boolean profile) {
        return train(profile, 4);
    }

    private static List<StepProfile> train(boolean profile, int logEvery) {
        List<StepProfile> profiles = new ArrayList<>();
        try (TrainedGan ignored = GanTrainer.builder()
                .generator(TinyGan.generator())
                .discriminator(TinyGan.discriminator())
                .batchSize(8).stepsPerEpoch(12).logEvery(logEvery).epochs(2)
                .device(ComputeDevice.cpu()).seed(5).health(HealthPolicy.off())
                .profileSteps(profile)
                .listener(new TrainingListener() {
                    @Override
                    public void onProfile(StepProfile p) {
                        profiles.add(p);
                    }
                })
                .build()
                .train(TinyGan.data(64, 1))) {
            return profiles;
        }
    }

    @Test
    void profiledRunReportsEveryPhaseWithEachMetricsReport() {
        List<StepProfile> profiles = train(true);

        assertThat(profiles).hasSize(6);
        assertThat(profiles).extracting(StepProfile::globalStep).containsExactly(4L, 8L, 12L, 16L, 20L, 24L);
        assertThat(profiles).extracting(StepProfile::steps).containsOnly(4);
        for (StepProfile p : profiles) {
            assertThat(p.dataSeconds()).isPositive();
            assertThat(p.discriminatorSeconds()).isPositive();
            assertThat(p.generatorSeconds()).isPositive();
            assertThat(p.metricsSeconds()).isPositive();
            assertThat(p.otherSeconds()).isGreaterThanOrEqualTo(0);
            assertThat(p.totalSeconds()).isLessThan(60);
        }
    }

    @Test
    void measuredStepCopiesToTheHostOnceAndOtherStepsNever() {
        // Every step measured: each report's one step made exactly one copy.
        List<StepProfile> everyStep = train(true, 1);
        // One step in four measured: the three others made none.
        List<StepProfile> everyFourth = train(true, 4);

        assertThat(everyStep).hasSize(24).extracting(StepProfile::hostCopies).containsOnly(1L);
        assertThat(everyFourth).hasSize(6).extracting(StepProfile::steps).containsOnly(4);
        assertThat(everyFourth).extracting(StepProfile::hostCopies).containsOnly(1L);
    }

    @Test
    void readsOfListenersBetweenReportsCountInTheNextReport() {
        List<StepProfile> profiles = new ArrayList<>();
        try (TrainedGan ignored = GanTrainer.builder()
                .generator(TinyGan.generator())
                .discriminator(TinyGan.discriminator())
                .batchSize(8).stepsPerEpoch(4).logEvery(4).epochs(2)
                .device(ComputeDevice.cpu()).seed(5).health(HealthPolicy.off())
                .profileSteps(true)
                .listener(new TrainingListener() {
                    @Override
                    public void onProfile(StepProfile p) {
                        profiles.add(p);
                    }

                    @Override
                    public void onEpochEnd(EpochSummary summary) {
                        // Three images are one chunk: one copy, after the first epoch's report.
                        summary.generator().generate(3, 1);
                    }
                })
                .build()
                .train(TinyGan.data(64, 1))) {
            assertThat(profiles).extracting(StepProfile::hostCopies).containsExactly(1L, 2L);
        }
    }

    @Test
    void unprofiledRunReportsNoProfile() {
        assertThat(train(false)).isEmpty();
    }
}
