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
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The checkpoints of one run in a directory: files {@code checkpoint-<global step>.ckpt}, numbered so
 * that the newest is the one with the highest step. Temporary files of writes that never finished
 * ({@code .checkpoint-*.ckpt.*.tmp}, see {@link dev.gan4j.internal.io.AtomicFiles}) are removed when a run
 * starts. A directory belongs to one run: each checkpoint names its run ({@link
 * CheckpointFile#runOf}), a run refuses a directory holding another run's checkpoints unless told to set
 * them aside (into {@value #OTHER_RUNS}{@code /<run id>/}), and pruning deletes only the run's own.
 */
public final class CheckpointDirectory {

    private static final Logger LOG = LoggerFactory.getLogger("dev.gan4j.checkpoints");
    private static final Pattern NAME = Pattern.compile("checkpoint-(\\d{1,18})\\.ckpt");
    private static final Pattern TEMPORARY = Pattern.compile("\\.checkpoint-\\d{1,18}\\.ckpt\\..*\\.tmp");

    /** The folder, inside a checkpoint directory, where other runs' checkpoints are set aside. */
    public static final String OTHER_RUNS = "other-runs";

    /** What {@link CheckpointFile#runOf} gives for checkpoints of gan4j 0.1.0, which had no run id. */
    private static final String UNKNOWN_RUN = "";

    private CheckpointDirectory() {}

    /**
     * Which checkpoints are a run's own.
     *
     * @param runId the run's id
     * @param ownsUnnamed whether checkpoints without a run id (gan4j 0.1.0's) are its own too: true
     *     when it resumes from such a checkpoint in this directory, whose other checkpoints the same
     *     run wrote
     */
    public record Ownership(String runId, boolean ownsUnnamed) {

        /** Whether a checkpoint of run {@code owner} is this run's. */
        public boolean owns(String owner) {
            return owner.equals(runId) || (ownsUnnamed && owner.equals(UNKNOWN_RUN));
        }
    }

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
     * run): creates it, removes temporary files left by interrupted writes, sets other runs'
     * checkpoints aside or refuses them ({@link #checkOtherRuns}), and checks that it holds none of the
     * run's own checkpoints past {@code start}, which the run would mix with the ones it writes.
     *
     * @throws IllegalStateException if another run's checkpoints are there and not to be set aside,
     *     or newer ones of this run, naming them
     */
    public static void prepare(Path dir, long start, Ownership run, boolean setAsideOthers) throws IOException {
        requireDirectoryOrNothing(dir);
        Files.createDirectories(dir);
        removeTemporaryFiles(dir);
        Map<String, List<Entry>> others = otherRuns(dir, run);
        if (!others.isEmpty()) {
            if (!setAsideOthers) {
                refuse(dir, start, run, others);
            }
            setAside(dir, others);
        }
        checkNothingAfter(dir, start, run, false);
    }

    /**
     * Checks that {@code dir} holds no checkpoint of another run than {@code run}, unless they are to be
     * set aside.
     *
     * @param start the global step the run continues after: 0 for a new run
     * @throws IllegalStateException naming both runs and what to do
     */
    public static void checkOtherRuns(Path dir, long start, Ownership run, boolean setAsideOthers) throws IOException {
        requireDirectoryOrNothing(dir);
        Map<String, List<Entry>> others = otherRuns(dir, run);
        if (!others.isEmpty() && !setAsideOthers) {
            refuse(dir, start, run, others);
        }
    }

    /** Throws the refusal for {@code others}, the checkpoints of other runs than {@code run} in {@code dir}. */
    private static void refuse(Path dir, long start, Ownership run, Map<String, List<Entry>> others) {
        List<String> described = new ArrayList<>();
        others.forEach((owner, entries) -> described.add(describeRun(owner) + " (" + entries.size() + " checkpoint"
                + (entries.size() == 1 ? "" : "s") + ", newest " + entries.get(entries.size() - 1).file().getFileName()
                + ")"));
        String holds = "checkpointDir " + dir + " holds checkpoints of " + String.join(" and ", described);
        String setAside = "call setAsideOtherRuns(true) to move them into " + dir.resolve(OTHER_RUNS) + "/<run id>";
        if (start == 0) {
            String resumable = others.size() == 1 ? dir.toString() : dir.resolve("<run>").toString();
            throw new IllegalStateException(holds + "; this is a new run (" + describeRun(run.runId())
                    + "): continue that run with GanTrainer.resume(" + resumable + "), give an empty directory, or "
                    + setAside + " and start this run there");
        }
        throw new IllegalStateException(holds + ", not of " + describeRun(run.runId())
                + ", which is resumed here: the two runs' files would mix. Resume into another directory with"
                + " checkpointDir(...), or " + setAside);
    }

    /**
     * Checks that {@code dir} holds none of {@code run}'s checkpoints past global step {@code start}.
     * Newer ones that are damaged are renamed {@code *.corrupt} when {@code skipCorrupt}, so that a run
     * resumes from an older good file; otherwise the refusal says so.
     *
     * @throws IllegalStateException if it does, naming the newest one and what to do
     */
    public static void checkNothingAfter(Path dir, long start, Ownership run, boolean skipCorrupt) throws IOException {
        List<Entry> newer = new ArrayList<>();
        List<CorruptCheckpointException> damaged = new ArrayList<>();
        for (Entry e : list(dir)) {
            if (e.step() <= start) {
                continue;
            }
            Optional<String> owner = CheckpointFile.runOf(e.file());
            if (owner.isPresent() && !run.owns(owner.get())) {
                continue; // another run's: checkOtherRuns deals with those
            }
            CorruptCheckpointException fault = damage(e.file());
            if (fault != null) {
                damaged.add(fault);
            } else {
                newer.add(e);
            }
        }
        if (!newer.isEmpty()) {
            // A new run owns nothing yet: only a resumed one meets its own newer checkpoints.
            Entry newest = newer.get(newer.size() - 1);
            throw new IllegalStateException("checkpoint directory " + dir + " holds " + newest.file().getFileName()
                    + ", newer than step " + start + " resumed from; resume into another directory with"
                    + " checkpointDir(...), or remove the newer checkpoints");
        }
        if (damaged.isEmpty()) {
            return;
        }
        if (skipCorrupt) {
            setAside(damaged, "step " + start);
            return;
        }
        CorruptCheckpointException first = damaged.get(0);
        throw new IllegalStateException(first.getMessage() + "; it is newer than step " + start
                + " resumed from: call skipCorrupt(true) to rename the damaged checkpoints *.corrupt and resume"
                + " from step " + start, first);
    }

    /**
     * Refuses a checkpoint directory that is something else.
     *
     * @throws IllegalArgumentException naming it and what it is
     */
    private static void requireDirectoryOrNothing(Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IllegalArgumentException("checkpointDir " + dir + " is "
                    + (Files.isRegularFile(dir) ? "a file" : "a FIFO, device or socket")
                    + ", not a directory; give a directory, or a path where one can be created");
        }
    }

    /** Returns why {@code file} cannot be read as a checkpoint, or {@code null} if it can. */
    private static CorruptCheckpointException damage(Path file) throws IOException {
        try {
            CheckpointFile.read(file);
            return null;
        } catch (CorruptCheckpointException e) {
            return e;
        }
    }

    /**
     * Returns the checkpoints in {@code dir} of runs other than {@code run}, by run id ({@code ""} for
     * checkpoints of gan4j 0.1.0 that are not its own), oldest first. Files that cannot be read are
     * nobody's: neither refused nor pruned.
     */
    static Map<String, List<Entry>> otherRuns(Path dir, Ownership run) throws IOException {
        Map<String, List<Entry>> others = new TreeMap<>();
        for (Entry e : list(dir)) {
            Optional<String> owner = CheckpointFile.runOf(e.file());
            if (owner.isPresent() && !run.owns(owner.get())) {
                others.computeIfAbsent(owner.get(), k -> new ArrayList<>()).add(e);
            }
        }
        return others;
    }

    private static String describeRun(String runId) {
        return runId.equals(UNKNOWN_RUN) ? "a run of gan4j 0.1.0 (no run id)" : "run " + runId;
    }

    /** Moves other runs' checkpoints into {@value #OTHER_RUNS}{@code /<run id>/}: nothing is deleted. */
    private static void setAside(Path dir, Map<String, List<Entry>> others) throws IOException {
        for (Map.Entry<String, List<Entry>> run : others.entrySet()) {
            Path target = dir.resolve(OTHER_RUNS).resolve(run.getKey().equals(UNKNOWN_RUN) ? "0.1.0" : run.getKey());
            Files.createDirectories(target);
            for (Entry e : run.getValue()) {
                Files.move(e.file(), target.resolve(e.file().getFileName()));
            }
            LOG.warn("set {} checkpoints of {} aside into {}", run.getValue().size(), describeRun(run.getKey()), target);
        }
    }

    /**
     * Deletes all but the newest {@code keep} of {@code run}'s checkpoints. Another run's, or a file
     * that cannot be read, is never deleted.
     */
    public static void prune(Path dir, int keep, Ownership run) throws IOException {
        List<Entry> own = new ArrayList<>();
        for (Entry e : list(dir)) {
            Optional<String> owner = CheckpointFile.runOf(e.file());
            if (owner.isPresent() && run.owns(owner.get())) {
                own.add(e);
            }
        }
        for (int i = 0; i < own.size() - keep; i++) {
            Files.deleteIfExists(own.get(i).file());
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
                setAside(bad, candidate.toString());
                return contents;
            }
            CorruptCheckpointException first = bad.get(0);
            CorruptCheckpointException e = new CorruptCheckpointException(first.getMessage()
                    + "; the previous good checkpoint is " + candidate + " (step "
                    + contents.state().progress().globalStep() + "): call skipCorrupt(true) to rename the damaged"
                    + " checkpoints *.corrupt and resume from it", first.file(), candidate);
            e.initCause(first);
            throw e;
        }
        CorruptCheckpointException first = bad.get(0);
        CorruptCheckpointException e = new CorruptCheckpointException(
                first.getMessage() + "; no good checkpoint precedes it in " + dir, first.file(), null);
        e.initCause(first);
        throw e;
    }

    private static void setAside(List<CorruptCheckpointException> bad, String resumed) throws IOException {
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
