package dev.gan4j.train;

import dev.gan4j.data.ImageDataset;
import dev.gan4j.health.HealthPolicy;
import dev.gan4j.quality.QualityMetric;
import dev.gan4j.spec.DiscriminatorSpec;
import dev.gan4j.spec.GeneratorSpec;
import dev.gan4j.spi.Engines;
import dev.gan4j.spi.TrainingLoop;
import dev.gan4j.train.listener.TrainingListener;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Trains a generator against a discriminator. Built fluently; the engine (for example {@code
 * dev.gan4j:gan-djl}) is found on the class path.
 *
 * <pre>{@code
 * TrainedGan gan = GanTrainer.builder()
 *     .generator(GeneratorSpec.dcgan().latentDim(100).outputShape(1, 28, 28).build())
 *     .discriminator(DiscriminatorSpec.dcgan().dropout(0.3).build())
 *     .labelSmoothing(LabelSmoothing.twoSided(0.9f, 0.1f))
 *     .epochs(5).batchSize(64).seed(42)
 *     .build()
 *     .train(Mnist.trainingSet(dir));
 * }</pre>
 */
public interface GanTrainer {

    /**
     * Returns a builder with the defaults documented on each of its methods.
     *
     * @return a builder with the defaults documented on each of its methods
     */
    static Builder builder() {
        return new Builder();
    }

    /**
     * Starts resuming a run from the newest checkpoint in the directory {@code path}, or from the
     * checkpoint file {@code path}; nothing is read until {@link ResumeBuilder#build()}.
     *
     * <pre>{@code GanTrainer.resume(Path.of("runs/mnist")).listener(bar).build().train(data);}</pre>
     *
     * @param path a checkpoint directory or file
     * @return a builder of the resumed run
     */
    static ResumeBuilder resume(Path path) {
        return new ResumeBuilder(path);
    }

    /**
     * Returns the validated settings.
     *
     * @return the validated settings
     */
    GanConfig config();

    /**
     * Trains on {@code data} and returns the trained generator: after the configured epochs, or
     * earlier when a listener calls {@link dev.gan4j.train.listener.TrainingControl#stop}.
     *
     * @param data the real images
     * @return the trained generator: after the configured epochs, or earlier when a listener calls {@link
     *     dev.gan4j.train.listener.TrainingControl#stop}
     * @throws IllegalArgumentException if the images' shape differs from the generator's output, the
     *     data set holds less than one batch, it holds more than the 536,870,911 floats (2^31 - 1
     *     bytes) of the one buffer it is uploaded in, or a pixel of its first batch (its first {@code
     *     batchSize} images) is NaN, infinite or outside [-1, 1] by more than 1e-6; checked before any
     *     native code runs
     * @throws GanException if the engine fails, naming the epoch and step
     * @throws TrainingCancelledException if the thread is interrupted: at the next step boundary,
     *     after a final checkpoint (the interrupt status is set again)
     * @throws dev.gan4j.health.UnhealthyTrainingException if the health policy stops the run
     * @throws IllegalStateException if the checkpoint directory has come to hold another run's
     *     checkpoints since {@link Builder#build()}, or newer ones of this run
     */
    TrainedGan train(ImageDataset data);

    /** Builds a {@link GanTrainer}; each setter rejects an impossible value at once. */
    final class Builder {
        private GeneratorSpec generator;
        private DiscriminatorSpec discriminator;
        private GanLoss loss = GanLoss.nonSaturating();
        private LabelSmoothing labelSmoothing = LabelSmoothing.none();
        private Optimizer generatorOptimizer = DEFAULT_OPTIMIZER;
        private Optimizer discriminatorOptimizer = DEFAULT_OPTIMIZER;
        private int batchSize = 64;
        private int epochs = 1;
        private int stepsPerEpoch = 0;
        private int discriminatorSteps = 1;
        private double generatorEma = 0;
        private Long seed;
        private ComputeDevice device = ComputeDevice.auto();
        private int logEvery = 10;
        private final List<TrainingListener> listeners = new ArrayList<>();
        private Path checkpointDir;
        private Integer checkpointEvery;
        private Integer keepCheckpoints;
        private boolean setAsideOtherRuns;
        private HealthPolicy health = HealthPolicy.defaults();
        private TrainingListener qualityListener;
        private boolean profileSteps;
        private NativeMemory nativeMemory = NativeMemory.REUSE;
        private Augmentation augmentation = Augmentation.none();
        private InstanceNoise instanceNoise = InstanceNoise.none();
        private double labelFlips;
        /** {@code null} until set: {@link GanLoss#wassersteinGp()} then chooses WGAN-GP's penalty. */
        private GradientPenalty gradientPenalty;

        /** Adam(2e-4, 0.5, 0.999): Radford et al.'s DCGAN settings. */
        private static final Optimizer DEFAULT_OPTIMIZER = new Adam(2e-4, 0.5, 0.999, 1e-7);

        Builder() {}

        /**
         * Sets the generator. Required.
         *
         * @param generator the generator's spec
         * @return this builder
         */
        public Builder generator(GeneratorSpec generator) {
            this.generator = Objects.requireNonNull(generator, "generator");
            return this;
        }

        /**
         * Sets the discriminator; its input shape must equal the generator's output. Required.
         *
         * @param discriminator the discriminator's spec
         * @return this builder
         */
        public Builder discriminator(DiscriminatorSpec discriminator) {
            this.discriminator = Objects.requireNonNull(discriminator, "discriminator");
            return this;
        }

        /**
         * Sets the loss. Default {@link GanLoss#nonSaturating()}. {@link #build()} refuses label
         * smoothing with a loss that has no targets (hinge, Wasserstein).
         *
         * @param loss the loss
         * @return this builder
         */
        public Builder loss(GanLoss loss) {
            this.loss = Objects.requireNonNull(loss, "loss");
            return this;
        }

        /**
         * Sets the discriminator's targets. Default {@link LabelSmoothing#none()}. Only for losses with
         * targets ({@link GanLoss#usesTargets()}).
         *
         * @param labelSmoothing the discriminator's real and fake targets, e.g. {@code 0.9/0.1}
         * @return this builder
         */
        public Builder labelSmoothing(LabelSmoothing labelSmoothing) {
            this.labelSmoothing = Objects.requireNonNull(labelSmoothing, "labelSmoothing");
            return this;
        }

        /**
         * Sets both networks' optimiser. Default {@code Adam(2e-4, 0.5, 0.999)}, as DCGAN.
         *
         * @param optimizer both networks' optimiser
         * @return this builder
         */
        public Builder optimizer(Optimizer optimizer) {
            generatorOptimizer(optimizer);
            return discriminatorOptimizer(optimizer);
        }

        /**
         * Sets the generator's optimiser. Default {@code Adam(2e-4, 0.5, 0.999)}.
         *
         * @param optimizer the generator's optimiser
         * @return this builder
         */
        public Builder generatorOptimizer(Optimizer optimizer) {
            this.generatorOptimizer = Objects.requireNonNull(optimizer, "generatorOptimizer");
            return this;
        }

        /**
         * Sets the discriminator's optimiser. Default {@code Adam(2e-4, 0.5, 0.999)}.
         *
         * @param optimizer the discriminator's optimiser
         * @return this builder
         */
        public Builder discriminatorOptimizer(Optimizer optimizer) {
            this.discriminatorOptimizer = Objects.requireNonNull(optimizer, "discriminatorOptimizer");
            return this;
        }

        /**
         * Sets the real images per step (the generator makes as many). Default 64.
         *
         * @param batchSize the batch size
         * @return this builder
         * @throws IllegalArgumentException if not in [1, 65536]
         */
        public Builder batchSize(int batchSize) {
            if (batchSize < 1 || batchSize > 65536) {
                throw new IllegalArgumentException("batchSize must be in [1, 65536], got " + batchSize);
            }
            this.batchSize = batchSize;
            return this;
        }

        /**
         * Sets the number of epochs. Default 1.
         *
         * @param epochs the number of epochs
         * @return this builder
         * @throws IllegalArgumentException if {@code epochs < 1}
         */
        public Builder epochs(int epochs) {
            if (epochs < 1) {
                throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
            }
            this.epochs = epochs;
            return this;
        }

        /**
         * Sets the generator steps per epoch, for epochs shorter or longer than one pass over the data
         * (the Keras recipe trains a tenth of a pass per epoch). Default 0: one full pass.
         *
         * @param steps the generator steps per epoch, or 0 for one full pass
         * @return this builder
         * @throws IllegalArgumentException if {@code steps < 0}
         */
        public Builder stepsPerEpoch(int steps) {
            if (steps < 0) {
                throw new IllegalArgumentException("stepsPerEpoch must be >= 0 (0 = one full pass), got " + steps);
            }
            this.stepsPerEpoch = steps;
            return this;
        }

        /**
         * Sets the discriminator updates per generator update, each on a fresh real batch. Default 1.
         *
         * @param steps the discriminator updates per generator update
         * @return this builder
         * @throws IllegalArgumentException if not in [1, 100]
         */
        public Builder discriminatorSteps(int steps) {
            if (steps < 1 || steps > 100) {
                throw new IllegalArgumentException("discriminatorSteps must be in [1, 100], got " + steps);
            }
            this.discriminatorSteps = steps;
            return this;
        }

        /**
         * Keeps an exponential moving average of the generator's weights, {@code avg = decay * avg +
         * (1 - decay) * weights} after every generator update, and returns (and samples from) the
         * average rather than the last weights: it smooths out the last steps' oscillation and
         * draws cleaner images (Yazıcı et al., 2019, "The Unusual Effectiveness of Averaging in GAN
         * Training"; used by ProGAN, StyleGAN and BigGAN). Early on the decay is capped at {@code
         * (1 + t) / (10 + t)} after t updates, so the average forgets the random start quickly.
         * BatchNorm running statistics are taken from the trained generator. Default 0: off, as in
         * the Keras recipe.
         *
         * @param decay 0 (off) or in [0.5, 1)
         * @return this builder
         * @throws IllegalArgumentException otherwise
         */
        public Builder generatorEma(double decay) {
            if (!(decay == 0 || (decay >= 0.5 && decay < 1))) {
                throw new IllegalArgumentException(
                        "generatorEma decay must be 0 (off) or in [0.5, 1), got " + decay);
            }
            this.generatorEma = decay;
            return this;
        }

        /**
         * Sets the seed of every random choice. Default: a random seed, recorded in the provenance.
         *
         * @param seed the seed
         * @return this builder
         */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Sets the device. Default {@link ComputeDevice#auto()}: a GPU if the engine finds one.
         *
         * @param device the device to train on
         * @return this builder
         */
        public Builder device(ComputeDevice device) {
            this.device = Objects.requireNonNull(device, "device");
            return this;
        }

        /**
         * Sets how often metrics are fetched from the device and sent to listeners. Default 10.
         *
         * @param steps the steps between two reports
         * @return this builder
         * @throws IllegalArgumentException if {@code steps < 1}
         */
        public Builder logEvery(int steps) {
            if (steps < 1) {
                throw new IllegalArgumentException("logEvery must be >= 1, got " + steps);
            }
            this.logEvery = steps;
            return this;
        }

        /**
         * Adds a listener; listeners are called in the order added.
         *
         * @param listener the listener to add
         * @return this builder
         */
        public Builder listener(TrainingListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * Sets how the run's health is judged and what happens when a condition is found: discriminator
         * overpowering, generator collapse, vanishing generator gradients or divergence (see {@code
         * docs/health.md}). Default {@link HealthPolicy#defaults()}: divergence stops training with an
         * {@link dev.gan4j.health.UnhealthyTrainingException}, the others are logged as warnings and
         * reported to {@link TrainingListener#onHealth}. {@link HealthPolicy#off()} turns it off.
         *
         * @param policy the health policy
         * @return this builder
         */
        public Builder health(HealthPolicy policy) {
            this.health = Objects.requireNonNull(policy, "health");
            return this;
        }

        /**
         * Times the phases of every step (gathering data, the discriminator's updates, the generator's
         * update, the metrics) and reports them with each metrics report to {@link
         * TrainingListener#onProfile}. On a GPU each phase ends with a device synchronisation, which
         * slows the step; on a CPU it costs nothing measurable. Default: off.
         *
         * @param on whether steps are timed
         * @return this builder
         */
        public Builder profileSteps(boolean on) {
            this.profileSteps = on;
            return this;
        }

        /**
         * Sets what the C allocator does with the native memory training frees. Default {@link
         * NativeMemory#REUSE}: on a CPU under glibc, freed memory is kept for the next step's arrays
         * instead of being unmapped and faulted in again, process-wide (see {@link NativeMemory});
         * {@link NativeMemory#SYSTEM_DEFAULT} leaves the allocator alone.
         *
         * @param policy the native memory policy
         * @return this builder
         */
        public Builder nativeMemory(NativeMemory policy) {
            this.nativeMemory = Objects.requireNonNull(policy, "nativeMemory");
            return this;
        }

        /**
         * Adds a penalty on the discriminator's gradient with respect to its input to the
         * discriminator's loss: {@link GradientPenalty#r1(double)}, {@link GradientPenalty#r2(double)}
         * or {@link GradientPenalty#wganGp(double)}, lazily with {@link GradientPenalty#every(int)}. Only
         * the discriminator's update changes; the generator's is the same. Default {@link
         * GradientPenalty#none()}, except with {@link GanLoss#wassersteinGp()}, which chooses {@link
         * GradientPenalty#wganGp()} when none is set. {@link #build()} refuses a penalty with {@link
         * GanLoss#wasserstein()}'s weight clipping, with BatchNorm in the discriminator, and {@code none()}
         * with {@link GanLoss#wassersteinGp()}. See docs/losses.md.
         *
         * @param penalty the penalty
         * @return this builder
         */
        public Builder gradientPenalty(GradientPenalty penalty) {
            this.gradientPenalty = Objects.requireNonNull(penalty, "gradientPenalty");
            return this;
        }

        /**
         * Measures sample quality during training: the metric's classifier is prepared when training
         * starts, and every {@link QualityMetric#every()} epochs and after the last a {@link
         * dev.gan4j.quality.QualityReport} goes to every listener's {@link
         * TrainingListener#onQuality}. Adds {@link QualityMetric#listener()}, replacing the one of an
         * earlier call. Default: none.
         *
         * <p>Example: {@code quality(QualityMetric.mnist().every(5).samples(1000).build())}.
         *
         * @param quality the quality metric
         * @return this builder
         */
        public Builder quality(QualityMetric quality) {
            Objects.requireNonNull(quality, "quality");
            listeners.remove(qualityListener);
            qualityListener = quality.listener();
            listeners.add(qualityListener);
            return this;
        }

        /**
         * Turns checkpoints on: training writes one into {@code directory} every {@link
         * #checkpointEvery(int)} steps and after its last step, each file written atomically and
         * checksummed, keeping the newest {@link #keepCheckpoints(int)}; {@link GanTrainer#resume(Path)}
         * continues from them. The directory is created if needed and belongs to this run: it must
         * hold no other run's checkpoint (continue an earlier run with {@code resume} instead, or see
         * {@link #setAsideOtherRuns(boolean)}); {@link #build()} checks. Default: none, checkpoints off.
         * See docs/checkpoints.md.
         *
         * @param directory the checkpoint directory
         * @return this builder
         */
        public Builder checkpointDir(Path directory) {
            this.checkpointDir = Objects.requireNonNull(directory, "checkpointDir");
            return this;
        }

        /**
         * Sets the generator steps between checkpoints, counted over the whole run. Default {@value
         * Checkpointing#DEFAULT_EVERY}. Needs {@link #checkpointDir(Path)}.
         *
         * @param steps the generator steps between two checkpoints
         * @return this builder
         * @throws IllegalArgumentException if {@code steps < 1}
         */
        public Builder checkpointEvery(int steps) {
            if (steps < 1) {
                throw new IllegalArgumentException("checkpointEvery must be >= 1 step, got " + steps);
            }
            this.checkpointEvery = steps;
            return this;
        }

        /**
         * Sets how many of the newest checkpoints are kept; older ones are deleted once a newer one is
         * safely written. Default {@value Checkpointing#DEFAULT_KEEP}. Needs {@link #checkpointDir(Path)}.
         *
         * @param count how many of the newest checkpoints are kept
         * @return this builder
         * @throws IllegalArgumentException if {@code count < 1}
         */
        public Builder keepCheckpoints(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("keepCheckpoints must be >= 1, got " + count);
            }
            this.keepCheckpoints = count;
            return this;
        }

        /**
         * Starts this run in a {@link #checkpointDir(Path)} that holds another run's checkpoints by
         * moving them into {@code other-runs/<their run id>/} inside it (nothing is deleted; that run
         * can be resumed from there), instead of refusing the directory. Default {@code false}: {@link
         * #build()} refuses such a directory, naming both runs.
         *
         * @param setAside whether another run's checkpoints are set aside
         * @return this builder
         */
        public Builder setAsideOtherRuns(boolean setAside) {
            this.setAsideOtherRuns = setAside;
            return this;
        }

        /**
         * Augments every image the discriminator sees, real and generated, in both networks' updates,
         * differentiably (see {@link Augmentation}): DiffAugment (Zhao et al., 2020), for small data
         * sets on which the discriminator would otherwise memorise the real images. Default {@link
         * Augmentation#none()}. An {@link Augmentation#adaptive() adaptive} probability needs a loss
         * whose discriminator decides by sign ({@link GanLoss#decidesBySign()}); {@link #config()}
         * refuses it with the others.
         *
         * @param augmentation the augmentation
         * @return this builder
         */
        public Builder augmentation(Augmentation augmentation) {
            this.augmentation = Objects.requireNonNull(augmentation, "augmentation");
            return this;
        }

        /**
         * Adds Gaussian noise, annealed to 0 over the run, to every image the discriminator sees (see
         * {@link InstanceNoise}), after any augmentation. Default {@link InstanceNoise#none()}.
         *
         * @param noise the instance noise
         * @return this builder
         */
        public Builder instanceNoise(InstanceNoise noise) {
            this.instanceNoise = Objects.requireNonNull(noise, "instanceNoise");
            return this;
        }

        /**
         * Swaps, in the discriminator's update, each sample's target with the other class's (after
         * label smoothing) with probability {@code p}, drawn anew each step: noisy labels that keep
         * the discriminator from growing certain (Salimans et al., 2016; Chintala et al.'s "ganhacks").
         * Only for losses with targets ({@link GanLoss#usesTargets()}); {@link #build()} refuses it
         * with the others. Default 0: off.
         *
         * @param p in [0, 0.5)
         * @return this builder
         * @throws IllegalArgumentException otherwise
         */
        public Builder labelFlips(double p) {
            if (!(p >= 0 && p < 0.5)) {
                throw new IllegalArgumentException("labelFlips probability must be in [0, 0.5), got " + p);
            }
            this.labelFlips = p;
            return this;
        }

        private Checkpointing checkpointing() {
            if (checkpointDir == null) {
                if (checkpointEvery != null || keepCheckpoints != null || setAsideOtherRuns) {
                    throw new IllegalStateException((checkpointEvery != null ? "checkpointEvery"
                            : keepCheckpoints != null ? "keepCheckpoints" : "setAsideOtherRuns")
                            + " is set but checkpointDir is not; call checkpointDir(directory) to turn checkpoints on");
                }
                return Checkpointing.off();
            }
            return new Checkpointing(checkpointDir,
                    checkpointEvery != null ? checkpointEvery : Checkpointing.DEFAULT_EVERY,
                    keepCheckpoints != null ? keepCheckpoints : Checkpointing.DEFAULT_KEEP, setAsideOtherRuns);
        }

        /**
         * Checks the settings together and returns a trainer from the engine on the class path.
         *
         * @return a trainer from the engine on the class path
         * @throws IllegalStateException if the generator or discriminator is missing, label smoothing or
         *     label flips are set with a loss without targets, checkpoint
         *     settings are given without {@link #checkpointDir(Path)}, the checkpoint directory holds
         *     another run's checkpoints (see {@link #setAsideOtherRuns(boolean)}), no engine is on the
         *     class path, label smoothing is set for a loss without targets, or a {@link
         *     #gradientPenalty(GradientPenalty)} meets weight clipping or BatchNorm in the discriminator,
         *     or is none with {@link GanLoss#wassersteinGp()}, the generator and discriminator differ in
         *     their classes ({@link dev.gan4j.spec.Conditioning}: both conditional on the same classes, or
         *     neither), or a gradient penalty meets a conditional discriminator (not supported yet)
         * @throws IllegalArgumentException if the generator's output shape differs from the
         *     discriminator's input shape
         */
        public GanTrainer build() {
            GanConfig config = config();
            return TrainingLoop.trainer(config, Engines.provider());
        }

        /**
         * Checks the settings together and returns them, without looking for an engine.
         *
         * @return them, without looking for an engine
         */
        public GanConfig config() {
            if (generator == null) {
                throw new IllegalStateException(
                        "generator is not set; call generator(GeneratorSpec.dcgan().build()) or similar");
            }
            if (discriminator == null) {
                throw new IllegalStateException(
                        "discriminator is not set; call discriminator(DiscriminatorSpec.dcgan().build()) or similar");
            }
            if (!generator.outputShape().equals(discriminator.inputShape())) {
                throw new IllegalArgumentException(
                        "generator output shape " + generator.outputShape()
                                + " differs from discriminator input shape " + discriminator.inputShape()
                                + "; build the discriminator with inputShape" + generator.outputShape());
            }
            if (generator.classes() != discriminator.classes()) {
                throw new IllegalStateException("the generator is " + describeConditioning(generator.conditioning())
                        + " but the discriminator is " + describeConditioning(discriminator.conditioning())
                        + "; a conditional run needs both conditional on the same classes (for example"
                        + " GeneratorSpec.dcgan().conditional(10) and DiscriminatorSpec.dcgan().conditional(10)),"
                        + " an unconditional run neither");
            }
            if (!loss.usesTargets() && !(labelSmoothing instanceof LabelSmoothing.None)) {
                throw new IllegalStateException("labelSmoothing (real " + labelSmoothing.realTarget() + ", fake "
                        + labelSmoothing.fakeTarget() + ") is not defined for loss " + loss.describe()
                        + ", which has no targets; drop labelSmoothing(...), or choose a loss with targets:"
                        + " nonSaturating, minimax, leastSquares or relativisticAverage");
            }
            if (!loss.usesTargets() && labelFlips > 0) {
                throw new IllegalStateException("labelFlips (" + labelFlips + ") is not defined for loss "
                        + loss.describe() + ", which has no targets; drop labelFlips(...), or choose a loss with"
                        + " targets: nonSaturating, minimax, leastSquares or relativisticAverage");
            }
            if (augmentation.adaptation().isPresent() && !loss.decidesBySign()) {
                throw new IllegalStateException("augmentation " + augmentation.describe() + " adapts its"
                        + " probability by the sign of D(x) (Karras et al. 2020), which says nothing for loss "
                        + loss.describe() + "; use a fixed probability (drop adaptive()), or choose a loss"
                        + " whose discriminator decides by sign: nonSaturating, minimax or hinge");
            }
            GradientPenalty penalty = gradientPenalty();
            long chosenSeed = seed != null ? seed : new SplittableRandom().nextLong();
            return new GanConfig(generator, discriminator, loss, labelSmoothing, generatorOptimizer,
                    discriminatorOptimizer, batchSize, epochs, stepsPerEpoch, discriminatorSteps, generatorEma, chosenSeed,
                    device, logEvery, listeners, checkpointing(), health, profileSteps, nativeMemory,
                    augmentation, instanceNoise, labelFlips, penalty);
        }

        private static String describeConditioning(dev.gan4j.spec.Conditioning c) {
            return c.isConditional() ? "conditional, " + c.describe() : "unconditional";
        }

        /** The penalty, checked against the loss and the discriminator. */
        private GradientPenalty gradientPenalty() {
            GradientPenalty penalty = gradientPenalty;
            if (loss instanceof GanLoss.WassersteinGp) {
                if (penalty == null) {
                    return GradientPenalty.wganGp();
                }
                if (!penalty.isOn()) {
                    throw new IllegalStateException("loss wassersteinGp has no weight clipping and needs a gradient"
                            + " penalty to keep its critic Lipschitz, but gradientPenalty is none; leave"
                            + " gradientPenalty unset (WGAN-GP's wganGp(lambda=10.0) is then chosen) or set one");
                }
            }
            if (penalty == null || !penalty.isOn()) {
                return GradientPenalty.none();
            }
            if (loss instanceof GanLoss.Wasserstein) {
                throw new IllegalStateException("gradientPenalty " + penalty.describe() + " cannot be combined with"
                        + " loss " + loss.describe() + ", whose weight clipping already constrains the critic"
                        + " (WGAN-GP replaces clipping by the penalty); use loss(GanLoss.wassersteinGp()), or drop"
                        + " gradientPenalty(...)");
            }
            if (discriminator.classes() > 0) {
                throw new IllegalStateException("gradientPenalty " + penalty.describe() + " is not supported yet"
                        + " with a conditional discriminator (" + discriminator.conditioning().describe() + "); drop"
                        + " gradientPenalty(...), or train unconditionally");
            }
            if (discriminator.hasBatchNorm()) {
                throw new IllegalStateException("gradientPenalty " + penalty.describe() + " cannot be combined with"
                        + " a discriminator holding batchNorm(): its batch statistics make each image's gradient"
                        + " depend on the rest of the batch, so the per-image norm is not defined (Gulrajani et"
                        + " al. 2017, section 4); remove batchNorm() from the discriminator (DiscriminatorSpec.dcgan().batchNorm(false),"
                        + " or DiscriminatorSpec.kerasDcgan()), or drop gradientPenalty(...)");
            }
            return penalty;
        }
    }
}
