package dev.gan4j.train;

/** How a network's parameters are updated from their gradients. Only {@link Adam} for now. */
public sealed interface Optimizer permits Adam {

    /**
     * Returns the optimiser and its settings in one line.
     *
     * @return the optimiser and its settings in one line
     */
    String describe();
}
