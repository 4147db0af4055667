package dev.gan4j.djl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gan4j.health.HealthPolicy;
import dev.gan4j.train.ComputeDevice;
import dev.gan4j.train.GanConfig;
import dev.gan4j.train.GanTrainer;
import dev.gan4j.train.NativeMemory;
import dev.gan4j.train.TrainedGan;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResumeOverridesTest {

    @TempDir
    Path dir;

    @Test
    void resumedRunTakesTheUnsavedObservationSettingsGivenAgain() throws Exception {
        try (TrainedGan ignored = GanTrainer.builder()
                .generator(TinyGan.generator()).discriminator(TinyGan.discriminator())
                .batchSize(8).stepsPerEpoch(2).device(ComputeDevice.cpu()).seed(4)
                .checkpointDir(dir)
                .build()
                .train(TinyGan.data(32, 1))) {
            // only the checkpoint is needed
        }

        GanConfig plain = GanTrainer.resume(dir).epochs(2).build().config();
        GanConfig given = GanTrainer.resume(dir).epochs(2).health(HealthPolicy.off()).profileSteps(true)
                .nativeMemory(NativeMemory.SYSTEM_DEFAULT).build().config();

        assertThat(plain.health()).isEqualTo(HealthPolicy.defaults());
        assertThat(plain.profileSteps()).isFalse();
        assertThat(given.health().isOff()).isTrue();
        assertThat(given.profileSteps()).isTrue();
        assertThat(plain.nativeMemory()).isEqualTo(NativeMemory.REUSE);
        assertThat(given.nativeMemory()).isEqualTo(NativeMemory.SYSTEM_DEFAULT);
        assertThat(given.seed()).isEqualTo(4);
    }
}
