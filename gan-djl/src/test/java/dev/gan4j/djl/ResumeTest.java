package dev.gan4j.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gan4j.internal.checkpoint.CheckpointState;
import dev.gan4j.spi.TrainingLoop;
import dev.gan4j.train.Adam;
import dev.gan4j.train.GanTrainer;
import dev.gan4j.train.LearningRateSchedule;
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

    @Test
    void aRunWithLearningRateSchedulesResumesBitExactlyAndKeepsThem(@TempDir Path whole, @TempDir Path cut)
            throws IOException {
        Adam generatorAdam = Adam.of(2e-3, 0.5).schedule(LearningRateSchedule.cosine(0.1).withWarmup(3));
        Adam discriminatorAdam = Adam.of(2e-3, 0.5).schedule(LearningRateSchedule.linear(0).withWarmup(4));
        List<float[]> uninterrupted = Runs.train(Runs.builder(whole).generatorOptimizer(generatorAdam)
                .discriminatorOptimizer(discriminatorAdam).build());
        GanTrainer crashing = Runs.builder(cut).generatorOptimizer(generatorAdam).discriminatorOptimizer(discriminatorAdam)
                .listener(Runs.crashAfter(7)).build();
        assertThatThrownBy(() -> Runs.train(crashing)).hasMessageContaining("simulated crash");

        GanTrainer resumed = GanTrainer.resume(cut).build();

        assertThat(resumed.config().generatorOptimizer()).isEqualTo(generatorAdam);
        assertThat(resumed.config().discriminatorOptimizer()).isEqualTo(discriminatorAdam);
        Runs.assertSameWeights(Runs.train(resumed), uninterrupted);
        // and the schedule changed the result: the same run at a constant rate ends elsewhere
        assertThat(Runs.train(Runs.builder(whole.resolve("constant")).optimizer(Adam.of(2e-3, 0.5)).build()).get(0))
                .isNotEqualTo(uninterrupted.get(0));
    }
}
