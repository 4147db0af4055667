package dev.gan4j.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gan4j.internal.checkpoint.CheckpointDirectory;
import dev.gan4j.internal.checkpoint.CheckpointFile;
import dev.gan4j.train.GanTrainer;
import dev.gan4j.train.TrainedGan;
import dev.gan4j.train.TrainingCancelledException;
import dev.gan4j.train.listener.EpochSummary;
import dev.gan4j.train.listener.StepMetrics;
import dev.gan4j.train.listener.TrainingControl;
import dev.gan4j.train.listener.TrainingListener;
import java.io.IOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cancelling a run by interrupting its thread, and stopping one from a listener: the run ends at a
 * step boundary with a checkpoint of that step, from which it resumes bit for bit where the
 * uninterrupted run ends.
 */
class CancellationTest {

    @TempDir
    static Path uninterruptedDir;

    private static List<float[]> uninterruptedWeights;

    @BeforeAll
    static void trainWithoutInterruption() {
        uninterruptedWeights = Runs.train(Runs.builder(uninterruptedDir).build());
    }

    @Test
    void anInterruptFromAnotherThreadMidEpochEndsWithACheckpointTheRunResumesFromBitExactly(@TempDir Path dir)
            throws Exception {
        CountDownLatch reached = new CountDownLatch(1);
        // Step 7 is mid-epoch (epoch 2, step 2 of 5) and no checkpoint is due there (every 2 steps).
        TrainingListener waitAtStep7 = new TrainingListener() {
            @Override
            public void onStep(StepMetrics metrics) {
                if (metrics.globalStep() == 7) {
                    reached.countDown();
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                    while (!Thread.currentThread().isInterrupted() && System.nanoTime() < deadline) {
                        Thread.onSpinWait();
                    }
                }
            }
        };
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicReference<Boolean> statusAfter = new AtomicReference<>();
        Thread training = new Thread(() -> {
            try {
                Runs.train(Runs.builder(dir).listener(waitAtStep7).build());
            } catch (Throwable t) {
                thrown.set(t);
            }
            statusAfter.set(Thread.currentThread().isInterrupted());
        }, "training");
        training.start();
        assertThat(reached.await(60, TimeUnit.SECONDS)).isTrue();
        training.interrupt();
        training.join(60_000);

        assertThat(thrown.get()).isInstanceOfSatisfying(TrainingCancelledException.class, e -> {
            assertThat(e.steps()).isEqualTo(7);
            assertThat(e.lastCheckpoint()).contains(CheckpointDirectory.file(dir, 7));
            assertThat(e).hasMessageContaining("after global step 7; resume from " + CheckpointDirectory.file(dir, 7));
        });
        assertThat(statusAfter.get()).as("interrupt status after train").isTrue();
        assertThat(CheckpointFile.read(CheckpointDirectory.file(dir, 7)).state().progress().globalStep()).isEqualTo(7);

        Runs.assertSameWeights(Runs.train(GanTrainer.resume(dir).build()), uninterruptedWeights);
    }

    @Test
    void anInterruptThatBreaksACheckpointsWriteRewritesItAndTheRunResumesBitExactly(@TempDir Path dir)
            throws Exception {
        // Interrupted in the listeners of step 6, whose checkpoint is written next: the file channel
        // of that write closes at once, as it would if the interrupt landed in the write itself.
        TrainingListener interruptAtStep6 = new TrainingListener() {
            @Override
            public void onStep(StepMetrics metrics) {
                if (metrics.globalStep() == 6) {
                    Thread.currentThread().interrupt();
                }
            }
        };

        try {
            assertThatThrownBy(() -> Runs.train(Runs.builder(dir).listener(interruptAtStep6).build()))
                    .isInstanceOfSatisfying(TrainingCancelledException.class, e -> {
                        assertThat(e.steps()).isEqualTo(6);
                        assertThat(e.lastCheckpoint()).contains(CheckpointDirectory.file(dir, 6));
                        assertThat(e).hasRootCauseInstanceOf(ClosedByInterruptException.class);
                    });
        } finally {
            Thread.interrupted();
        }

        assertThat(CheckpointFile.read(CheckpointDirectory.file(dir, 6)).state().progress().globalStep()).isEqualTo(6);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .as("no temporary file is left")
                    .containsExactlyInAnyOrder("checkpoint-000000000002.ckpt", "checkpoint-000000000004.ckpt",
                            "checkpoint-000000000006.ckpt");
        }
        Runs.assertSameWeights(Runs.train(GanTrainer.resume(dir).build()), uninterruptedWeights);
    }

    @Test
    void aRunInterruptedAtAnyMomentLeavesACheckpointOfTheStepsItReports(@TempDir Path dir) throws Exception {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread training = new Thread(() -> {
            try (TrainedGan gan = Runs.builder(dir).epochs(1000).keepCheckpoints(2).build().train(Runs.DATA)) {
                thrown.set(new AssertionError("trained 5000 steps without noticing the interrupt"));
            } catch (Throwable t) {
                thrown.set(t);
            }
        }, "training");
        training.start();
        Thread.sleep(1500);
        training.interrupt();
        training.join(60_000);

        assertThat(training.isAlive()).isFalse();
        TrainingCancelledException e = (TrainingCancelledException) thrown.get();
        Path last = e.lastCheckpoint().orElseThrow();
        assertThat(CheckpointFile.read(last).state().progress().globalStep()).isEqualTo(e.steps());
        assertThat(CheckpointDirectory.list(dir)).hasSizeLessThanOrEqualTo(2);
    }

    @Test
    void aListenerThatStopsTheRunGetsTheGeneratorAndACheckpointTheRunResumesFromBitExactly(@TempDir Path dir)
            throws IOException {
        TrainingListener stopAtStep7 = new TrainingListener() {
            @Override
            public void onStep(StepMetrics metrics, TrainingControl control) {
                if (metrics.globalStep() == 7) {
                    control.stop("test: stop at step 7");
                }
            }

            @Override
            public void onEpochEnd(EpochSummary summary) {
                assertThat(summary.globalStep()).isIn(5L, 7L);
            }
        };

        try (TrainedGan gan = Runs.builder(dir).listener(stopAtStep7).build().train(Runs.DATA)) {
            assertThat(gan.provenance().steps()).isEqualTo(7);
            assertThat(gan.provenance().epochs()).isEqualTo(1);
        }

        assertThat(Runs.newest(dir).file()).isEqualTo(CheckpointDirectory.file(dir, 7));
        Runs.assertSameWeights(Runs.train(GanTrainer.resume(dir).build()), uninterruptedWeights);
    }

    @Test
    void aStopAtACheckpointsStepAnnouncesEachCheckpointOnce(@TempDir Path dir) {
        List<Long> announced = new java.util.ArrayList<>();
        TrainingListener stopAtStep6 = new TrainingListener() {
            @Override
            public void onStep(StepMetrics metrics, TrainingControl control) {
                if (metrics.globalStep() == 6) {
                    control.stop("test: stop where a checkpoint is due");
                }
            }

            @Override
            public void onCheckpoint(Path file, long globalStep) {
                announced.add(globalStep);
            }
        };

        Runs.train(Runs.builder(dir).listener(stopAtStep6).build());

        assertThat(announced).containsExactly(2L, 4L, 6L);
    }
}
