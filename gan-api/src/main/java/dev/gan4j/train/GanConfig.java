package dev.gan4j.train;

import dev.gan4j.health.HealthPolicy;
import dev.gan4j.spec.DiscriminatorSpec;
import dev.gan4j.spec.GeneratorSpec;
import dev.gan4j.train.listener.StepProfile;
import dev.gan4j.train.listener.TrainingListener;
import java.util.List;
import java.util.Objects;

/**
 * Every training setting, validated by {@link GanTrainer.Builder#build()}: what an engine receives.
 *
 * @param generator the generator's architecture
 * @param discriminator the discriminator's architecture; its input shape equals the generator's output
 * @param loss the adversarial loss
 * @param labelSmoothing the discriminator's targets
 * @param generatorOptimizer the generator's optimiser
 * @param discriminatorOptimizer the discriminator's optimiser
 * @param batchSize real images per step
 * @param epochs passes over the data
 * @param stepsPerEpoch generator steps per epoch; 0 means one full pass ({@code size / batchSize})
 * @param discriminatorSteps discriminator updates per generator update
 * @param generatorEma the decay of the generator's exponential moving average, or 0 for none
 * @param seed the seed of every random choice (initial weights, batches, latents, dropout)
 * @param device where to train
 * @param logEvery report metrics every this many steps
 * @param listeners who receives the events
 * @param checkpoints when and where checkpoints are written; {@link Checkpointing#off()} for never
 * @param health how the run's health is judged and what happens when a condition is found
 * @param profileSteps whether the engine times the phases of each step ({@link StepProfile})
 * @param nativeMemory what the C allocator does with freed native memory while training on a CPU
 * @param augmentation the augmentation of every image the discriminator sees; {@link Augmentation#none()}
 *     for none
 * @param instanceNoise the noise added to every image the discriminator sees; {@link InstanceNoise#none()}
 *     for none
 * @param labelFlips the probability, in [0, 0.5), that the discriminator's target for a sample is swapped
 *     with the other class's in its update; 0 for none
 * @param gradientPenalty the penalty on the discriminator's input gradient; {@link GradientPenalty#none()}
 *     for none
 */
public record GanConfig(
        GeneratorSpec generator,
        DiscriminatorSpec discriminator,
        GanLoss loss,
        LabelSmoothing labelSmoothing,
        Optimizer generatorOptimizer,
        Optimizer discriminatorOptimizer,
        int batchSize,
        int epochs,
        int stepsPerEpoch,
        int discriminatorSteps,
        double generatorEma,
        long seed,
        ComputeDevice device,
        int logEvery,
        List<TrainingListener> listeners,
        Checkpointing checkpoints,
        HealthPolicy health,
        boolean profileSteps,
        NativeMemory nativeMemory,
        Augmentation augmentation,
        InstanceNoise instanceNoise,
        double labelFlips,
        GradientPenalty gradientPenalty) {

    /**
     * Copies the listeners and checks that a health policy is given.
     *
     * @param generator the generator's architecture
     * @param discriminator the discriminator's architecture; its input shape equals the generator's output
     * @param loss the adversarial loss
     * @param labelSmoothing the discriminator's targets
     * @param generatorOptimizer the generator's optimiser
     * @param discriminatorOptimizer the discriminator's optimiser
     * @param batchSize real images per step
     * @param epochs passes over the data
     * @param stepsPerEpoch generator steps per epoch; 0 means one full pass ({@code size / batchSize})
     * @param discriminatorSteps discriminator updates per generator update
     * @param generatorEma the decay of the generator's exponential moving average, or 0 for none
     * @param seed the seed of every random choice (initial weights, batches, latents, dropout)
     * @param device where to train
     * @param logEvery report metrics every this many steps
     * @param listeners who receives the events
     * @param checkpoints when and where checkpoints are written; {@link Checkpointing#off()} for never
     * @param health how the run's health is judged and what happens when a condition is found
     * @param profileSteps whether the engine times the phases of each step ({@link StepProfile})
     * @param nativeMemory what the C allocator does with freed native memory while training on a CPU
     * @param augmentation the augmentation of every image the discriminator sees; {@link Augmentation#none()}
     *     for none
     * @param instanceNoise the noise added to every image the discriminator sees; {@link
     *     InstanceNoise#none()} for none
     * @param labelFlips the probability, in [0, 0.5), that the discriminator's target for a sample is swapped
     *     with the other class's in its update; 0 for none
     * @param gradientPenalty the penalty on the discriminator's input gradient; {@link
     *     GradientPenalty#none()} for none
     */
    public GanConfig {
        listeners = List.copyOf(listeners);
        Objects.requireNonNull(gradientPenalty, "gradientPenalty");
        Objects.requireNonNull(checkpoints, "checkpoints");
        Objects.requireNonNull(health, "health");
        Objects.requireNonNull(nativeMemory, "nativeMemory");
        Objects.requireNonNull(augmentation, "augmentation");
        Objects.requireNonNull(instanceNoise, "instanceNoise");
    }

    /**
     * Returns the steps in each epoch for a data set of {@code datasetSize} images: {@link
     * #stepsPerEpoch()} if set, else one pass with the last partial batch dropped.
     *
     * @param datasetSize the number of real images trained on
     * @return the steps in each epoch for a data set of {@code datasetSize} images: {@link #stepsPerEpoch()}
     *     if set, else one pass with the last partial batch dropped
     * @throws IllegalArgumentException if the data set holds less than one batch
     */
    public int stepsPerEpochFor(int datasetSize) {
        int batchesPerStep = discriminatorSteps;
        long perPass = (long) datasetSize / ((long) batchSize * batchesPerStep);
        if (perPass < 1) {
            throw new IllegalArgumentException(
                    "dataset of " + datasetSize + " images is smaller than one step's "
                            + (long) batchSize * batchesPerStep + " (batchSize " + batchSize
                            + " x discriminatorSteps " + discriminatorSteps + "); use a smaller batchSize");
        }
        return stepsPerEpoch > 0 ? stepsPerEpoch : (int) perPass;
    }
}
