package dev.gan4j.spi;

/**
 * Where an engine's step time went since the last report, in seconds, for {@link
 * dev.gan4j.train.listener.StepProfile}.
 *
 * @param data gathering the real batch
 * @param discriminator the discriminator updates
 * @param generator the generator update
 * @param metrics computing and fetching the metrics
 * @param hostCopies the engine's own copies from the device into Java memory since the last report
 *     (see {@link dev.gan4j.train.listener.StepProfile#hostCopies()})
 */
public record StepPhases(double data, double discriminator, double generator, double metrics, long hostCopies) {}
