package dev.gan4j.train.listener;

import dev.gan4j.train.GanTrainer;

/**
 * Where the training time went over the steps since the previous report, when {@link
 * GanTrainer.Builder#profileSteps(boolean)} is on. Phases end at a device synchronisation, so on a GPU
 * the times are true but the steps slower than unprofiled ones; on a CPU every op is synchronous and
 * profiling costs nothing measurable.
 *
 * @param globalStep the last step covered
 * @param steps the steps covered
 * @param dataSeconds gathering real batches
 * @param discriminatorSeconds the discriminator updates, including drawing the fake batch (the
 *     generator's forward pass)
 * @param generatorSeconds the generator update (through the discriminator)
 * @param metricsSeconds computing and fetching the metrics
 * @param totalSeconds wall-clock time of the steps, including what no phase covers: the generator's
 *     average, checkpoints and listeners
 */
public record StepProfile(
        long globalStep,
        int steps,
        double dataSeconds,
        double discriminatorSeconds,
        double generatorSeconds,
        double metricsSeconds,
        double totalSeconds) {

    /** Returns the time no phase covers. */
    public double otherSeconds() {
        return totalSeconds - dataSeconds - discriminatorSeconds - generatorSeconds - metricsSeconds;
    }
}
