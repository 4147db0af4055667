package dev.gan4j.examples;

import dev.gan4j.data.ImageDataset;
import dev.gan4j.data.InMemoryImageDataset;
import dev.gan4j.data.Mnist;
import dev.gan4j.health.UnhealthyTrainingException;
import dev.gan4j.quality.QualityMetric;
import dev.gan4j.quality.QualityReport;
import dev.gan4j.spec.DiscriminatorSpec;
import dev.gan4j.spec.GeneratorSpec;
import dev.gan4j.train.Adam;
import dev.gan4j.train.Augmentation;
import dev.gan4j.train.GanConfig;
import dev.gan4j.train.GanLoss;
import dev.gan4j.train.GanTrainer;
import dev.gan4j.train.GradientPenalty;
import dev.gan4j.train.InstanceNoise;
import dev.gan4j.train.LabelSmoothing;
import dev.gan4j.train.TrainedGan;
import dev.gan4j.train.listener.MetricsFile;
import dev.gan4j.train.listener.ProgressBar;
import dev.gan4j.train.listener.SampleGrids;
import dev.gan4j.train.listener.TrainingListener;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Trains a GAN on MNIST and writes a sample grid per epoch, the metrics of every report ({@code
 * metrics.csv}) and the trained generator. Health diagnoses are logged (SLF4J, {@code
 * simplelogger.properties}); a diverging run stops with its diagnosis.
 *
 * <pre>
 * TrainMnist [--recipe dcgan|keras] [--loss NAME] [--data DIR] [--out DIR] [--epochs N] [--seed N]
 *            [--quality-every N] [--images N] [--augment POLICIES] [--instance-noise SIGMA]
 *            [--label-flips P] [--spectral-norm on|off] [--penalty r1|r2|wganGp:WEIGHT[:EVERY]]
 * </pre>
 *
 * <p>Without {@code --data} it trains on the 9,000 MNIST digits bundled with gan4j; with it, on the
 * IDX files in DIR (the full 60,000). {@code dcgan} (the default) is the compact preset that draws
 * digits in a few minutes on two CPU cores; {@code keras} is the Keras DCGAN reference recipe exactly.
 * {@code --loss} replaces the recipe's loss by one of {@link GanLoss#NAMES}, for comparing them; with a
 * loss that has no targets (hinge, wasserstein, wassersteinGp) the recipe's label smoothing is dropped;
 * {@code wassersteinGp} trains WGAN-GP (its gradient penalty at λ = 10), on the {@code dcgan} recipe
 * with the discriminator's BatchNorm dropped, which a gradient penalty refuses.
 * {@code --spectral-norm on} spectrally normalises every layer of the recipe's discriminator (Miyato et
 * al. 2018); the compact preset's discriminator then has no BatchNorm, as SNGAN's ({@code --loss hinge}
 * makes it SNGAN's recipe).
 *
 * <p>{@code --penalty NAME:WEIGHT[:EVERY]} adds a gradient penalty to the discriminator's loss ({@link
 * GradientPenalty}: {@code r1:10} is R1 at γ = 10, {@code r1:10:16} the same every 16 updates, {@code
 * wganGp:10} WGAN-GP's); a penalty refuses BatchNorm in the discriminator, so the compact recipe's is
 * then built without it.
 *
 * <p>For small data: {@code --images N} trains on the first N images only; {@code --augment} turns on
 * DiffAugment with a comma-separated list of {@code color}, {@code translation} and {@code cutout}
 * ({@link Augmentation}); {@code --instance-noise SIGMA} adds noise annealed from SIGMA to 0 ({@link
 * InstanceNoise}); {@code --label-flips P} swaps each target of D's update with probability P (losses
 * with targets only). See docs/augmentation.md.
 *
 * <p>Every {@code --quality-every} epochs (default 6; 0 turns it off) and after the last it reports
 * sample quality ({@link QualityMetric}: classifier score, Fréchet distance, recognizability, class
 * coverage) beside the real-data ceiling. The MNIST classifier behind it is trained before the GAN on
 * the same digits, once: it is cached (beside the IDX files, or in {@code ~/.cache/gan4j}).
 */
public final class TrainMnist {

    private TrainMnist() {}

    /** Runs the program; see the class comment for the arguments. */
    public static void main(String[] args) throws IOException {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("TrainMnist: " + e.getMessage());
            System.err.println(Options.USAGE);
            System.exit(2);
            return;
        }
        InMemoryImageDataset all = options.data == null ? Mnist.bundledTrainingSet() : Mnist.trainingSet(options.data);
        ImageDataset data = options.images == null ? all : all.subset(0, Math.min(options.images, all.size()));
        Recipe recipe = Recipe.of(options.recipe);
        MetricsFile metrics = MetricsFile.csv(options.out.resolve("metrics.csv"));
        GanTrainer.Builder builder = recipe.builder(data.size())
                .seed(options.seed)
                .listener(ProgressBar.toConsole())
                .listener(SampleGrids.into(options.out, 64, 8, 2024))
                .listener(metrics);
        if (options.epochs != null) {
            builder.epochs(options.epochs);
        }
        if (options.spectralNorm) {
            builder.discriminator(recipe.discriminator(true));
        }
        if (options.loss != null) {
            builder.loss(options.loss);
            if (!options.loss.usesTargets()) {
                builder.labelSmoothing(LabelSmoothing.none());
            }
            if (options.loss instanceof GanLoss.WassersteinGp && recipe == Recipe.DCGAN) {
                // WGAN-GP's penalty refuses BatchNorm in the critic (Gulrajani et al. drop it).
                builder.discriminator(DiscriminatorSpec.dcgan().spectralNorm(options.spectralNorm).batchNorm(false).build());
            }
        }
        if (options.penalty != null) {
            builder.gradientPenalty(options.penalty);
            if (recipe == Recipe.DCGAN) {
                builder.discriminator(DiscriminatorSpec.dcgan().spectralNorm(options.spectralNorm).batchNorm(false).build());
            }
        }
        if (options.augment != null) {
            builder.augmentation(options.augment);
        }
        if (options.instanceNoise != null) {
            builder.instanceNoise(options.instanceNoise);
        }
        if (options.labelFlips != null) {
            builder.labelFlips(options.labelFlips);
        }
        QualityMetric quality = null;
        if (options.qualityEvery > 0) {
            quality = (options.data == null ? QualityMetric.mnist() : QualityMetric.mnist(options.data))
                    .every(options.qualityEvery)
                    .build();
            builder.quality(quality).listener(new TrainingListener() {
                @Override
                public void onQuality(QualityReport report) {
                    System.out.println("quality " + report.describe());
                }
            });
        }
        GanConfig config = builder.config();
        System.out.println(config.generator().summary());
        System.out.println(config.discriminator().summary());
        System.out.printf(Locale.ROOT, "training %s on %d images, %d epochs, batch %d, loss %s, seed %d%n",
                options.recipe, data.size(), config.epochs(), config.batchSize(), config.loss().describe(),
                config.seed());
        if (config.augmentation().isOn() || config.instanceNoise().isOn() || config.labelFlips() > 0) {
            System.out.printf(Locale.ROOT, "augmentation %s, instance noise %s, label flips %s%n",
                    config.augmentation().describe(), config.instanceNoise().describe(), config.labelFlips());
        }

        if (quality != null) {
            // Prepared before training so that the training time below is the GAN's alone.
            System.out.println("preparing the quality metric's " + quality.classifier().describe());
        }
        long start = System.nanoTime();
        try (metrics; TrainedGan gan = builder.build().train(data)) {
            double seconds = (System.nanoTime() - start) / 1e9;
            Path model = options.out.resolve("generator.gan4j");
            gan.save(model);
            Path onnx = options.out.resolve("generator.onnx");
            gan.exportOnnx(onnx);
            Path grid = options.out.resolve("samples.png");
            gan.generate(100, 7).writeGridPng(grid, 10);
            System.out.printf(Locale.ROOT, "trained %d steps in %.1f s%n", gan.provenance().steps(), seconds);
            System.out.println("sample grids per epoch: " + options.out.toAbsolutePath().resolve("epoch-*.png"));
            System.out.println("metrics per report:     " + metrics.file().toAbsolutePath());
            System.out.println("final samples:          " + grid.toAbsolutePath());
            System.out.println("generator:              " + model.toAbsolutePath());
            System.out.println("generator for ONNX:     " + onnx.toAbsolutePath());
            if (quality != null) {
                printFinal(quality.score(gan));
            }
        } catch (UnhealthyTrainingException e) {
            System.err.println("TrainMnist: " + e.getMessage());
            System.err.println("metrics up to the stop: " + metrics.file().toAbsolutePath());
            System.exit(1);
        }
    }

    /** The last report as a table: the generated images beside the held-out real ones. */
    private static void printFinal(QualityReport r) {
        System.out.printf(Locale.ROOT, "sample quality of %d generated images vs %d held-out real digits:%n",
                r.generated().samples(), r.real().samples());
        System.out.printf(Locale.ROOT, "  %-28s %10s %10s%n", "", "generated", "real");
        System.out.printf(Locale.ROOT, "  %-28s %10.2f %10.2f%n", "classifier score (max 10)",
                r.generated().classifierScore(), r.real().classifierScore());
        System.out.printf(Locale.ROOT, "  %-28s %10.2f %10.2f%n", "Frechet distance",
                r.generated().frechetDistance(), r.real().frechetDistance());
        System.out.printf(Locale.ROOT, "  %-28s %9.1f%% %9.1f%%%n", "recognizable (p >= 0.9)",
                100 * r.generated().recognizability(), 100 * r.real().recognizability());
        System.out.printf(Locale.ROOT, "  %-28s %10s %10s%n", "classes covered (>= 5%)",
                r.generated().classesCovered() + "/10", r.real().classesCovered() + "/10");
        System.out.printf(Locale.ROOT, "  %-28s %9.1f%% %9.1f%%%n", "smallest class share",
                100 * r.generated().smallestClassShare(), 100 * r.real().smallestClassShare());
        StringBuilder shares = new StringBuilder("  generated class shares:");
        for (int k = 0; k < r.generated().classShares().size(); k++) {
            shares.append(String.format(Locale.ROOT, " %d:%.1f%%", k, 100 * r.generated().classShares().get(k)));
        }
        System.out.println(shares);
    }

    /** The two recipes, with their own defaults; {@link DeviceCheck} trains the first. */
    enum Recipe {
        DCGAN, KERAS;

        static Recipe of(String name) {
            switch (name) {
                case "dcgan":
                    return DCGAN;
                case "keras":
                    return KERAS;
                default:
                    throw new IllegalArgumentException("--recipe must be dcgan or keras, got " + name);
            }
        }

        GanTrainer.Builder builder(int datasetSize) {
            if (this == KERAS) {
                // The reference recipe: Adam(1e-4, beta1 0.3), labels 0.9/0.1, a tenth of a pass per epoch.
                int batchSize = 64;
                return GanTrainer.builder()
                        .generator(GeneratorSpec.kerasDcgan().build())
                        .discriminator(discriminator(false))
                        .labelSmoothing(LabelSmoothing.twoSided(0.9f, 0.1f))
                        .optimizer(Adam.of(1e-4, 0.3))
                        .batchSize(batchSize)
                        .stepsPerEpoch(Math.max(1, datasetSize / batchSize / 10))
                        .epochs(5);
            }
            // Radford et al.'s optimiser with one-sided smoothing; batch 32 because on a CPU more updates
            // of half the size learn more per second (measured: docs/recipes.md).
            return GanTrainer.builder()
                    .generator(GeneratorSpec.dcgan().build())
                    .discriminator(discriminator(false))
                    .labelSmoothing(LabelSmoothing.oneSided(0.9f))
                    .optimizer(Adam.of(2e-4, 0.5))
                    .batchSize(32)
                    .epochs(36);
        }

        /** The recipe's discriminator, every layer spectrally normalised if {@code spectralNorm}. */
        DiscriminatorSpec discriminator(boolean spectralNorm) {
            return this == KERAS ? DiscriminatorSpec.kerasDcgan().spectralNorm(spectralNorm).build()
                    : DiscriminatorSpec.dcgan().spectralNorm(spectralNorm).build();
        }
    }

    /** Command-line options. */
    static final class Options {
        static final String USAGE =
                "usage: TrainMnist [--recipe dcgan|keras] [--loss " + String.join("|", GanLoss.NAMES)
                        + "] [--data DIR] [--out DIR] [--epochs N] [--seed N] [--quality-every N] [--images N]"
                        + " [--augment color,translation,cutout] [--instance-noise SIGMA] [--label-flips P]"
                        + " [--penalty r1|r2|wganGp:WEIGHT[:EVERY]]"
                        + " [--spectral-norm on|off]";

        String recipe = "dcgan";
        GanLoss loss;
        Path data;
        Path out = Path.of("gan4j-out");
        Integer epochs;
        long seed = 42;
        int qualityEvery = 6;
        Integer images;
        Augmentation augment;
        InstanceNoise instanceNoise;
        Double labelFlips;
        boolean spectralNorm;
        GradientPenalty penalty;

        static Options parse(String[] args) {
            Options o = new Options();
            Flags.parse(args, (flag, value) -> {
                switch (flag) {
                    case "--recipe":
                        o.recipe = value;
                        break;
                    case "--loss":
                        o.loss = GanLoss.ofName(value);
                        break;
                    case "--data":
                        o.data = Path.of(value);
                        break;
                    case "--out":
                        o.out = Path.of(value);
                        break;
                    case "--epochs":
                        o.epochs = Integer.parseInt(value);
                        break;
                    case "--seed":
                        o.seed = Long.parseLong(value);
                        break;
                    case "--quality-every":
                        o.qualityEvery = Integer.parseInt(value);
                        if (o.qualityEvery < 0) {
                            throw new IllegalArgumentException("--quality-every must be >= 0 (0 = off), got " + value);
                        }
                        break;
                    case "--images":
                        o.images = Integer.parseInt(value);
                        if (o.images < 1) {
                            throw new IllegalArgumentException("--images must be >= 1, got " + value);
                        }
                        break;
                    case "--augment":
                        o.augment = new Augmentation(Augmentation.Policy.parse(value), 1);
                        break;
                    case "--instance-noise":
                        o.instanceNoise = InstanceNoise.annealed(Double.parseDouble(value));
                        break;
                    case "--penalty":
                        o.penalty = penalty(value);
                        break;
                    case "--label-flips":
                        o.labelFlips = Double.parseDouble(value);
                        if (!(o.labelFlips >= 0 && o.labelFlips < 0.5)) {
                            throw new IllegalArgumentException("--label-flips must be in [0, 0.5), got " + value);
                        }
                        break;
                    case "--spectral-norm":
                        if (!value.equals("on") && !value.equals("off")) {
                            throw new IllegalArgumentException("--spectral-norm must be on or off, got " + value);
                        }
                        o.spectralNorm = value.equals("on");
                        break;
                    default:
                        throw new IllegalArgumentException("unknown option " + flag);
                }
            });
            return o;
        }

        /** Parses {@code NAME:WEIGHT[:EVERY]}, e.g. {@code r1:10:16}. */
        static GradientPenalty penalty(String value) {
            String[] parts = value.split(":", -1);
            if (parts.length < 2 || parts.length > 3) {
                throw new IllegalArgumentException(
                        "--penalty must be NAME:WEIGHT or NAME:WEIGHT:EVERY (e.g. r1:10 or r1:10:16), got " + value);
            }
            return GradientPenalty.of(parts[0], Double.parseDouble(parts[1]),
                    parts.length == 3 ? Integer.parseInt(parts[2]) : 1);
        }
    }
}
