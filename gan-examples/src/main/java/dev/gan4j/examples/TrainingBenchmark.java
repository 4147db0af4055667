package dev.gan4j.examples;

import dev.gan4j.data.ImageDataset;
import dev.gan4j.data.Mnist;
import dev.gan4j.health.HealthPolicy;
import dev.gan4j.spec.DiscriminatorSpec;
import dev.gan4j.spec.GeneratorSpec;
import dev.gan4j.train.GanLoss;
import dev.gan4j.train.GanTrainer;
import dev.gan4j.train.Augmentation;
import dev.gan4j.train.GradientPenalty;
import dev.gan4j.train.NativeMemory;
import dev.gan4j.train.TrainedGan;
import dev.gan4j.train.listener.StepMetrics;
import dev.gan4j.train.listener.StepProfile;
import dev.gan4j.train.listener.TrainingListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Measures training: throughput of the presets on the bundled digits, the arithmetic rate it implies
 * as a share of the engine's matrix-multiply rate measured in the same process, and, with {@code
 * --memory-steps}, the resident memory over a long run.
 *
 * <pre>
 * TrainingBenchmark [--preset dcgan|keras|both] [--batch 8,64,256] [--warmup 10] [--steps 40]
 *                   [--memory-steps 10000] [--native-memory reuse|system]
 *                   [--penalty none|r1|r1lazy16|r2|wgangp] [--spectral-norm off|on]
 *                   [--augment color,translation,cutout]
 * </pre>
 *
 * <p>{@code --penalty} trains with a gradient penalty: {@code r1} is {@code GradientPenalty.r1(10)},
 * {@code r1lazy16} the same {@code every(16)}, {@code r2} is {@code r2(10)}, {@code wgangp} the loss
 * {@code GanLoss.wassersteinGp()} with its default penalty {@code wganGp(10)}. A penalty refuses BatchNorm
 * in the discriminator, so with one the dcgan preset's discriminator is built with {@code batchNorm(false)}
 * (compare with {@code --penalty none} on the same discriminator by giving {@code --penalty none-nobn}).
 * With {@code --memory-steps}, {@code --preset} (default dcgan) and the first {@code --batch} (default 64)
 * choose the network and batch of the memory run.
 *
 * <p>{@code --spectral-norm on} spectrally normalises every dense and convolution layer of the
 * discriminator and changes nothing else (the compact preset keeps its BatchNorm unless a penalty drops
 * it), so that its figures against a run without it are the cost of spectral normalization alone (the
 * target is at most 1.1x the step without it). Its rows are labelled {@code dcgan+sn}, {@code keras+sn}.
 *
 * <p>{@code --native-memory system} trains with {@link NativeMemory#SYSTEM_DEFAULT} instead of the
 * default {@link NativeMemory#REUSE}, to measure what the allocator setting is worth. {@code --augment}
 * trains with DiffAugment's policies on every image the discriminator sees ({@link Augmentation}), to
 * measure what the augmentation costs per step (its matrix products and masks are not in the cost
 * model below).
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
        String batches = "8,64,256";
        int warmup = 10;
        int steps = 40;
        int memorySteps = 0;
        Penalty penalty = penalty("none");
        Augmentation augmentation = Augmentation.none();
        boolean spectralNorm = false;
        NativeMemory nativeMemory = NativeMemory.REUSE;
        String batchOption = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--preset":
                    preset = args[i + 1];
                    break;
                case "--batch":
                    batches = args[i + 1];
                    batchOption = batches;
                    break;
                case "--warmup":
                    warmup = Integer.parseInt(args[i + 1]);
                    break;
                case "--steps":
                    steps = Integer.parseInt(args[i + 1]);
                    break;
                case "--memory-steps":
                    memorySteps = Integer.parseInt(args[i + 1]);
                    break;
                case "--native-memory":
                    nativeMemory = nativeMemory(args[i + 1]);
                    break;
                case "--penalty":
                    penalty = penalty(args[i + 1]);
                    break;
                case "--augment":
                    augmentation = new Augmentation(Augmentation.Policy.parse(args[i + 1]), 1);
                    break;
                case "--spectral-norm":
                    spectralNorm = onOff("--spectral-norm", args[i + 1]);
                    break;
                default:
                    throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (steps % warmup != 0) {
            throw new IllegalArgumentException("--steps " + steps + " must be a multiple of --warmup " + warmup);
        }
        ImageDataset digits = Mnist.bundledTrainingSet();
        if (memorySteps > 0) {
            String memoryPreset = preset.equals("both") ? "dcgan" : preset;
            int memoryBatch = batchOption == null ? 64 : Integer.parseInt(batchOption.split(",")[0].strip());
            memory(memorySteps, memoryPreset, memoryBatch, digits, nativeMemory,
                    new Variant(penalty, spectralNorm, augmentation));
            return;
        }
        double matmul = MatmulThroughput.gflops(2048, 5);
        System.out.printf(Locale.ROOT, "float32 matrix multiply (2048 x 2048, PyTorch via DJL): %.1f GFLOP/s%n", matmul);
        System.out.printf(Locale.ROOT, "%-11s %6s %12s %10s %12s %10s %9s%n",
                "preset", "batch", "images/s", "ms/step", "GFLOP/image", "GFLOP/s", "of matmul");
        List<String> splits = new ArrayList<>();
        for (String name : preset.equals("both") ? List.of("dcgan", "keras") : List.of(preset)) {
            for (String batch : batches.split(",")) {
                splits.add(run(name, Integer.parseInt(batch.strip()), warmup, steps, digits, matmul, nativeMemory,
                        new Variant(penalty, spectralNorm, augmentation)));
            }
        }
        System.out.printf(Locale.ROOT, "%ntime per step (ms), from profileSteps:%n%-11s %6s %8s %8s %8s %8s %8s %8s%n",
                "preset", "batch", "data", "D update", "G update", "metrics", "other", "total");
        splits.forEach(System.out::println);
    }

    private static boolean onOff(String option, String value) {
        switch (value) {
            case "on":
                return true;
            case "off":
                return false;
            default:
                throw new IllegalArgumentException(option + " must be on or off, got " + value);
        }
    }

    private static NativeMemory nativeMemory(String name) {
        switch (name) {
            case "reuse":
                return NativeMemory.REUSE;
            case "system":
                return NativeMemory.SYSTEM_DEFAULT;
            default:
                throw new IllegalArgumentException("--native-memory must be reuse or system, got " + name);
        }
    }

    /** A gradient penalty to benchmark, with the loss it goes with and whether D keeps its BatchNorm. */
    private record Penalty(String name, GanLoss loss, GradientPenalty penalty, boolean batchNorm) {}

    private static Penalty penalty(String name) {
        switch (name) {
            case "none":
                return new Penalty(name, GanLoss.nonSaturating(), GradientPenalty.none(), true);
            case "none-nobn":
                return new Penalty(name, GanLoss.nonSaturating(), GradientPenalty.none(), false);
            case "r1":
                return new Penalty(name, GanLoss.nonSaturating(), GradientPenalty.r1(10), false);
            case "r1lazy16":
                return new Penalty(name, GanLoss.nonSaturating(), GradientPenalty.r1(10).every(16), false);
            case "r2":
                return new Penalty(name, GanLoss.nonSaturating(), GradientPenalty.r2(10), false);
            case "wgangp":
                return new Penalty(name, GanLoss.wassersteinGp(), GradientPenalty.wganGp(), false);
            default:
                throw new IllegalArgumentException(
                        "--penalty must be none, none-nobn, r1, r1lazy16, r2 or wgangp, got " + name);
        }
    }

    private static GeneratorSpec generator(String preset) {
        return preset.equals("keras") ? GeneratorSpec.kerasDcgan().build() : GeneratorSpec.dcgan().build();
    }

    /** What a run adds to the preset: a penalty, spectral normalization in D, DiffAugment. */
    private record Variant(Penalty penalty, boolean spectralNorm, Augmentation augmentation) {
        /** The row's label: the preset, with {@code +sn} when D is spectrally normalised. */
        String label(String preset) {
            return spectralNorm ? preset + "+sn" : preset;
        }
    }

    private static DiscriminatorSpec discriminator(String preset, Variant variant) {
        // batchNorm set explicitly: the preset would otherwise drop its BatchNorm with spectral norm,
        // and the comparison would measure two architectures.
        return preset.equals("keras") ? DiscriminatorSpec.kerasDcgan().spectralNorm(variant.spectralNorm()).build()
                : DiscriminatorSpec.dcgan().spectralNorm(variant.spectralNorm())
                        .batchNorm(variant.penalty().batchNorm()).build();
    }

    /** Prints the throughput line and returns the time-split line. */
    private static String run(String name, int batch, int warmup, int steps, ImageDataset digits, double matmul,
            NativeMemory nativeMemory, Variant variant) {
        GeneratorSpec g = generator(name);
        DiscriminatorSpec d = discriminator(name, variant);
        Penalty penalty = variant.penalty();
        String preset = variant.label(name);
        List<StepMetrics> reports = new ArrayList<>();
        List<StepProfile> profiles = new ArrayList<>();
        TrainingListener record = new TrainingListener() {
            @Override
            public void onStep(StepMetrics metrics) {
                reports.add(metrics);
            }

            @Override
            public void onProfile(StepProfile profile) {
                profiles.add(profile);
            }
        };
        GanTrainer trainer = GanTrainer.builder()
                .generator(g)
                .discriminator(d)
                .loss(penalty.loss())
                .gradientPenalty(penalty.penalty())
                .augmentation(variant.augmentation())
                .batchSize(batch)
                .stepsPerEpoch(warmup + steps)
                .logEvery(warmup)
                .seed(1)
                .profileSteps(true)
                .nativeMemory(nativeMemory)
                .listener(record)
                .build();
        try (TrainedGan ignored = trainer.train(digits)) {
            // Only the rates; the generator is discarded.
        }
        double imagesPerSecond = batch / StepTimes.secondsPerStep(reports, batch);
        double macsPerImage = 3.0 * g.stack().forwardMacs() + 8.0 * d.stack().forwardMacs();
        double gflopPerImage = 2 * macsPerImage / 1e9;
        double gflops = gflopPerImage * imagesPerSecond;
        System.out.printf(Locale.ROOT, "%-11s %6d %12.1f %10.1f %12.3f %10.1f %8.0f%%  penalty %s%n",
                preset, batch, imagesPerSecond, 1000.0 * batch / imagesPerSecond, gflopPerImage, gflops,
                100 * gflops / matmul, penalty.name());
        double[] ms = new double[6];
        for (StepProfile p : profiles.subList(1, profiles.size())) {
            ms[0] += p.dataSeconds();
            ms[1] += p.discriminatorSeconds();
            ms[2] += p.generatorSeconds();
            ms[3] += p.metricsSeconds();
            ms[4] += p.otherSeconds();
            ms[5] += p.totalSeconds();
        }
        for (int i = 0; i < ms.length; i++) {
            ms[i] = 1000 * ms[i] / steps;
        }
        return String.format(Locale.ROOT, "%-11s %6d %8.2f %8.1f %8.1f %8.2f %8.2f %8.1f",
                preset, batch, ms[0], ms[1], ms[2], ms[3], ms[4], ms[5]);
    }

    /**
     * Trains {@code preset} at {@code batch} for {@code steps} steps and prints the resident memory as it
     * goes, with
     * the Java heap's committed size beside it: what is left, RSS minus the heap, is the native
     * memory (PyTorch's arrays, DJL's and the JVM's own), the part a leak of closed-over NDArrays
     * would grow.
     */
    private static void memory(int steps, String preset, int batch, ImageDataset digits, NativeMemory nativeMemory,
            Variant variant) {
        Penalty penalty = variant.penalty();
        int every = Math.max(1, steps / 20);
        List<double[]> samples = new ArrayList<>();
        System.out.printf(Locale.ROOT, "resident memory (VmRSS) while training %s at batch %d for %d steps, penalty %s%n",
                preset, batch, steps, penalty.name());
        System.out.printf(Locale.ROOT, "%8s %10s %14s %16s%n", "step", "RSS MiB", "Java heap MiB", "RSS - heap MiB");
        TrainingListener sample = new TrainingListener() {
            @Override
            public void onStep(StepMetrics m) {
                double rss = ResidentMemory.mib();
                double heap = Runtime.getRuntime().totalMemory() / (1024.0 * 1024.0);
                samples.add(new double[] {m.globalStep(), rss, heap, rss - heap});
                System.out.printf(Locale.ROOT, "%8d %10.1f %14.1f %16.1f%n", m.globalStep(), rss, heap, rss - heap);
            }
        };
        GanTrainer trainer = GanTrainer.builder()
                .generator(generator(preset))
                .discriminator(discriminator(preset, variant))
                .loss(penalty.loss())
                .gradientPenalty(penalty.penalty())
                .augmentation(variant.augmentation())
                // Memory, not learning, is measured: a run whose values turn NaN goes on (see
                // docs/losses.md, open issue) instead of stopping before the last step.
                .health(!penalty.penalty().isOn() ? HealthPolicy.defaults() : HealthPolicy.off())
                .batchSize(batch)
                .stepsPerEpoch(steps)
                .logEvery(every)
                .seed(1)
                .nativeMemory(nativeMemory)
                .listener(sample)
                .build();
        try (TrainedGan ignored = trainer.train(digits)) {
            // Only the memory figures.
        }
        // Warm-up: the first tenth of the run (allocator pools and caches fill).
        double[] afterWarmup = samples.get(Math.max(0, samples.size() / 10 - 1));
        double[] middle = samples.get(samples.size() / 2);
        double[] last = samples.get(samples.size() - 1);
        System.out.printf(Locale.ROOT, "RSS at step %d (start, after warm-up): %.1f MiB; step %d (middle): %.1f MiB;"
                        + " step %d (end): %.1f MiB%n", (long) afterWarmup[0], afterWarmup[1], (long) middle[0], middle[1],
                (long) last[0], last[1]);
        System.out.printf(Locale.ROOT,
                "from step %d to %d: RSS %.1f -> %.1f MiB (%+.2f%%), Java heap %.1f -> %.1f MiB, RSS - heap %.1f -> %.1f MiB (%+.2f%%)%n",
                (long) afterWarmup[0], (long) last[0], afterWarmup[1], last[1],
                100 * (last[1] - afterWarmup[1]) / afterWarmup[1], afterWarmup[2], last[2], afterWarmup[3], last[3],
                100 * (last[3] - afterWarmup[3]) / afterWarmup[3]);
    }
}
