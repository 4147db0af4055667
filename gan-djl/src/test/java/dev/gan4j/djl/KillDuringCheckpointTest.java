package dev.gan4j.djl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gan4j.internal.checkpoint.CheckpointDirectory;
import dev.gan4j.internal.checkpoint.CheckpointFile;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 while checkpoints are being written loses no earlier checkpoint: a child JVM writes one
 * after every step and is killed at several moments, mostly while a write is seen under way; every
 * checkpoint left must load. Kills go on until two have landed in the middle of a write (a temporary
 * file left behind), at least four and at most ten.
 */
@Slow
class KillDuringCheckpointTest {

    private static final int MIN_KILLS = 4;
    private static final int MAX_KILLS = 10;
    private static final int MID_WRITE_KILLS = 2;

    @Test
    void killedWriterLeavesOnlyLoadableCheckpoints(@TempDir Path dir) throws Exception {
        List<String> temporaryFilesLeft = new ArrayList<>();
        int midWrite = 0;
        long newest = 0;
        for (int kill = 0; kill < MAX_KILLS && (kill < MIN_KILLS || midWrite < MID_WRITE_KILLS); kill++) {
            // given: a child writing checkpoints, resuming the previous child's run
            Process child = start(dir, dir.resolve("child-" + kill + ".log"));
            try {
                newest = awaitCheckpointAfter(dir, newest, child);
                // when: killed as soon as a write is seen under way, or a varying moment later
                awaitTemporaryFile(dir);
                Thread.sleep(kill % 3 == 2 ? kill : 0);
            } finally {
                child.destroyForcibly();
                child.waitFor(30, TimeUnit.SECONDS);
            }

            // then: every checkpoint in the directory reads back whole
            for (CheckpointDirectory.Entry entry : CheckpointDirectory.list(dir)) {
                CheckpointFile.read(entry.file());
                newest = Math.max(newest, entry.step());
            }
            List<String> left = temporaryFiles(dir);
            midWrite += left.isEmpty() ? 0 : 1;
            temporaryFilesLeft.addAll(left);
        }

        // and the next run clears away the temporary files of interrupted writes
        String runId = CheckpointFile.runOf(CheckpointDirectory.file(dir, newest)).orElseThrow();
        CheckpointDirectory.prepare(dir, newest, new CheckpointDirectory.Ownership(runId, false), false);
        assertThat(temporaryFiles(dir)).isEmpty();
        assertThat(CheckpointDirectory.list(dir)).isNotEmpty();
        assertThat(temporaryFilesLeft).as("temporary files of writes the kills interrupted").isNotEmpty();
    }

    private static Process start(Path dir, Path log) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        return new ProcessBuilder(java, "-Xmx512m", "-Dai.djl.offline=true",
                        "-cp", System.getProperty("java.class.path"),
                        CheckpointingChild.class.getName(), dir.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    /** Waits until the directory holds a checkpoint past {@code step}; returns the newest step. */
    private static long awaitCheckpointAfter(Path dir, long step, Process child) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            List<CheckpointDirectory.Entry> entries = CheckpointDirectory.list(dir);
            if (!entries.isEmpty() && entries.get(entries.size() - 1).step() > step) {
                return entries.get(entries.size() - 1).step();
            }
            if (!child.isAlive()) {
                throw new AssertionError("the child exited with " + child.exitValue() + " before writing a checkpoint;"
                        + " see the logs in " + dir);
            }
            Thread.sleep(2);
        }
        throw new AssertionError("no checkpoint after step " + step + " within 120 s in " + dir + File.separator);
    }

    /** Spins until a checkpoint is being written (its temporary file exists), for at most 10 s. */
    private static void awaitTemporaryFile(Path dir) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline && temporaryFiles(dir).isEmpty()) {
            Thread.onSpinWait();
        }
    }

    private static List<String> temporaryFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".tmp")).toList();
        }
    }
}
