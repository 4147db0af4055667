package dev.gan4j.cli;

import dev.gan4j.data.ImageDataset;
import dev.gan4j.health.HealthPolicy;
import dev.gan4j.quality.QualityMetric;
import dev.gan4j.train.Augmentation;
import dev.gan4j.train.ComputeDevice;
import dev.gan4j.train.GanConfig;
import dev.gan4j.train.GanLoss;
import dev.gan4j.train.GanTrainer;
import dev.gan4j.train.GradientPenalty;
import dev.gan4j.train.InstanceNoise;
import dev.gan4j.train.LabelSmoothing;
import dev.gan4j.train.LearningRateSchedule;
import dev.gan4j.train.listener.MetricsFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gan4j train}: trains a GAN on MNIST and writes a sample grid per epoch, the metrics of every
 * report ({@code metrics.csv}), the trained generator, its ONNX export and a final sample grid into
 * {@code --out}. Health diagnoses are logged (SLF4J); a diverging run stops with its diagnosis (exit 1).
 *
 * <p>Without {@code --data} it trains on the 9,000 MNIST digits bundled with gan4j; with it, on the IDX
 * files in DIR. {@code dcgan} (the default) is the compact preset that draws digits in a few minutes on
 * two CPU cores; {@code keras} is the Keras DCGAN reference recipe exactly. {@code --loss} replaces the
 * recipe's loss; with a loss that has no targets (hinge, wasserstein, wassersteinGp) the recipe's label
 * smoothing is dropped; {@code wassersteinGp} and {@code --penalty} build the {@code dcgan} recipe's
 * discriminator without BatchNorm, which a gradient penalty refuses (Gulrajani et al. drop it). {@code
 * --spectral-norm on} spectrally normalises every layer of the recipe's discriminator (Miyato et al.
 * 2018). See docs/cli.md, docs/losses.md and docs/augmentation.md.
 */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Trains a GAN on MNIST digits; writes per-epoch sample grids, metrics.csv, the generator"
                + " (generator.gan4j), its ONNX export (generator.onnx) and samples.png into --out."},
        footer = {"", "Example: gan4j train --recipe dcgan --epochs 5 --loss hinge --spectral-norm on --out runs/sngan"})
public final class TrainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--recipe", paramLabel = "RECIPE", defaultValue = "dcgan", converter = Converters.RecipeName.class,
            completionCandidates = Converters.RecipeNames.class,
            description = "The recipe: dcgan (compact, fast on a CPU) or keras (the Keras DCGAN reference)."
                    + " Default: ${DEFAULT-VALUE}.")
    Recipe recipe;

    @Mixin
    DataOptions data = new DataOptions();

    @Mixin
    RunOptions run = new RunOptions();

    @Option(names = "--epochs", paramLabel = "N", converter = Converters.Positive.class,
            description = "Epochs. Default: the recipe's (dcgan 36, keras 5).")
    Integer epochs;

    @Option(names = "--batch-size", paramLabel = "N", converter = Converters.Positive.class,
            description = "Real images per step. Default: the recipe's (dcgan 32, keras 64).")
    Integer batchSize;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
            description = "The seed of every random choice. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--loss", paramLabel = "LOSS", converter = Converters.Loss.class,
            completionCandidates = Converters.LossNames.class,
            description = "The loss, one of ${COMPLETION-CANDIDATES}. Default: the recipe's (nonSaturating).")
    GanLoss loss;

    @Option(names = "--penalty", paramLabel = "NAME:WEIGHT[:EVERY]", converter = Converters.Penalty.class,
            description = "A gradient penalty on the discriminator: r1, r2 or wganGp, e.g. r1:10 or r1:10:16"
                    + " (every 16 updates). Default: none (wganGp:10 with --loss wassersteinGp).")
    GradientPenalty penalty;

    @Option(names = "--spectral-norm", paramLabel = "on|off", defaultValue = "off",
            description = "Spectral normalisation of every discriminator layer. Default: ${DEFAULT-VALUE}.")
    Switch spectralNorm;

    @Option(names = "--conditional",
            description = "Train a class-conditional GAN on the digits' labels: the generator embeds the label"
                    + " with z, the discriminator projects it (docs/conditional.md); grids show one class per"
                    + " column. Default: off.")
    boolean conditional;

    @Option(names = "--augment", paramLabel = "POLICIES", converter = Converters.Augment.class,
            description = "DiffAugment: a comma-separated list of color, translation, cutout. Default: none.")
    Augmentation augment;

    @Option(names = "--instance-noise", paramLabel = "SIGMA", converter = Converters.Noise.class,
            description = "Instance noise annealed from SIGMA (in (0, 2]) to 0. Default: none.")
    InstanceNoise instanceNoise;

    @Option(names = "--label-flips", paramLabel = "P", converter = Converters.FlipProbability.class,
            description = "Swap each of D's targets with probability P, in [0, 0.5) (losses with targets"
                    + " only). Default: 0.")
    Double labelFlips;

    @Option(names = "--learning-rate", paramLabel = "LR",
            description = "Both networks' Adam learning rate (the peak, with a schedule). Default: the recipe's"
                    + " (dcgan 2e-4, keras 1e-4).")
    Double learningRate;

    @Option(names = "--lr-schedule", paramLabel = "SCHEDULE", defaultValue = "constant", converter = Converters.Schedule.class,
            completionCandidates = ScheduleNames.class,
            description = "How the learning rate changes: constant, or linear or cosine decay to 0 over the run."
                    + " Default: ${DEFAULT-VALUE}.")
    LearningRateSchedule schedule;

    @Option(names = "--lr-warmup", paramLabel = "STEPS", defaultValue = "0", converter = Converters.ZeroOrMore.class,
            description = "Updates of linear warm-up from 0 before the schedule. Default: ${DEFAULT-VALUE}.")
    int warmup;

    @Option(names = "--d-steps", paramLabel = "N", defaultValue = "1",
            description = "Discriminator updates per generator update, in [1, 100]. Default: ${DEFAULT-VALUE}.")
    int discriminatorSteps;

    @Option(names = "--ema", paramLabel = "DECAY", defaultValue = "0",
            description = "Moving average of the generator's weights: 0 (off) or a decay in [0.5, 1)."
                    + " Default: ${DEFAULT-VALUE}.")
    double ema;

    @Option(names = "--checkpoint-dir", paramLabel = "DIR",
            description = "Write checkpoints into DIR (gan4j resume DIR continues). Default: none.")
    Path checkpointDir;

    @Option(names = "--checkpoint-every", paramLabel = "STEPS", converter = Converters.Positive.class,
            description = "Steps between checkpoints. Default: 1000 (with --checkpoint-dir).")
    Integer checkpointEvery;

    @Option(names = "--keep-checkpoints", paramLabel = "N", converter = Converters.Positive.class,
            description = "The newest checkpoints kept. Default: 3 (with --checkpoint-dir).")
    Integer keepCheckpoints;

    @Option(names = "--quality-every", paramLabel = "N", defaultValue = "6", converter = Converters.ZeroOrMore.class,
            description = "Report sample quality every N epochs and after the last; 0 turns it off."
                    + " Default: ${DEFAULT-VALUE}.")
    int qualityEvery;

    @Option(names = "--log-every", paramLabel = "STEPS", defaultValue = "10", converter = Converters.Positive.class,
            description = "Steps between metrics reports. Default: ${DEFAULT-VALUE}.")
    int logEvery;

    @Option(names = "--device", paramLabel = "DEVICE", defaultValue = "auto", converter = Converters.Device.class,
            description = "auto (a GPU if the engine finds one), cpu, gpu or gpu:N. Default: ${DEFAULT-VALUE}.")
    ComputeDevice device;

    /** The digits' classes, which {@code --conditional} conditions both networks on. */
    static final int MNIST_CLASSES = 10;

    /** The schedule names, for the help and shell completion. */
    static final class ScheduleNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return java.util.List.of("constant", "linear", "cosine").iterator();
        }
    }

    /**
     * Returns a builder holding the recipe and every option, without listeners, for a data set of
     * {@code datasetSize} images.
     *
     * @throws IllegalArgumentException if the builder refuses a value, with its message
     */
    GanTrainer.Builder builder(int datasetSize) {
        GanTrainer.Builder builder = recipe.builder(datasetSize).seed(seed);
        if (epochs != null) {
            builder.epochs(epochs);
        }
        if (batchSize != null) {
            builder.batchSize(batchSize);
        }
        if (learningRate != null || !schedule.equals(LearningRateSchedule.constant()) || warmup > 0) {
            LearningRateSchedule s = warmup > 0 ? schedule.withWarmup(warmup) : schedule;
            builder.optimizer(recipe.adam(learningRate != null ? learningRate : recipe.learningRate()).schedule(s));
        }
        // A gradient penalty (WGAN-GP's included) refuses BatchNorm in the critic (Gulrajani et al. drop it).
        boolean penalised = penalty != null || loss instanceof GanLoss.WassersteinGp;
        int classes = conditional ? MNIST_CLASSES : 0;
        if (spectralNorm.isOn() || penalised || conditional) {
            builder.discriminator(recipe.discriminator(spectralNorm.isOn(), !penalised, classes));
        }
        if (conditional) {
            builder.generator(recipe.generator(classes));
        }
        if (loss != null) {
            builder.loss(loss);
            if (!loss.usesTargets()) {
                builder.labelSmoothing(LabelSmoothing.none());
            }
        }
        if (penalty != null) {
            builder.gradientPenalty(penalty);
        }
        if (augment != null) {
            builder.augmentation(augment);
        }
        if (instanceNoise != null) {
            builder.instanceNoise(instanceNoise);
        }
        if (labelFlips != null) {
            builder.labelFlips(labelFlips);
        }
        if (discriminatorSteps != 1) {
            builder.discriminatorSteps(discriminatorSteps);
        }
        if (ema != 0) {
            builder.generatorEma(ema);
        }
        if (checkpointDir != null) {
            builder.checkpointDir(checkpointDir);
        }
        if (checkpointEvery != null) {
            builder.checkpointEvery(checkpointEvery);
        }
        if (keepCheckpoints != null) {
            builder.keepCheckpoints(keepCheckpoints);
        }
        if (!run.health.isOn()) {
            builder.health(HealthPolicy.off());
        }
        return builder.logEvery(logEvery).device(device);
    }

    /** The quality metric of {@code --quality-every}, or {@code null} when it is 0. */
    QualityMetric quality() {
        if (qualityEvery == 0) {
            return null;
        }
        return (data.data == null ? QualityMetric.mnist() : QualityMetric.mnist(data.data)).every(qualityEvery).build();
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter printer = spec.commandLine().getOut();
        ImageDataset images = data.read();
        GanTrainer.Builder builder;
        try {
            builder = builder(images.size());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        // Settings that contradict each other fail here, before any file is written.
        builder.config();
        MetricsFile metrics = MetricsFile.csv(run.out.resolve("metrics.csv"));
        RunOutputs.listeners(run.out, metrics).forEach(builder::listener);
        QualityMetric quality = quality();
        if (quality != null) {
            builder.quality(quality).listener(RunOutputs.qualityLines(printer));
        }
        GanConfig config = builder.config();
        printer.println(config.generator().summary());
        printer.println(config.discriminator().summary());
        printer.printf(Locale.ROOT, "training %s on %d images, %d epochs, batch %d, loss %s, seed %d%n",
                recipe.id(), images.size(), config.epochs(), config.batchSize(), config.loss().describe(),
                config.seed());
        if (config.augmentation().isOn() || config.instanceNoise().isOn() || config.labelFlips() > 0) {
            printer.printf(Locale.ROOT, "augmentation %s, instance noise %s, label flips %s%n",
                    config.augmentation().describe(), config.instanceNoise().describe(), config.labelFlips());
        }
        if (quality != null) {
            // Prepared before training so that the training time below is the GAN's alone.
            printer.println("preparing the quality metric's " + quality.classifier().describe());
        }
        printer.flush();
        RunOutputs.train(builder.build(), images, run.out, metrics, quality, spec.commandLine());
        return Gan4jCommand.OK;
    }
}
