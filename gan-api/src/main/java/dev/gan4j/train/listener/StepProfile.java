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
 * @param hostCopies the copies from the device into Java memory that the engine made since the
 *     previous report (since the first step, for the first report): on the training path one per
 *     report, the metrics fetched in one copy, and none in an unmeasured step; plus any that listeners
 *     and checkpoints made in between (a checkpoint copies each parameter, {@code generate} each chunk
 *     of images). It counts the engine's own reads only, not copies its libraries make inside an
 *     operation (for gan-djl: DJL's and PyTorch's), nor the profiler's synchronisations at the end of
 *     each phase; it is counted per process, so a second training running at the same time adds its
 *     reads
 */
public record StepProfile(
        long globalStep,
        int steps,
        double dataSeconds,
        double discriminatorSeconds,
        double generatorSeconds,
        double metricsSeconds,
        double totalSeconds,
        long hostCopies) {

    /**
     * Returns the time no phase covers.
     *
     * @return the time no phase covers
     */
    public double otherSeconds() {
        return totalSeconds - dataSeconds - discriminatorSeconds - generatorSeconds - metricsSeconds;
    }
}
