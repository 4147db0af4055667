package dev.gan4j.internal.checkpoint;

import dev.gan4j.train.CorruptCheckpointException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The checkpoints of one run in a directory: files {@code checkpoint-<global step>.ckpt}, numbered so
 * that the newest is the one with the highest step. Temporary files of writes that never finished
 * ({@code .checkpoint-*.ckpt.*.tmp}, see {@link dev.gan4j.internal.io.AtomicFiles}) are removed when a run
 * starts. One run writes into a directory at a time.
 */
public final class CheckpointDirectory {

    private static final Logger LOG = LoggerFactory.getLogger("dev.gan4j.checkpoints");
    private static final Pattern NAME = Pattern.compile("checkpoint-(\\d{1,18})\\.ckpt");
    private static final Pattern TEMPORARY = Pattern.compile("\\.checkpoint-\\d{1,18}\\.ckpt\\..*\\.tmp");

    private CheckpointDirectory() {}

    /** A checkpoint file and the global step it holds. */
    public record Entry(Path file, long step) {}

    /** The file of the checkpoint after global step {@code step}. */
    public static Path file(Path dir, long step) {
        return dir.resolve(String.format("checkpoint-%012d.ckpt", step));
    }

    /** Returns the checkpoints in {@code dir}, oldest first; none if it does not exist. */
    public static List<Entry> list(Path dir) throws IOException {
        List<Entry> entries = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return entries;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                long step = stepOf(f);
                if (step >= 0 && Files.isRegularFile(f)) {
                    entries.add(new Entry(f, step));
                }
            }
        }
        entries.sort(Comparator.comparingLong(Entry::step));
        return entries;
    }

    /**
     * Makes {@code dir} ready for a run that continues after global step {@code start} (0 for a new
     * run): creates it, removes temporary files left by interrupted writes, and checks that it holds
     * no checkpoint past {@code start}, which the run would mix with its own.
     *
     * @throws IllegalStateException if it does, naming the newest one
     */
    public static void prepare(Path dir, long start) throws IOException {
        Files.createDirectories(dir);
        removeTemporaryFiles(dir);
        checkNothingAfter(dir, start);
    }

    /**
     * Checks that {@code dir} holds no checkpoint past global step {@code start}.
     *
     * @throws IllegalStateException if it does, naming the newest one and what to do
     */
    public static void checkNothingAfter(Path dir, long start) throws IOException {
        List<Entry> entries = list(dir);
        if (entries.isEmpty() || entries.get(entries.size() - 1).step() <= start) {
            return;
        }
        Entry newest = entries.get(entries.size() - 1);
        if (start == 0) {
            throw new IllegalStateException("checkpointDir " + dir + " already holds checkpoints (newest "
                    + newest.file().getFileName() + "); continue that run with GanTrainer.resume(" + dir
                    + "), or give an empty directory");
        }
        throw new IllegalStateException("checkpoint directory " + dir + " holds " + newest.file().getFileName()
                + ", newer than step " + start + " resumed from; resume into another directory with"
                + " checkpointDir(...), or remove the newer checkpoints");
    }

    /** Deletes all but the newest {@code keep} checkpoints. */
    public static void prune(Path dir, int keep) throws IOException {
        List<Entry> entries = list(dir);
        for (int i = 0; i < entries.size() - keep; i++) {
            Files.deleteIfExists(entries.get(i).file());
        }
    }

    /**
     * Reads the checkpoint to resume from: {@code path} itself if it is a file, else the newest in the
     * directory {@code path}. If that one is damaged, looks for the newest good one before it: with
     * {@code skipCorrupt} it is used (and the damaged ones are renamed {@code *.corrupt}), otherwise
     * the exception names it.
     *
     * @throws CorruptCheckpointException if the chosen checkpoint is damaged and not skipped
     * @throws IOException if there is no checkpoint to read
     */
    public static CheckpointFile.Contents choose(Path path, boolean skipCorrupt) throws IOException {
        List<Path> candidates = new ArrayList<>();
        Path dir;
        if (Files.isDirectory(path)) {
            dir = path;
            list(dir).forEach(e -> candidates.add(0, e.file()));
            if (candidates.isEmpty()) {
                throw new NoSuchFileException(dir.toString(), null,
                        "holds no gan4j checkpoint (files named checkpoint-<step>.ckpt)");
            }
        } else if (Files.exists(path)) {
            dir = path.toAbsolutePath().getParent();
            candidates.add(path);
            long step = stepOf(path);
            list(dir).stream().filter(e -> e.step() < step).forEach(e -> candidates.add(1, e.file()));
        } else {
            throw new NoSuchFileException(path.toString(), null, "no such checkpoint file or directory");
        }
        List<CorruptCheckpointException> bad = new ArrayList<>();
        for (Path candidate : candidates) {
            CheckpointFile.Contents contents;
            try {
                contents = CheckpointFile.read(candidate);
            } catch (CorruptCheckpointException e) {
                bad.add(e);
                continue;
            }
            if (bad.isEmpty()) {
                return contents;
            }
            if (skipCorrupt) {
                setAside(bad, candidate);
                return contents;
            }
            CorruptCheckpointException first = bad.get(0);
            CorruptCheckpointException e = new CorruptCheckpointException(first.getMessage()
                    + "; the previous good checkpoint is " + candidate + " (step "
                    + contents.state().progress().globalStep() + "): resume from that file, or call skipCorrupt(true)",
                    first.file(), candidate);
            e.initCause(first);
            throw e;
        }
        CorruptCheckpointException first = bad.get(0);
        CorruptCheckpointException e = new CorruptCheckpointException(
                first.getMessage() + "; no good checkpoint precedes it in " + dir, first.file(), null);
        e.initCause(first);
        throw e;
    }

    private static void setAside(List<CorruptCheckpointException> bad, Path resumed) throws IOException {
        for (CorruptCheckpointException e : bad) {
            Path aside = e.file().resolveSibling(e.file().getFileName() + ".corrupt");
            Files.move(e.file(), aside, StandardCopyOption.REPLACE_EXISTING);
            LOG.warn("{}; renamed it {} and resuming from {}", e.getMessage(), aside.getFileName(), resumed);
        }
    }

    private static void removeTemporaryFiles(Path dir) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                if (TEMPORARY.matcher(f.getFileName().toString()).matches()) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }

    /** The step in a checkpoint's file name, or -1 if the name is not a checkpoint's. */
    private static long stepOf(Path file) {
        Matcher m = NAME.matcher(file.getFileName().toString());
        return m.matches() ? Long.parseLong(m.group(1)) : -1;
    }
}
