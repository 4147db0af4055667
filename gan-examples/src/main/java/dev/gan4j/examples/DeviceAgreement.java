package dev.gan4j.examples;

import java.util.List;
import java.util.Locale;

/**
 * What {@link DeviceCheck} compares between a device and the CPU, and the tolerances it allows.
 *
 * <p><b>Losses: two samples of one training, not the same numbers.</b> The engine draws the initial
 * weights, each step's latents and dropout masks with torch's generator on the training device, and
 * torch's CPU generator (Mersenne Twister) and CUDA generator (Philox) give different numbers for the
 * same seed. Runs on two devices are therefore not comparable step by step (only the order of the
 * data is the same), however exact the arithmetic. What must agree is how training goes: the mean
 * discriminator and generator losses over the steps after the first third (the fast start, where
 * the losses move most) may differ by {@link #LOSS_TOLERANCE} of the CPU's. Measured on the CPU with
 * the check's run (the MNIST {@code dcgan} recipe, batch 32, 60 steps), seeds 1 to 5 gave mean losses
 * over steps 21 to 60 of 0.254 to 0.281 (D) and 2.44 to 2.65 (G): 11% and 9% apart at most, so
 * {@code 0.20} is about twice the spread that other random numbers alone make. A device that trains
 * wrongly (a discriminator that cannot learn stays near ln 2 = 0.69, against 0.27 here) or diverges
 * (NaN) is far outside it.
 *
 * <p><b>Images: the same weights, so the arithmetic alone.</b> One generator's images of one seed
 * (latents drawn on the host: the same on every device), computed on the device and on the CPU,
 * may differ by {@link #PIXEL_MAX_TOLERANCE} at most and {@link #PIXEL_MEAN_TOLERANCE} on average,
 * pixels being in [-1, 1]. PyTorch lets cuDNN run float32 convolutions in TF32 by default on
 * Ampere and later GPUs ({@code torch.backends.cudnn.allow_tf32}), which rounds their inputs to 10
 * mantissa bits (relative error up to 2<sup>-11</sup>, about 5e-4, per input; float32 matrix
 * products stay float32 by default); through the {@code dcgan} generator's two transposed
 * convolutions that is some 1e-3 of a typical pixel and, at the worst of thousands of pixels, under
 * 1% of the range, hence 2e-3 and 2e-2. Without TF32 (older GPUs, or {@code NVIDIA_TF32_OVERRIDE=0})
 * only summation orders differ and the figures are near 1e-6. These bounds are reasoned, not yet
 * measured on a GPU: the check prints its figures so that they can be.
 */
final class DeviceAgreement {

    /** The largest difference of the mean losses, as a share of the CPU's. */
    static final double LOSS_TOLERANCE = 0.20;

    /** The largest difference of one pixel, in the generator's range [-1, 1]. */
    static final double PIXEL_MAX_TOLERANCE = 2e-2;

    /** The largest mean difference over all pixels. */
    static final double PIXEL_MEAN_TOLERANCE = 2e-3;

    private DeviceAgreement() {}

    /**
     * One run's per-step losses, step 1 first.
     *
     * @param discriminator the discriminator's loss of each step
     * @param generator the generator's loss of each step
     */
    record Losses(double[] discriminator, double[] generator) {
        /** Checks that both hold the same steps, at least one. */
        Losses {
            if (discriminator.length == 0 || discriminator.length != generator.length) {
                throw new IllegalArgumentException("losses of " + discriminator.length + " and "
                        + generator.length + " steps; both must cover the same steps, at least one");
            }
            discriminator = discriminator.clone();
            generator = generator.clone();
        }

        /** Returns a copy of the discriminator's losses. */
        @Override
        public double[] discriminator() {
            return discriminator.clone();
        }

        /** Returns a copy of the generator's losses. */
        @Override
        public double[] generator() {
            return generator.clone();
        }

        int steps() {
            return discriminator.length;
        }
    }

    /**
     * One compared figure.
     *
     * @param name what is compared
     * @param values the compared values, for the report
     * @param difference the difference found (relative or absolute: see {@code relative})
     * @param tolerance the largest difference that passes
     * @param relative whether difference and tolerance are shares, printed as per cent
     */
    record Figure(String name, String values, double difference, double tolerance, boolean relative) {
        /** Whether the difference is within the tolerance; a NaN never is. */
        boolean passed() {
            return difference <= tolerance;
        }

        /** The figure as one line of the report. */
        String describe() {
            String diff = relative
                    ? String.format(Locale.ROOT, "%.1f%%", 100 * difference)
                    : String.format(Locale.ROOT, "%.2e", difference);
            String tol = relative
                    ? String.format(Locale.ROOT, "%.0f%%", 100 * tolerance)
                    : String.format(Locale.ROOT, "%.0e", tolerance);
            return String.format(Locale.ROOT, "%-30s %-34s difference %-9s tolerance %-6s %s",
                    name, values, diff, tol, passed() ? "PASS" : "FAIL");
        }
    }

    /** The first step, from 1, of the window whose mean losses are compared: after the first third. */
    static int firstComparedStep(int steps) {
        return steps / 3 + 1;
    }

    /**
     * Compares the mean losses of two runs of the same settings over the same window.
     *
     * @throws IllegalArgumentException if the runs cover different numbers of steps
     */
    static List<Figure> compareLosses(String deviceName, Losses device, Losses cpu) {
        if (device.steps() != cpu.steps()) {
            throw new IllegalArgumentException(
                    "runs of " + device.steps() + " and " + cpu.steps() + " steps cannot be compared");
        }
        int from = firstComparedStep(cpu.steps());
        String window = "steps " + from + "-" + cpu.steps();
        return List.of(
                lossFigure("mean D loss, " + window, deviceName, mean(device.discriminator(), from),
                        mean(cpu.discriminator(), from)),
                lossFigure("mean G loss, " + window, deviceName, mean(device.generator(), from),
                        mean(cpu.generator(), from)));
    }

    /**
     * Compares one generator's images computed on the device and on the CPU, pixel by pixel.
     *
     * @throws IllegalArgumentException if they hold different numbers of pixels
     */
    static List<Figure> compareImages(float[] device, float[] cpu) {
        if (device.length == 0 || device.length != cpu.length) {
            throw new IllegalArgumentException(
                    "images of " + device.length + " and " + cpu.length + " pixels cannot be compared");
        }
        double max = 0;
        double sum = 0;
        for (int i = 0; i < cpu.length; i++) {
            double d = Math.abs((double) device[i] - cpu[i]);
            // Math.max keeps a NaN, so that a NaN pixel fails.
            max = Math.max(max, d);
            sum += d;
        }
        String values = cpu.length + " pixels";
        return List.of(
                new Figure("max |pixel difference|", values, max, PIXEL_MAX_TOLERANCE, false),
                new Figure("mean |pixel difference|", values, sum / cpu.length, PIXEL_MEAN_TOLERANCE, false));
    }

    /** Whether every figure passed. */
    static boolean passed(List<Figure> figures) {
        return figures.stream().allMatch(Figure::passed);
    }

    private static Figure lossFigure(String name, String deviceName, double device, double cpu) {
        String values = String.format(Locale.ROOT, "%s %.4f, cpu %.4f", deviceName, device, cpu);
        return new Figure(name, values, Math.abs(device - cpu) / Math.abs(cpu), LOSS_TOLERANCE, true);
    }

    /** The mean of steps {@code from} (from 1) to the last. */
    private static double mean(double[] perStep, int from) {
        double sum = 0;
        for (int i = from - 1; i < perStep.length; i++) {
            sum += perStep[i];
        }
        return sum / (perStep.length - from + 1);
    }
}
