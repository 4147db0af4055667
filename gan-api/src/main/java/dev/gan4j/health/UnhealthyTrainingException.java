package dev.gan4j.health;

import dev.gan4j.train.GanException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Training was stopped because a {@link HealthCondition} whose {@link HealthAction} is {@code STOP} was
 * diagnosed (by default only {@link HealthCondition#DIVERGENCE}). Carries the diagnosis and, when
 * checkpoints are being written, the newest one from before the evidence began, to resume from.
 */
public class UnhealthyTrainingException extends GanException {

    private static final long serialVersionUID = 1L;

    private final transient Diagnosis diagnosis;
    private final transient Path lastGoodCheckpoint;

    /**
     * Creates the exception.
     *
     * @param diagnosis what was found
     * @param lastGoodCheckpoint the newest checkpoint written before {@link Diagnosis#sinceStep()}, or
     *     {@code null} if there is none
     */
    public UnhealthyTrainingException(Diagnosis diagnosis, Path lastGoodCheckpoint) {
        super("training stopped: " + diagnosis.message() + " "
                + (lastGoodCheckpoint == null
                        ? "No checkpoint to go back to."
                        : "Last good checkpoint: " + lastGoodCheckpoint + "."));
        this.diagnosis = diagnosis;
        this.lastGoodCheckpoint = lastGoodCheckpoint;
    }

    /**
     * Returns what was found.
     *
     * @return what was found
     */
    public Diagnosis diagnosis() {
        return diagnosis;
    }

    /**
     * Returns the newest checkpoint written before {@link Diagnosis#sinceStep()}, whose weights predate
     * the evidence; empty when no checkpoint was written.
     *
     * @return the newest checkpoint written before {@link Diagnosis#sinceStep()}, whose weights predate the
     *     evidence; empty when no checkpoint was written
     */
    public Optional<Path> lastGoodCheckpoint() {
        return Optional.ofNullable(lastGoodCheckpoint);
    }
}
