package dev.gan4j.train.listener;

import dev.gan4j.train.Generator;

/**
 * The end of one epoch: the means of the step metrics reported during it, and the generator as it
 * is now, to draw samples from.
 *
 * @param epoch the epoch that ended, from 1
 * @param epochs the epochs in the run
 * @param globalStep the generator updates so far
 * @param mean the means of the metrics reported in this epoch ({@code step} is the last step)
 * @param seconds the epoch's wall-clock time
 * @param generator the generator being trained, in inference mode; valid only during the callback
 */
public record EpochSummary(int epoch, int epochs, long globalStep, StepMetrics mean, double seconds, Generator generator) {}
