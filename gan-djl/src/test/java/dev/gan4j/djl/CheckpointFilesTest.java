package dev.gan4j.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gan4j.internal.checkpoint.CheckpointFile;
import dev.gan4j.internal.checkpoint.CheckpointState;
import dev.gan4j.spi.TrainingLoop;
import dev.gan4j.train.CorruptCheckpointException;
import dev.gan4j.train.GanTrainer;
import dev.gan4j.train.listener.TrainingListener;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writing, pruning, damage detection and the rules of a checkpoint directory. */
class CheckpointFilesTest {

    @TempDir
    Path dir;

    /** Four steps, a checkpoint after each, the newest three kept: steps 2, 3 and 4 remain. */
    private GanTrainer.Builder fourSteps() {
        return Runs.builder(dir).epochs(1).stepsPerEpoch(4).checkpointEvery(1).keepCheckpoints(3);
    }

    private Path checkpoint(long step) {
        return dir.resolve(String.format("checkpoint-%012d.ckpt", step));
    }

    @Test
    void keepsOnlyTheNewestCheckpoints() throws IOException {
        Runs.train(fourSteps().build());

        assertThat(fileNames()).containsExactly(
                "checkpoint-000000000002.ckpt", "checkpoint-000000000003.ckpt", "checkpoint-000000000004.ckpt");
    }

    @Test
    void listenersHearOfEveryCheckpoint() {
        List<String> heard = new ArrayList<>();
        TrainingListener listener = new TrainingListener() {
            @Override
            public void onCheckpoint(Path file, long globalStep) {
                heard.add(globalStep + " " + file.getFileName());
            }
        };

        Runs.train(fourSteps().checkpointEvery(3).listener(listener).build());

        assertThat(heard).containsExactly("3 checkpoint-000000000003.ckpt", "4 checkpoint-000000000004.ckpt");
    }

    @Test
    void truncatedCheckpointIsReportedWithThePreviousGoodOne() throws IOException {
        // given
        Runs.train(fourSteps().build());
        truncate(checkpoint(4));

        // when, then
        assertThatThrownBy(() -> GanTrainer.resume(dir).build())
                .isInstanceOfSatisfying(CorruptCheckpointException.class, e -> {
                    assertThat(e.file()).isEqualTo(checkpoint(4));
                    assertThat(e.previousGood()).contains(checkpoint(3));
                })
                .hasMessage("checkpoint " + checkpoint(4) + " is truncated or not a checkpoint: its zip directory,"
                        + " written last, is missing; the previous good checkpoint is " + checkpoint(3)
                        + " (step 3): call skipCorrupt(true) to rename the damaged checkpoints *.corrupt and resume"
                        + " from it");
    }

    @Test
    void damagedByteIsReportedWithTheEntryItHits() throws IOException {
        Runs.train(fourSteps().build());
        flipByteInside(checkpoint(4), CheckpointFile.GENERATOR_WEIGHTS);

        assertThatThrownBy(() -> GanTrainer.resume(checkpoint(4)).build())
                .isInstanceOf(CorruptCheckpointException.class)
                .hasMessage("checkpoint " + checkpoint(4) + " is corrupt: generator.weights.bin fails its SHA-256"
                        + " check; the previous good checkpoint is " + checkpoint(3)
                        + " (step 3): call skipCorrupt(true) to rename the damaged checkpoints *.corrupt and resume"
                        + " from it");
    }

    @Test
    void skipCorruptResumesFromThePreviousGoodOneAndSetsTheBadOneAside() throws IOException {
        // given: the good last checkpoint, then the file damaged
        Runs.train(fourSteps().build());
        CheckpointState expected = CheckpointFile.read(checkpoint(4)).state();
        truncate(checkpoint(4));

        // when
        TrainingLoop trainer = (TrainingLoop) GanTrainer.resume(dir).skipCorrupt(true).build();

        // then: it resumed from step 3, and training again rewrites step 4 as it was
        assertThat(trainer.resumedFrom()).contains(checkpoint(3));
        assertThat(fileNames()).contains("checkpoint-000000000004.ckpt.corrupt")
                .doesNotContain("checkpoint-000000000004.ckpt");
        Runs.train(trainer);
        Runs.assertSameState(CheckpointFile.read(checkpoint(4)).state(), expected);
    }

    @Test
    void noGoodCheckpointAtAllIsSaid() throws IOException {
        Runs.train(fourSteps().build());
        for (long step = 2; step <= 4; step++) {
            truncate(checkpoint(step));
        }

        assertThatThrownBy(() -> GanTrainer.resume(dir).skipCorrupt(true).build())
                .isInstanceOfSatisfying(CorruptCheckpointException.class,
                        e -> assertThat(e.previousGood()).isEmpty())
                .hasMessage("checkpoint " + checkpoint(4) + " is truncated or not a checkpoint: its zip directory,"
                        + " written last, is missing; no good checkpoint precedes it in " + dir);
    }

    @Test
    void emptyFileIsTruncated() throws IOException {
        Runs.train(fourSteps().build());
        Files.write(checkpoint(4), new byte[0]);

        assertThatThrownBy(() -> CheckpointFile.read(checkpoint(4)))
                .isInstanceOf(CorruptCheckpointException.class)
                .hasMessage("checkpoint " + checkpoint(4) + " is truncated: it is empty");
    }

    @Test
    void directoryWithoutCheckpointsIsSaid() {
        assertThatThrownBy(() -> GanTrainer.resume(dir).build())
                .isInstanceOf(NoSuchFileException.class)
                .hasMessage(dir + ": holds no gan4j checkpoint (files named checkpoint-<step>.ckpt)");
    }

    @Test
    void newRunRefusesADirectoryHoldingCheckpointsAtBuildNamingBothRuns() {
        Runs.train(fourSteps().build());
        String other = CheckpointFile.runOf(checkpoint(4)).orElseThrow();

        assertThatThrownBy(() -> fourSteps().build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("checkpointDir " + dir + " holds checkpoints of run " + other
                        + " (3 checkpoints, newest checkpoint-000000000004.ckpt); this is a new run (run ")
                .hasMessageEndingWith("): continue that run with GanTrainer.resume(" + dir + "), give an empty"
                        + " directory, or call setAsideOtherRuns(true) to move them into " + dir.resolve("other-runs")
                        + "/<run id> and start this run there");
    }

    @Test
    void resumingAnOlderCheckpointRefusesToMixWithNewerOnes() {
        Runs.train(fourSteps().build());

        assertThatThrownBy(() -> GanTrainer.resume(checkpoint(3)).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("checkpoint directory " + dir + " holds checkpoint-000000000004.ckpt, newer than step 3"
                        + " resumed from; resume into another directory with checkpointDir(...), or remove the newer"
                        + " checkpoints");
    }

    @Test
    void aCheckpointThatCannotBeWrittenStopsTheRunNamingTheStepAndTheFile() {
        // A directory where step 2's checkpoint goes: the write is refused, as a full disk would fail it.
        TrainingListener blockStep2 = new TrainingListener() {
            @Override
            public void onCheckpoint(Path file, long globalStep) {
                try {
                    Files.createDirectories(checkpoint(2));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        };

        assertThatThrownBy(() -> Runs.train(fourSteps().listener(blockStep2).build()))
                .isInstanceOf(dev.gan4j.train.GanException.class)
                .hasMessage("the checkpoint of epoch 1, step 2 (global step 2) could not be written to " + checkpoint(2)
                        + ": " + checkpoint(2) + " is a directory, not a regular file; choose a file path");
        assertThat(checkpoint(1)).isRegularFile();
    }

    @Test
    void leftoverTemporaryFilesAreRemovedWhenARunStarts() throws IOException {
        Path leftover = dir.resolve(".checkpoint-000000000007.ckpt.0b7e2f.tmp");
        Path unrelated = dir.resolve("notes.txt");
        Files.writeString(leftover, "half a checkpoint");
        Files.writeString(unrelated, "mine");

        Runs.train(fourSteps().build());

        assertThat(leftover).doesNotExist();
        assertThat(unrelated).exists();
    }

    @Test
    void resumingOnOtherImagesIsRefused() throws IOException {
        Runs.train(fourSteps().build());
        GanTrainer resumed = GanTrainer.resume(dir).build();

        assertThatThrownBy(() -> resumed.train(TinyGan.data(40, 99)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the data set's images differ from those the run of " + checkpoint(4) + " trained on"
                        + " (their checksums differ); resume with the same data set, in the same order");
        assertThatThrownBy(() -> resumed.train(TinyGan.data(48, 4)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the data set holds 48 images, but the run of " + checkpoint(4) + " trained on 40;"
                        + " resume with the same data set");
    }

    @Test
    void epochsEndingBeforeTheCheckpointAreRefused() {
        Runs.train(fourSteps().epochs(2).build());

        assertThatThrownBy(() -> GanTrainer.resume(dir).epochs(1).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("epochs 1 ends before epoch 2 of checkpoint " + checkpoint(8) + "; give at least 2");
    }

    private List<String> fileNames() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    private static void truncate(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
    }

    /** Flips one byte in the middle of an entry's data: found after its name in its local zip header. */
    private static void flipByteInside(Path file, String entry) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        byte[] name = entry.getBytes(StandardCharsets.UTF_8);
        int at = indexOf(bytes, name);
        int header = at - 30;
        int extra = (bytes[header + 28] & 0xff) | (bytes[header + 29] & 0xff) << 8;
        int data = at + name.length + extra;
        bytes[data + 200] ^= 0x10;
        Files.write(file, bytes);
    }

    private static int indexOf(byte[] bytes, byte[] part) {
        outer:
        for (int i = 0; i + part.length <= bytes.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (bytes[i + j] != part[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalArgumentException("not found");
    }
}
