package dev.gan4j.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gan4j.internal.checkpoint.CheckpointState;
import dev.gan4j.spi.TrainingLoop;
import dev.gan4j.train.GanTrainer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** On the CPU a run resumed from a checkpoint ends bit for bit where the uninterrupted run ends. */
class ResumeTest {

    @TempDir
    static Path uninterruptedDir;

    private static List<float[]> uninterruptedWeights;
    private static CheckpointState uninterrupted;

    @BeforeAll
    static void trainWithoutInterruption() throws IOException {
        uninterruptedWeights = Runs.train(Runs.builder(uninterruptedDir).build());
        uninterrupted = Runs.newest(uninterruptedDir).state();
    }

    @ParameterizedTest(name = "crash after step {0}, resume from step {1}")
    @CsvSource({
        "7, 6",   // mid-epoch: epoch 2, step 1 of 5; the data pass ends inside a step
        "11, 10", // an epoch's last step: resuming starts epoch 3
    })
    void resumedRunEndsWithBitIdenticalWeights(long crashStep, long resumeStep, @TempDir Path dir) throws IOException {
        // given: a run that crashes after a checkpoint
        GanTrainer crashing = Runs.builder(dir).listener(Runs.crashAfter(crashStep)).build();
        assertThatThrownBy(() -> Runs.train(crashing)).hasMessageContaining("simulated crash");
        assertThat(Runs.newest(dir).state().progress().globalStep()).isEqualTo(resumeStep);

        // when
        TrainingLoop resumed = (TrainingLoop) GanTrainer.resume(dir).build();
        List<float[]> weights = Runs.train(resumed);

        // then: generator (its average), discriminator, optimisers and counters all equal
        assertThat(resumed.resumedStep()).isEqualTo(resumeStep);
        Runs.assertSameWeights(weights, uninterruptedWeights);
        Runs.assertSameState(Runs.newest(dir).state(), uninterrupted);
    }

    @Test
    void finishedRunExtendedByAnEpochMatchesALongerRun(@TempDir Path dir, @TempDir Path elsewhere) throws IOException {
        // given: the same run, two epochs instead of three
        Runs.train(Runs.builder(dir).epochs(2).build());
        Path last = Runs.newest(dir).file();

        // when: resumed from its last file into another directory, to three epochs
        List<float[]> weights = Runs.train(GanTrainer.resume(last).epochs(3).checkpointDir(elsewhere).build());

        // then
        Runs.assertSameWeights(weights, uninterruptedWeights);
        Runs.assertSameState(Runs.newest(elsewhere).state(), uninterrupted);
    }

    @Test
    void resumedTrainerKeepsTheRunsSettings() throws IOException {
        GanTrainer resumed = GanTrainer.resume(uninterruptedDir).build();

        assertThat(resumed.config()).usingRecursiveComparison().ignoringFields("listeners")
                .isEqualTo(Runs.builder(uninterruptedDir).config());
    }
}
