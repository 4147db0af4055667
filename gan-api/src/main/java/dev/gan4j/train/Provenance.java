package dev.gan4j.train;

import java.time.Instant;

/**
 * Where a trained generator came from: enough to reproduce or audit it. Written into saved models and
 * exported ONNX metadata.
 *
 * @param recipe the generator preset's name, or {@code custom}
 * @param seed the training seed
 * @param steps the generator updates made
 * @param epochs the epochs completed
 * @param batchSize the batch size
 * @param loss the loss's name
 * @param labelSmoothing the discriminator's real and fake targets, e.g. {@code 0.9/0.1}
 * @param generatorOptimizer the generator's optimiser and settings
 * @param discriminatorOptimizer the discriminator's optimiser and settings
 * @param datasetSize the number of real images trained on
 * @param engine the engine, e.g. {@code DJL 0.36.0 / PyTorch 2.7.1}
 * @param device the device trained on, e.g. {@code cpu()}
 * @param gan4jVersion the gan4j version
 * @param finishedAt when training ended
 */
public record Provenance(
        String recipe,
        long seed,
        long steps,
        int epochs,
        int batchSize,
        String loss,
        String labelSmoothing,
        String generatorOptimizer,
        String discriminatorOptimizer,
        int datasetSize,
        String engine,
        String device,
        String gan4jVersion,
        Instant finishedAt) {}
