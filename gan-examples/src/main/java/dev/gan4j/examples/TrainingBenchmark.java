package dev.gan4j.examples;

import dev.gan4j.data.ImageDataset;
import dev.gan4j.data.Mnist;
import dev.gan4j.spec.DiscriminatorSpec;
import dev.gan4j.spec.GeneratorSpec;
import dev.gan4j.train.GanTrainer;
import dev.gan4j.train.StepMetrics;
import dev.gan4j.train.TrainedGan;
import dev.gan4j.train.TrainingListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Measures training throughput of the presets on the bundled digits and the arithmetic rate it
 * implies. Prints one line per preset and batch size.
 *
 * <pre>
 * TrainingBenchmark [--preset dcgan|keras|both] [--batch 64[,128...]] [--warmup 10] [--steps 40]
 * </pre>
 *
 * <p>Cost model, per real image, with one discriminator update per generator update: the generator
 * runs forward once and backward once (2x forward); the discriminator runs forward on the real and the
 * fake image, backward for both (2x), then forward and backward again on the fake in the generator's
 * update. So a step costs about {@code 3 G + 8 D} forward multiply-accumulates per real image, where
 * G and D are the forward costs from the specs; a FLOP is half a multiply-accumulate.
 */
public final class TrainingBenchmark {

    private TrainingBenchmark() {}

    /** Runs the benchmark; see the class comment for the arguments. */
    public static void main(String[] args) {
        String preset = "both";
        String batches = "64";
        int warmup = 10;
        int steps = 40;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--preset":
                    preset = args[i + 1];
                    break;
                case "--batch":
                    batches = args[i + 1];
                    break;
                case "--warmup":
                    warmup = Integer.parseInt(args[i + 1]);
                    break;
                case "--steps":
                    steps = Integer.parseInt(args[i + 1]);
                    break;
                default:
                    throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (steps % warmup != 0) {
            throw new IllegalArgumentException("--steps " + steps + " must be a multiple of --warmup " + warmup);
        }
        ImageDataset digits = Mnist.bundledTrainingSet();
        System.out.printf(Locale.ROOT, "%-11s %6s %12s %10s %16s %10s%n",
                "preset", "batch", "images/s", "ms/step", "GFLOP/image", "GFLOP/s");
        for (String name : preset.equals("both") ? List.of("dcgan", "keras") : List.of(preset)) {
            for (String batch : batches.split(",")) {
                run(name, Integer.parseInt(batch.strip()), warmup, steps, digits);
            }
        }
    }

    private static void run(String preset, int batch, int warmup, int steps, ImageDataset digits) {
        GeneratorSpec g = preset.equals("keras") ? GeneratorSpec.kerasDcgan().build() : GeneratorSpec.dcgan().build();
        DiscriminatorSpec d = preset.equals("keras")
                ? DiscriminatorSpec.kerasDcgan().build()
                : DiscriminatorSpec.dcgan().build();
        List<StepMetrics> reports = new ArrayList<>();
        TrainingListener record = new TrainingListener() {
            @Override
            public void onStep(StepMetrics metrics) {
                reports.add(metrics);
            }
        };
        GanTrainer trainer = GanTrainer.builder()
                .generator(g)
                .discriminator(d)
                .batchSize(batch)
                .stepsPerEpoch(warmup + steps)
                .logEvery(warmup)
                .seed(1)
                .listener(record)
                .build();
        try (TrainedGan ignored = trainer.train(digits)) {
            // Only the rates; the generator is discarded.
        }
        // Reports after the first cover equal intervals of `warmup` steps: total images over total time.
        double seconds = 0;
        for (StepMetrics m : reports.subList(1, reports.size())) {
            seconds += (double) warmup * batch / m.samplesPerSecond();
        }
        double imagesPerSecond = (double) steps * batch / seconds;
        double macsPerImage = 3.0 * g.stack().forwardMacs() + 8.0 * d.stack().forwardMacs();
        double gflopPerImage = 2 * macsPerImage / 1e9;
        System.out.printf(Locale.ROOT, "%-11s %6d %12.1f %10.1f %16.3f %10.1f%n",
                preset, batch, imagesPerSecond, 1000.0 * batch / imagesPerSecond, gflopPerImage,
                gflopPerImage * imagesPerSecond);
    }
}
