package dev.gan4j.spi;

import java.util.List;

/**
 * What an engine hands over, in host memory, for a run to continue exactly where it stopped: both
 * networks' parameters (BatchNorm running statistics included), both optimisers' state, the
 * generator's moving average if there is one, and the position in the data order. The random state
 * is not here: every step is seeded from (seed, global step) by {@link TrainingLoop}, and every pass
 * over the data from (seed, pass).
 *
 * @param generator the generator's parameters
 * @param discriminator the discriminator's parameters
 * @param generatorOptimizer the generator's optimiser state
 * @param discriminatorOptimizer the discriminator's optimiser state
 * @param average the generator's moving-average weights, empty without one
 * @param averageUpdates the updates folded into the average
 * @param dataPass the pass over the data under way, from 0
 * @param dataPosition the images of that pass already used
 * @param augmentationProbability the adaptive augmentation's current probability (0 without one)
 * @param augmentationHeuristicSum the sum of {@code sign(D(x))} over the real images judged since
 *     the adaptive augmentation's last adjustment (0 without one)
 */
public record SessionState(
        List<HostTensor> generator,
        List<HostTensor> discriminator,
        OptimizerState generatorOptimizer,
        OptimizerState discriminatorOptimizer,
        List<HostTensor> average,
        long averageUpdates,
        long dataPass,
        int dataPosition,
        double augmentationProbability,
        double augmentationHeuristicSum) {

    /**
     * Copies the lists.
     *
     * @param generator the generator's parameters
     * @param discriminator the discriminator's parameters
     * @param generatorOptimizer the generator's optimiser state
     * @param discriminatorOptimizer the discriminator's optimiser state
     * @param average the generator's moving-average weights, empty without one
     * @param averageUpdates the updates folded into the average
     * @param dataPass the pass over the data under way, from 0
     * @param dataPosition the images of that pass already used
     * @param augmentationProbability the adaptive augmentation's current probability (0 without one)
     * @param augmentationHeuristicSum the sum of {@code sign(D(x))} over the real images judged since the
     *     adaptive augmentation's last adjustment (0 without one)
     */
    public SessionState {
        generator = List.copyOf(generator);
        discriminator = List.copyOf(discriminator);
        average = List.copyOf(average);
    }
}
