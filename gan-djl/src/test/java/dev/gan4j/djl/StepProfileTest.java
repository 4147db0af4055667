package dev.gan4j.djl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gan4j.health.HealthPolicy;
import dev.gan4j.train.ComputeDevice;
import dev.gan4j.train.GanTrainer;
import dev.gan4j.train.listener.StepProfile;
import dev.gan4j.train.TrainedGan;
import dev.gan4j.train.listener.TrainingListener;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StepProfileTest {

    private static List<StepProfile> train(boolean profile) {
        List<StepProfile> profiles = new ArrayList<>();
        try (TrainedGan ignored = GanTrainer.builder()
                .generator(TinyGan.generator())
                .discriminator(TinyGan.discriminator())
                .batchSize(8).stepsPerEpoch(12).logEvery(4).epochs(2)
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
    void unprofiledRunReportsNoProfile() {
        assertThat(train(false)).isEmpty();
    }
}
