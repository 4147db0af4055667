package dev.gan4j.spi;

import java.util.List;

/**
 * An Adam optimiser's state in host memory, what a checkpoint saves so that a resumed run continues
 * the same updates.
 *
 * @param means the first moments, one per trainable parameter, in parameter order, named after it
 * @param variances the second moments, likewise
 * @param steps the updates each parameter has had
 */
public record OptimizerState(List<HostTensor> means, List<HostTensor> variances, long[] steps) {

    /**
     * Copies the lists; the tensors and the array are taken as they are.
     *
     * @param means the first moments, one per trainable parameter, in parameter order, named after it
     * @param variances the second moments, likewise
     * @param steps the updates each parameter has had
     */
    public OptimizerState {
        means = List.copyOf(means);
        variances = List.copyOf(variances);
    }
}
