package dev.gan4j.examples;

import dev.gan4j.cli.Recipe;
import dev.gan4j.data.ImageDataset;
import dev.gan4j.data.Mnist;
import dev.gan4j.health.HealthPolicy;
import dev.gan4j.spi.Engines;
import dev.gan4j.spi.GanTrainerProvider;
import dev.gan4j.train.ComputeDevice;
import dev.gan4j.train.GanTrainer;
import dev.gan4j.train.TrainedGan;
import dev.gan4j.train.listener.StepMetrics;
import dev.gan4j.train.listener.StepProfile;
import dev.gan4j.train.listener.TrainingListener;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * Checks that training on a GPU works and agrees with the CPU, for a GPU owner to run in one command
 * (README, "Running on a GPU"):
 *
 * <ol>
 *   <li>asks the engine which devices it offers ({@link GanTrainerProvider#devices()}) and stops with
 *       exit code 2 and what it looked for when the device is not among them;
 *   <li>trains the same seeded short run (the MNIST {@code dcgan} recipe of {@link TrainMnist} on the
 *       bundled digits, a report every step) on the device and on the CPU, and compares their mean
 *       losses;
 *   <li>computes one generator's images of one seed on the device and on the CPU, and compares them
 *       pixel by pixel (the tolerances and why they are what they are: {@link DeviceAgreement});
 *   <li>prints the device's time per step at each batch size, warm-up steps left out;
 *   <li>prints the copies from the device to the host that gan4j makes per step ({@link
 *       StepProfile#hostCopies()}).
 * </ol>
 *
 * <pre>
 * DeviceCheck [--device gpu|cpu] [--steps 60] [--seed 42] [--batch 8,64,256] [--warmup 10] [--timed-steps 40]
 * </pre>
 *
 * <p>{@code --device gpu} (the default) is {@code gpu(0)}; {@code --device cpu} runs every phase with
 * the CPU as the device too, to exercise the program where there is no GPU (the comparisons then
 * pass trivially). Exit codes: 0 every comparison passed, 1 one failed, 2 the device is not visible
 * to the engine (or the engine did not load), 3 bad arguments.
 */
public final class DeviceCheck {

    static final int PASSED = 0;
    static final int FAILED = 1;
    static final int NO_DEVICE = 2;
    static final int USAGE = 3;

    /** The seed of the images compared pixel by pixel, and how many. */
    private static final long IMAGE_SEED = 7;
    private static final int IMAGES = 64;

    /** The host-copy count's run: reports of this many steps, two of them. */
    private static final int COPIES_LOG_EVERY = 10;

    private DeviceCheck() {}

    /** Runs the check and exits with its code; see the class comment for the arguments. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the check, printing to {@code out} and problems to {@code err}; returns the exit code. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("DeviceCheck: " + e.getMessage());
            err.println(Options.USAGE);
            return USAGE;
        }
        ComputeDevice device = options.device;
        GanTrainerProvider engine;
        List<ComputeDevice> offered;
        try {
            engine = Engines.provider();
            offered = engine.devices();
        } catch (RuntimeException e) {
            err.println("DeviceCheck: cannot ask the engine for its devices: " + e.getMessage());
            return NO_DEVICE;
        }
        if (!offered.contains(device)) {
            err.println(notVisible(device, engine.name(), offered, nativesOnClassPath(), System.getenv()));
            return NO_DEVICE;
        }
        out.printf(Locale.ROOT, "DeviceCheck: %s against the CPU; the %s engine offers %s%n", device, engine.name(),
                names(offered));
        try {
            return check(options, offered, out);
        } catch (RuntimeException e) {
            err.println("DeviceCheck: FAIL: " + e.getMessage());
            e.printStackTrace(err);
            return FAILED;
        }
    }

    /** The phases after the device was found; returns the exit code. */
    private static int check(Options options, List<ComputeDevice> offered, PrintStream out) {
        ComputeDevice device = options.device;
        String name = device.toString();
        ImageDataset digits = Mnist.bundledTrainingSet();
        List<DeviceAgreement.Figure> figures = new ArrayList<>();

        out.printf(Locale.ROOT, "%n1. the same seeded run on each: MNIST dcgan recipe, %d bundled digits, batch %d,"
                + " %d steps, seed %d%n", digits.size(), recipe(device, options.seed).config().batchSize(),
                options.steps, options.seed);
        try (Run onDevice = Run.train(device, options, digits);
                Run onCpu = Run.train(ComputeDevice.cpu(), options, digits)) {
            out.printf(Locale.ROOT, "   %s: %s, %.1f s; cpu: %s, %.1f s%n", name, onDevice.engine, onDevice.seconds,
                    onCpu.engine, onCpu.seconds);
            printLosses(out, name, onDevice.losses, onCpu.losses);
            out.println("   (Initial weights, latents and dropout are drawn on the training device, and torch's CUDA");
            out.println("   generator gives other numbers than its CPU one for a seed: the runs are two samples of one");
            out.println("   training, so their mean losses are compared, not each step.)");
            List<DeviceAgreement.Figure> losses = DeviceAgreement.compareLosses(name, onDevice.losses, onCpu.losses);
            losses.forEach(f -> out.println("   " + f.describe()));
            figures.addAll(losses);

            out.printf(Locale.ROOT, "%n2. the same weights on each: the CPU run's generator, %d images of seed %d%n",
                    IMAGES, IMAGE_SEED);
            float[] cpuImages = onCpu.gan.generate(IMAGES, IMAGE_SEED).pixels();
            float[] deviceImages = imagesOn(device, offered, onCpu.gan);
            List<DeviceAgreement.Figure> images = DeviceAgreement.compareImages(deviceImages, cpuImages);
            images.forEach(f -> out.println("   " + f.describe()));
            figures.addAll(images);
        }

        out.printf(Locale.ROOT, "%n3. time per step on %s: dcgan recipe, %d warm-up steps left out, %d timed%n", name,
                options.warmup, options.timedSteps);
        out.printf(Locale.ROOT, "   %6s %10s %12s%n", "batch", "ms/step", "images/s");
        for (int batch : options.batches) {
            double ms = msPerStep(device, batch, options, digits);
            out.printf(Locale.ROOT, "   %6d %10.2f %12.1f%n", batch, ms, 1000.0 * batch / ms);
        }

        int batch = options.batches.get(0);
        List<StepProfile> profiles = profile(device, batch, options.seed, digits);
        String counts = profiles.stream().map(p -> Long.toString(p.hostCopies())).collect(Collectors.joining(", "));
        long copies = profiles.stream().mapToLong(StepProfile::hostCopies).sum();
        long steps = profiles.stream().mapToLong(StepProfile::steps).sum();
        out.printf(Locale.ROOT, "%n4. device-to-host copies made by gan4j on %s (StepProfile.hostCopies), batch %d:%n",
                name, batch);
        out.printf(Locale.ROOT, "   %s in the %d reports of %d steps: %.2f per step at logEvery %d%n", counts,
                profiles.size(), COPIES_LOG_EVERY, (double) copies / steps, COPIES_LOG_EVERY);
        out.println("   (the metrics, one copy per report; copies inside DJL or PyTorch are not counted)");

        boolean passed = DeviceAgreement.passed(figures);
        String failedNames = figures.stream().filter(f -> !f.passed()).map(DeviceAgreement.Figure::name)
                .collect(Collectors.joining("; "));
        out.println();
        out.println(passed
                ? "DeviceCheck: PASS: " + name + " agrees with the CPU within the tolerances"
                : "DeviceCheck: FAIL: " + name + " differs from the CPU beyond the tolerance: " + failedNames);
        return passed ? PASSED : FAILED;
    }

    /**
     * The message for a device the engine does not offer: what was looked for, what the engine offers
     * and what to check.
     *
     * @param natives the PyTorch natives' {@code pytorch.properties} found on the class path, or null
     */
    static String notVisible(ComputeDevice device, String engine, List<ComputeDevice> offered, Properties natives,
            Map<String, String> env) {
        StringBuilder m = new StringBuilder();
        m.append(String.format(Locale.ROOT, "DeviceCheck: no GPU visible: looked for %s through the %s engine,"
                + " which offers only %s.", device, engine, names(offered)));
        if (natives == null) {
            m.append("\n  No PyTorch natives are on the class path, so DJL chose a build itself (downloaded to"
                    + " ~/.djl.ai, or PYTORCH_LIBRARY_PATH).");
        } else if ("cpu".equals(natives.getProperty("flavor"))) {
            m.append(String.format(Locale.ROOT, "\n  The class path holds PyTorch's CPU natives (pytorch-native-cpu,"
                    + " version %s, flavor cpu), which cannot use a GPU:\n  run with -Pgpu, which leaves them out"
                    + " and lets DJL download the CUDA build for this machine (README, \"Running on a GPU\").",
                    natives.getProperty("version")));
        } else {
            m.append(String.format(Locale.ROOT, "\n  The class path holds PyTorch natives of flavor %s (version %s).",
                    natives.getProperty("flavor"), natives.getProperty("version")));
        }
        String visible = env.get("CUDA_VISIBLE_DEVICES");
        m.append("\n  Check that the NVIDIA driver sees the GPU (nvidia-smi); CUDA_VISIBLE_DEVICES is ")
                .append(visible == null ? "not set." : "\"" + visible + "\".");
        return m.toString();
    }

    /** The {@code native/lib/pytorch.properties} of DJL's PyTorch native jar on the class path, or null. */
    static Properties nativesOnClassPath() {
        try (InputStream in = DeviceCheck.class.getClassLoader().getResourceAsStream("native/lib/pytorch.properties")) {
            if (in == null) {
                return null;
            }
            Properties p = new Properties();
            p.load(in);
            return p;
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * The CPU run's generator's images computed on {@code device}. {@link TrainedGan#load} puts a
     * generator on the engine's default device, the first GPU, else the CPU: loading the saved
     * generator brings it onto the device under test, except when that is the CPU on a machine with a
     * GPU, where the CPU's generator itself is the one on the device.
     */
    private static float[] imagesOn(ComputeDevice device, List<ComputeDevice> offered, TrainedGan cpuGan) {
        ComputeDevice loadsOnto = offered.contains(ComputeDevice.gpu(0)) ? ComputeDevice.gpu(0) : ComputeDevice.cpu();
        if (!loadsOnto.equals(device)) {
            return cpuGan.generate(IMAGES, IMAGE_SEED).pixels();
        }
        try {
            Path dir = Files.createTempDirectory("gan4j-device-check");
            Path file = dir.resolve("generator.gan4j");
            try {
                cpuGan.save(file);
                try (TrainedGan loaded = TrainedGan.load(file)) {
                    return loaded.generate(IMAGES, IMAGE_SEED).pixels();
                }
            } finally {
                Files.deleteIfExists(file);
                Files.deleteIfExists(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save and load the CPU's generator in a temporary directory", e);
        }
    }

    /** Prints the two runs' losses side by side, about ten steps of them. */
    private static void printLosses(PrintStream out, String name, DeviceAgreement.Losses device,
            DeviceAgreement.Losses cpu) {
        out.printf(Locale.ROOT, "   %5s %12s %12s %12s %12s%n", "step", "D " + name, "D cpu", "G " + name, "G cpu");
        int every = Math.max(1, cpu.steps() / 10);
        for (int s = 1; s <= cpu.steps(); s++) {
            if (s == 1 || s % every == 0 || s == cpu.steps()) {
                out.printf(Locale.ROOT, "   %5d %12.4f %12.4f %12.4f %12.4f%n", s, device.discriminator()[s - 1],
                        cpu.discriminator()[s - 1], device.generator()[s - 1], cpu.generator()[s - 1]);
            }
        }
    }

    /**
     * Trains {@code warmup + timedSteps} steps at {@code batch} with a report every {@code warmup}
     * steps, and returns the milliseconds per step of the reports after the first. Each report is one
     * device synchronisation (the metrics' copy), so queued work is counted in the report it belongs to.
     */
    private static double msPerStep(ComputeDevice device, int batch, Options options, ImageDataset digits) {
        List<StepMetrics> reports = new ArrayList<>();
        TrainingListener record = new TrainingListener() {
            @Override
            public void onStep(StepMetrics metrics) {
                reports.add(metrics);
            }
        };
        GanTrainer trainer = recipe(device, options.seed)
                .batchSize(batch)
                .stepsPerEpoch(options.warmup + options.timedSteps)
                .logEvery(options.warmup)
                .listener(record)
                .build();
        try (TrainedGan ignored = trainer.train(digits)) {
            // Only the times.
        }
        return 1000 * StepTimes.secondsPerStep(reports, batch);
    }

    /** Two reports of {@link #COPIES_LOG_EVERY} profiled steps at {@code batch}. */
    private static List<StepProfile> profile(ComputeDevice device, int batch, long seed, ImageDataset digits) {
        List<StepProfile> profiles = new ArrayList<>();
        GanTrainer trainer = recipe(device, seed)
                .batchSize(batch)
                .stepsPerEpoch(2 * COPIES_LOG_EVERY)
                .logEvery(COPIES_LOG_EVERY)
                .profileSteps(true)
                .listener(new TrainingListener() {
                    @Override
                    public void onProfile(StepProfile profile) {
                        profiles.add(profile);
                    }
                })
                .build();
        try (TrainedGan ignored = trainer.train(digits)) {
            return profiles;
        }
    }

    /**
     * TrainMnist's dcgan recipe for one epoch on {@code device}, health off: the check judges the
     * losses itself, and a health stop would hide the figures.
     */
    private static GanTrainer.Builder recipe(ComputeDevice device, long seed) {
        return Recipe.DCGAN.builder(Mnist.bundledTrainingSet().size())
                .epochs(1)
                .device(device)
                .seed(seed)
                .health(HealthPolicy.off());
    }

    private static String names(List<ComputeDevice> devices) {
        return devices.stream().map(ComputeDevice::toString).collect(Collectors.joining(", "));
    }

    /** One seeded run of the comparison: its per-step losses and its trained generator. */
    static final class Run implements AutoCloseable {
        final DeviceAgreement.Losses losses;
        final TrainedGan gan;
        final String engine;
        final double seconds;

        private Run(DeviceAgreement.Losses losses, TrainedGan gan, double seconds) {
            this.losses = losses;
            this.gan = gan;
            this.engine = gan.provenance().engine() + " on " + gan.provenance().device();
            this.seconds = seconds;
        }

        static Run train(ComputeDevice device, Options options, ImageDataset digits) {
            double[] d = new double[options.steps];
            double[] g = new double[options.steps];
            TrainingListener record = new TrainingListener() {
                @Override
                public void onStep(StepMetrics m) {
                    d[(int) m.globalStep() - 1] = m.discriminatorLoss();
                    g[(int) m.globalStep() - 1] = m.generatorLoss();
                }
            };
            long start = System.nanoTime();
            TrainedGan gan = recipe(device, options.seed)
                    .stepsPerEpoch(options.steps)
                    .logEvery(1)
                    .listener(record)
                    .build()
                    .train(digits);
            return new Run(new DeviceAgreement.Losses(d, g), gan, (System.nanoTime() - start) / 1e9);
        }

        @Override
        public void close() {
            gan.close();
        }
    }

    /** Command-line options. */
    static final class Options {
        static final String USAGE = "usage: DeviceCheck [--device gpu|cpu] [--steps N] [--seed N] [--batch 8,64,256]"
                + " [--warmup N] [--timed-steps N]";

        ComputeDevice device = ComputeDevice.gpu(0);
        int steps = 60;
        long seed = 42;
        List<Integer> batches = List.of(8, 64, 256);
        int warmup = 10;
        int timedSteps = 40;

        static Options parse(String[] args) {
            Options o = new Options();
            Flags.parse(args, (flag, value) -> {
                switch (flag) {
                    case "--device":
                        o.device = device(value);
                        break;
                    case "--steps":
                        o.steps = positive(flag, value);
                        break;
                    case "--seed":
                        o.seed = Long.parseLong(value);
                        break;
                    case "--batch":
                        List<Integer> batches = new ArrayList<>();
                        for (String b : value.split(",")) {
                            batches.add(positive(flag, b.strip()));
                        }
                        o.batches = List.copyOf(batches);
                        break;
                    case "--warmup":
                        o.warmup = positive(flag, value);
                        break;
                    case "--timed-steps":
                        o.timedSteps = positive(flag, value);
                        break;
                    default:
                        throw new IllegalArgumentException("unknown option " + flag);
                }
            });
            return o;
        }

        private static ComputeDevice device(String name) {
            switch (name) {
                case "gpu":
                    return ComputeDevice.gpu(0);
                case "cpu":
                    return ComputeDevice.cpu();
                default:
                    throw new IllegalArgumentException("--device must be gpu or cpu, got " + name);
            }
        }

        private static int positive(String flag, String value) {
            int n;
            try {
                n = Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(flag + " must be a whole number, got " + value);
            }
            if (n < 1) {
                throw new IllegalArgumentException(flag + " must be >= 1, got " + value);
            }
            return n;
        }
    }
}
