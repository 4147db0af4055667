package dev.gan4j.spi;

import dev.gan4j.Gan4j;
import dev.gan4j.internal.checkpoint.CheckpointDirectory;
import dev.gan4j.internal.checkpoint.CheckpointFile;
import dev.gan4j.internal.checkpoint.CheckpointState;
import dev.gan4j.train.Checkpointing;
import dev.gan4j.train.GanConfig;
import dev.gan4j.train.GanException;
import dev.gan4j.train.Provenance;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Writes a run's checkpoints as it trains: every {@link Checkpointing#everySteps()} global steps and
 * after the last one, then deletes all but the newest {@link Checkpointing#keep()}. Copying the state
 * to the host synchronises the device, once per checkpoint.
 */
final class Checkpointer {

    private final GanConfig config;
    private final Checkpointing policy;
    private final TrainingSession session;
    private final int datasetSize;
    private final CheckpointDirectory.Ownership run;
    private Path lastFile;
    private long lastStep = -1;

    Checkpointer(GanConfig config, TrainingSession session, int datasetSize, CheckpointDirectory.Ownership run) {
        this.config = config;
        this.run = run;
        this.policy = config.checkpoints();
        this.session = session;
        this.datasetSize = datasetSize;
    }

    /**
     * Readies the checkpoint directory of a run that starts after {@code start}'s global step: see
     * {@link CheckpointDirectory#prepare}. Does nothing if checkpoints are off.
     *
     * @throws IllegalStateException if the directory holds the run's checkpoints past that step, or
     *     another run's that are not to be set aside
     * @throws GanException if the directory cannot be created or cleaned
     */
    static void prepare(GanConfig config, CheckpointState.Progress start, CheckpointDirectory.Ownership run) {
        Checkpointing policy = config.checkpoints();
        if (!policy.enabled()) {
            return;
        }
        try {
            CheckpointDirectory.prepare(policy.directory(), start.globalStep(), run, policy.setAsideOtherRuns());
        } catch (IOException e) {
            throw new GanException("checkpointDir " + policy.directory() + " cannot be prepared: " + e.getMessage(), e);
        }
    }

    /**
     * Writes the checkpoint of the step just done if one is due.
     *
     * @param last whether it was the run's last step, after which a checkpoint is always written
     * @return the file written, or {@code null} if none was due
     * @throws GanException if the file cannot be written: the run stops rather than go on unprotected
     */
    Path afterStep(CheckpointState.Progress progress, boolean last) {
        if (progress.globalStep() % policy.everySteps() != 0 && !last) {
            return null;
        }
        return write(progress);
    }

    /**
     * Returns the checkpoint of {@code progress}, the step just done, writing it unless it was the last
     * one written: for a run that ends early.
     *
     * @throws GanException if it cannot be written
     */
    Path finalCheckpoint(CheckpointState.Progress progress) {
        return progress.globalStep() == lastStep ? lastFile : write(progress);
    }

    /** Whether the last checkpoint written is that of global step {@code step}. */
    boolean wroteLast(long step) {
        return step == lastStep;
    }

    /** Returns the newest checkpoint of the run in its directory, or {@code null} if there is none. */
    Path newest() {
        if (lastFile != null) {
            return lastFile;
        }
        try {
            List<CheckpointDirectory.Entry> entries = CheckpointDirectory.list(policy.directory());
            return entries.isEmpty() ? null : entries.get(entries.size() - 1).file();
        } catch (IOException e) {
            return null;
        }
    }

    private Path write(CheckpointState.Progress progress) {
        Path file = CheckpointDirectory.file(policy.directory(), progress.globalStep());
        try {
            long fingerprint = session.dataFingerprint();
            Provenance provenance = Provenance.of(config, progress.globalStep(), progress.stepsPerEpoch(), datasetSize,
                    fingerprint, session.engine(), session.device(), Gan4j.version(), Instant.now(), run.runId());
            CheckpointFile.write(file, config, CheckpointState.of(progress, datasetSize, fingerprint, session.snapshot()),
                    provenance);
            lastFile = file;
            lastStep = progress.globalStep();
            CheckpointDirectory.prune(policy.directory(), policy.keep(), run);
        } catch (IOException e) {
            throw new GanException("the checkpoint of epoch " + progress.epoch() + ", step " + progress.stepInEpoch()
                    + " (global step " + progress.globalStep() + ") could not be written to " + file + ": "
                    + e.getMessage(), e);
        }
        return file;
    }
}
