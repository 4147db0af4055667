package dev.gan4j.train;

/**
 * Gaussian noise {@code N(0, σ²)} added to every image the discriminator sees, real and generated, in
 * both updates, with {@code σ} falling linearly from {@link #sigma()} at the first step to 0 at the
 * end of the run. Noise makes the real and generated distributions overlap, so the discriminator
 * cannot separate them perfectly and its gradient stays informative early on (Sønderby et al., 2016,
 * "Amortised MAP Inference for Image Super-resolution"; Arjovsky and Bottou, 2017, "Towards
 * Principled Methods for Training Generative Adversarial Networks"); annealing it to 0 lets the end of
 * training see the images as they are. The noise is drawn from the run's seeded random generator.
 *
 * <pre>{@code builder.instanceNoise(InstanceNoise.annealed(0.1))}</pre>
 *
 * @param sigma the noise's standard deviation at the first step, in [0, 2]; 0 for none
 */
public record InstanceNoise(double sigma) {

    /**
     * Checks the standard deviation.
     *
     * @param sigma the noise's standard deviation at the first step, in [0, 2]; 0 for none
     */
    public InstanceNoise {
        if (!(sigma >= 0 && sigma <= 2)) {
            throw new IllegalArgumentException("instanceNoise sigma must be in [0, 2] (0 = off), got " + sigma);
        }
    }

    /**
     * No noise. The default.
     *
     * @return no noise
     */
    public static InstanceNoise none() {
        return new InstanceNoise(0);
    }

    /**
     * Noise of standard deviation {@code sigma} at the first step, annealed linearly to 0 at the run's
     * last step; 0.1 is a mild start on images in [-1, 1].
     *
     * @param sigma in (0, 2]
     * @return noise of standard deviation {@code sigma} at the first step, annealed linearly to 0 at the
     *     run's last step; 0.1 is a mild start on images in [-1, 1]
     * @throws IllegalArgumentException otherwise
     */
    public static InstanceNoise annealed(double sigma) {
        if (!(sigma > 0 && sigma <= 2)) {
            throw new IllegalArgumentException("instanceNoise sigma must be in (0, 2], got " + sigma);
        }
        return new InstanceNoise(sigma);
    }

    /**
     * Whether any noise is added.
     *
     * @return whether any noise is added
     */
    public boolean isOn() {
        return sigma > 0;
    }

    /**
     * Returns the standard deviation at generator step {@code step} (from 0) of a run of {@code
     * totalSteps}: {@code sigma * (1 - step / totalSteps)}, and 0 from {@code totalSteps} on (a run
     * extended on resume sees no noise beyond the original end).
     *
     * @param step the global step, from 1
     * @param totalSteps the run's last global step
     * @return the standard deviation at generator step {@code step} (from 0) of a run of {@code totalSteps}:
     *     {@code sigma * (1 - step / totalSteps)}, and 0 from {@code totalSteps} on (a run extended on resume
     *     sees no noise beyond the original end)
     */
    public double sigmaAt(long step, long totalSteps) {
        if (step >= totalSteps) {
            return 0;
        }
        return sigma * (1 - (double) step / totalSteps);
    }

    /**
     * Describes the setting, e.g. {@code annealed(0.1)} or {@code none}.
     *
     * @return the setting as text
     */
    public String describe() {
        return isOn() ? "annealed(" + sigma + ")" : "none";
    }
}
