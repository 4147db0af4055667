package dev.gan4j.health;

import java.util.Locale;
import java.util.Objects;

/**
 * A health condition found in a training run, what was measured and what to try.
 *
 * @param condition what was found
 * @param action what the policy does about it
 * @param epoch the epoch of the report that found it, from 1
 * @param step the step within that epoch, from 1
 * @param globalStep the global step of the report that found it, from 1
 * @param sinceStep the first global step of the evidence: the first report of the window averaged, or
 *     for divergence the step after the last report whose values were all finite (the first
 *     non-finite step lies in {@code sinceStep..globalStep})
 * @param evidence what was measured, in one sentence without a final period
 * @param advice what to try, for the run's loss ({@link HealthCondition#advice(dev.gan4j.train.GanLoss)})
 */
public record Diagnosis(
        HealthCondition condition,
        HealthAction action,
        int epoch,
        int step,
        long globalStep,
        long sinceStep,
        String evidence,
        String advice) {

    /**
     * Checks the fields.
     *
     * @param condition what was found
     * @param action what the policy does about it
     * @param epoch the epoch of the report that found it, from 1
     * @param step the step within that epoch, from 1
     * @param globalStep the global step of the report that found it, from 1
     * @param sinceStep the first global step of the evidence: the first report of the window averaged, or for
     *     divergence the step after the last report whose values were all finite (the first non-finite step lies
     *     in {@code sinceStep..globalStep})
     * @param evidence what was measured, in one sentence without a final period
     * @param advice what to try, for the run's loss ({@link HealthCondition#advice(dev.gan4j.train.GanLoss)})
     */
    public Diagnosis {
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(evidence, "evidence");
        Objects.requireNonNull(advice, "advice");
        if (sinceStep > globalStep) {
            throw new IllegalArgumentException("sinceStep " + sinceStep + " is after globalStep " + globalStep);
        }
    }

    /**
     * A diagnosis with the condition's advice for the default loss ({@link HealthCondition#advice()}), as
     * diagnoses were made before advice depended on the loss.
     *
     * @param condition what was found
     * @param action what the policy does about it
     * @param epoch the epoch of the report that found it, from 1
     * @param step the step within that epoch, from 1
     * @param globalStep the global step of the report that found it, from 1
     * @param sinceStep the first global step of the evidence: the first report of the window averaged, or for
     *     divergence the step after the last report whose values were all finite (the first non-finite step lies
     *     in {@code sinceStep..globalStep})
     * @param evidence what was measured, in one sentence without a final period
     */
    public Diagnosis(
            HealthCondition condition, HealthAction action, int epoch, int step, long globalStep, long sinceStep,
            String evidence) {
        this(condition, action, epoch, step, globalStep, sinceStep, evidence,
                Objects.requireNonNull(condition, "condition").advice());
    }

    /**
     * Returns the diagnosis in a paragraph, e.g. {@code "discriminator overpowering at global step 400
     * (epoch 2, step 119): the discriminator's accuracy averaged 0.998 ... Advice: ..."}.
     *
     * @return the diagnosis in a paragraph
     */
    public String message() {
        return String.format(Locale.ROOT, "%s at global step %d (epoch %d, step %d): %s. Advice: %s",
                condition.label(), globalStep, epoch, step, evidence, advice());
    }
}
