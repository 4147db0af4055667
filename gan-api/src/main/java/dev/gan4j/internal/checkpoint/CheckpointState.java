package dev.gan4j.internal.checkpoint;

import dev.gan4j.internal.random.Seeds;
import dev.gan4j.spi.HostTensor;
import dev.gan4j.spi.OptimizerState;
import dev.gan4j.spi.SessionState;
import java.util.List;

/**
 * Everything a run needs to continue exactly where it stopped, in host memory: counters, the data
 * order's position, both networks' parameters (BatchNorm running statistics included), both
 * optimisers' moments and step counts, and the generator's moving average if there is one. Torch's
 * random state is not here: every step reseeds it from (seed, global step), see {@link Seeds}.
 *
 * @param progress where in the run the checkpoint was taken
 * @param data where in the data order, and which data
 * @param generator the generator's parameters
 * @param discriminator the discriminator's parameters
 * @param generatorAdam the generator's optimiser state
 * @param discriminatorAdam the discriminator's optimiser state
 * @param average the generator's moving-average weights, empty without one
 * @param averageUpdates the updates folded into the average
 * @param augmentationProbability the adaptive augmentation's probability, 0 without one
 * @param augmentationHeuristicSum the adaptive augmentation's running sum of {@code sign(D(x))}
 */
public record CheckpointState(
        Progress progress,
        DataPosition data,
        List<HostTensor> generator,
        List<HostTensor> discriminator,
        OptimizerState generatorAdam,
        OptimizerState discriminatorAdam,
        List<HostTensor> average,
        long averageUpdates,
        double augmentationProbability,
        double augmentationHeuristicSum) {

    /** The state of a run at {@code progress}, from the engine's {@code session} state and the data's size and checksum. */
    public static CheckpointState of(Progress progress, int dataSize, long dataFingerprint, SessionState session) {
        return new CheckpointState(
                progress,
                new DataPosition(dataSize, dataFingerprint, session.dataPass(), session.dataPosition()),
                session.generator(),
                session.discriminator(),
                session.generatorOptimizer(),
                session.discriminatorOptimizer(),
                session.average(),
                session.averageUpdates(),
                session.augmentationProbability(),
                session.augmentationHeuristicSum());
    }

    /** Returns what the engine restores to continue the run. */
    public SessionState session() {
        return new SessionState(generator, discriminator, generatorAdam, discriminatorAdam, average, averageUpdates,
                data.pass(), data.position(), augmentationProbability, augmentationHeuristicSum);
    }

    /**
     * Where a run stands after a step.
     *
     * @param epoch the epoch of the last step, from 1
     * @param stepInEpoch the steps of that epoch done, from 1 to {@code stepsPerEpoch}
     * @param globalStep the generator steps done in the whole run
     * @param stepsPerEpoch the steps in each epoch
     */
    public record Progress(int epoch, int stepInEpoch, long globalStep, int stepsPerEpoch) {

        /** The state before the first step. */
        public static final Progress START = new Progress(1, 0, 0, 0);

        /** The epoch and step in it where training continues: the next epoch after its last step. */
        public Progress next() {
            return stepInEpoch >= stepsPerEpoch && stepsPerEpoch > 0
                    ? new Progress(epoch + 1, 0, globalStep, stepsPerEpoch)
                    : this;
        }
    }

    /**
     * The position in the data order, and a fingerprint of the data to refuse other data on resume.
     *
     * @param size the number of images
     * @param fingerprint a CRC-32C of the images' floats
     * @param pass the pass over the data under way, from 0
     * @param position the images of that pass already used
     */
    public record DataPosition(int size, long fingerprint, long pass, int position) {}
}
