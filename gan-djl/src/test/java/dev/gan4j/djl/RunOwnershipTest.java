package dev.gan4j.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gan4j.internal.checkpoint.CheckpointDirectory;
import dev.gan4j.internal.checkpoint.CheckpointFile;
import dev.gan4j.spi.TrainingLoop;
import dev.gan4j.train.CorruptCheckpointException;
import dev.gan4j.train.GanTrainer;
import dev.gan4j.train.TrainedGan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A checkpoint directory belongs to one run: another run's checkpoints there are refused at build()
 * naming both runs, or set aside on request, and never pruned; and the advice for a damaged
 * checkpoint is a call that works.
 */
class RunOwnershipTest {

    @TempDir
    Path runA;

    @TempDir
    Path runB;

    /** Four steps, a checkpoint after each, the newest three kept. */
    private static GanTrainer.Builder fourSteps(Path dir) {
        return Runs.builder(dir).epochs(1).stepsPerEpoch(4).checkpointEvery(1).keepCheckpoints(3);
    }

    private static Path checkpoint(Path dir, long step) {
        return CheckpointDirectory.file(dir, step);
    }

    private static String runOf(Path dir) throws IOException {
        List<CheckpointDirectory.Entry> entries = CheckpointDirectory.list(dir);
        return CheckpointFile.runOf(entries.get(entries.size() - 1).file()).orElseThrow();
    }

    /** Every file under {@code dir} with its size and modification time: what "untouched" means. */
    private static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path f : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                files.put(dir.relativize(f).toString(), Files.size(f) + " " + Files.getLastModifiedTime(f));
            }
        }
        return files;
    }

    @Test
    void everyCheckpointOfARunCarriesItsIdAndTheGeneratorToo() throws IOException {
        String id;
        try (TrainedGan gan = fourSteps(runA).build().train(Runs.DATA)) {
            id = gan.provenance().runId();
        }
        assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        for (CheckpointDirectory.Entry e : CheckpointDirectory.list(runA)) {
            assertThat(CheckpointFile.runOf(e.file())).contains(id);
        }

        TrainingLoop resumed = (TrainingLoop) GanTrainer.resume(runA).epochs(2).build();
        assertThat(resumed.runId()).as("a resumed run keeps its id").isEqualTo(id);
    }

    @Test
    void resumingIntoAnotherRunsDirectoryIsRefusedAtBuildNamingBothRunsAndTouchesNothing() throws IOException {
        Runs.train(fourSteps(runA).build());
        Runs.train(fourSteps(runB).build());
        String a = runOf(runA);
        String b = runOf(runB);
        Map<String, String> before = snapshot(runB);

        assertThatThrownBy(() -> GanTrainer.resume(runA).epochs(4).checkpointDir(runB).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("checkpointDir " + runB + " holds checkpoints of run " + b + " (3 checkpoints, newest"
                        + " checkpoint-000000000004.ckpt), not of run " + a + ", which is resumed here: the two runs'"
                        + " files would mix. Resume into another directory with checkpointDir(...), or call"
                        + " setAsideOtherRuns(true) to move them into " + runB.resolve("other-runs") + "/<run id>");

        assertThat(snapshot(runB)).isEqualTo(before);
    }

    @Test
    void setAsideOtherRunsMovesTheirCheckpointsIntactAndThatRunStillResumes() throws IOException {
        Runs.train(fourSteps(runA).build());
        Runs.train(fourSteps(runB).build());
        String b = runOf(runB);
        Map<String, String> runBFiles = snapshot(runB);

        Runs.train(GanTrainer.resume(runA).epochs(2).checkpointDir(runB).setAsideOtherRuns(true).build());

        Path aside = runB.resolve("other-runs").resolve(b);
        Map<String, String> moved = snapshot(aside);
        assertThat(moved).isEqualTo(runBFiles);
        assertThat(runOf(runB)).isEqualTo(runOf(runA));
        // and run B goes on from where it was set aside
        TrainingLoop resumedB = (TrainingLoop) GanTrainer.resume(aside).epochs(2).build();
        assertThat(resumedB.runId()).isEqualTo(b);
        assertThat(resumedB.resumedFrom()).contains(checkpoint(aside, 4));
    }

    @Test
    void pruningDeletesOnlyTheRunsOwnCheckpoints() throws IOException {
        Runs.train(fourSteps(runA).keepCheckpoints(10).build());
        Runs.train(fourSteps(runB).build());
        // another run's file dropped into run B's directory after it started
        Path stray = runB.resolve("checkpoint-000000000001.ckpt");
        Files.copy(checkpoint(runA, 1), stray);
        Path unreadable = runB.resolve("checkpoint-000000000000.ckpt");
        Files.writeString(unreadable, "not a checkpoint");

        CheckpointDirectory.prune(runB, 1, new CheckpointDirectory.Ownership(runOf(runB), false));

        assertThat(CheckpointDirectory.list(runB)).extracting(CheckpointDirectory.Entry::file)
                .containsExactly(unreadable, stray, checkpoint(runB, 4));
    }

    @Test
    void aCheckpointDirThatIsAFileIsRefusedAtBuildNamingIt() throws IOException {
        Path file = Files.writeString(runA.resolve("notes.txt"), "mine");

        assertThatThrownBy(() -> fourSteps(file).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("checkpointDir " + file + " is a file, not a directory; give a directory, or a path where"
                        + " one can be created");
        assertThat(Files.readString(file)).isEqualTo("mine");
    }

    @Test
    void theAdviceForADamagedNewestCheckpointWorksAsWritten() throws IOException {
        Runs.train(fourSteps(runA).build());
        Files.write(checkpoint(runA, 4), new byte[] {1, 2, 3});

        // the advice names skipCorrupt(true) ...
        assertThatThrownBy(() -> GanTrainer.resume(runA).build())
                .isInstanceOf(CorruptCheckpointException.class)
                .hasMessageEndingWith("the previous good checkpoint is " + checkpoint(runA, 3)
                        + " (step 3): call skipCorrupt(true) to rename the damaged checkpoints *.corrupt and resume from it");
        // ... and resuming from the good file without it says the same
        assertThatThrownBy(() -> GanTrainer.resume(checkpoint(runA, 3)).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("checkpoint " + checkpoint(runA, 4) + " is truncated or not a checkpoint")
                .hasMessageEndingWith("; it is newer than step 3 resumed from: call skipCorrupt(true) to rename the"
                        + " damaged checkpoints *.corrupt and resume from step 3");

        // when the advice is followed, from the file
        TrainingLoop resumed = (TrainingLoop) GanTrainer.resume(checkpoint(runA, 3)).skipCorrupt(true).build();

        // then
        assertThat(resumed.resumedStep()).isEqualTo(3);
        assertThat(runA.resolve("checkpoint-000000000004.ckpt.corrupt")).hasBinaryContent(new byte[] {1, 2, 3});
        Runs.train(resumed);
        assertThat(CheckpointFile.read(checkpoint(runA, 4)).state().progress().globalStep()).isEqualTo(4);
    }
}
