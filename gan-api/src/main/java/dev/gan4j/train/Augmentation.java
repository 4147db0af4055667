package dev.gan4j.train;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Differentiable augmentation of every image the discriminator sees (Zhao et al., 2020,
 * "Differentiable Augmentation for Data-Efficient GAN Training"): real and generated images alike, in
 * the discriminator's update and in the generator's, so that D cannot memorise a small training set
 * and G is not pushed to generate augmented images. The augmentations are differentiable: the
 * generator's gradient flows through them. Each sample draws its own parameters from the run's seeded
 * random generator, so runs reproduce and resume exactly.
 *
 * <p>The policies, always applied in the order color, translation, cutout (the reference code's
 * recommended {@code color,translation,cutout}), with the reference code's constants:
 *
 * <ul>
 *   <li>{@link Policy#COLOR}: brightness {@code x + U(-0.5, 0.5)}; saturation {@code (x - m) U(0, 2) +
 *       m} with {@code m} the mean over the channels of each pixel (nothing on one channel); contrast
 *       {@code (x - m) U(0.5, 1.5) + m} with {@code m} the mean of the whole image. The constants are
 *       the reference code's, which applies them to images in [-1, 1] as gan4j trains on: on that
 *       range the brightness shift is half as strong, relatively, as on [0, 1].
 *   <li>{@link Policy#TRANSLATION}: each image shifted by whole pixels, independently along each
 *       axis, by up to {@code round(size / 8)}, uniformly, the uncovered border filled with 0.
 *   <li>{@link Policy#CUTOUT}: a square of {@code round(size / 2)} pixels per side, centred at a
 *       uniform position and clipped at the borders, set to 0.
 * </ul>
 *
 * <p>As in the reference code, the fill value is 0: mid-grey on [-1, 1] images, not the background.
 * With a {@link #probability()} below 1 each augmentation is applied to each sample with that
 * probability, independently (as Karras et al., 2020, "Training Generative Adversarial Networks with
 * Limited Data", do with their pipeline); a probability of 0 leaves every image untouched.
 *
 * <p>{@link #adaptive()} adjusts that probability during training instead (ADA, Karras et al.):
 * see {@link Adaptive}.
 *
 * <pre>{@code builder.augmentation(Augmentation.diffAugment(Policy.COLOR, Policy.TRANSLATION, Policy.CUTOUT))}</pre>
 *
 * @param policies the augmentations applied; empty for none
 * @param probability the probability of each augmentation for each sample, in [0, 1]; 1 for
 *     DiffAugment as published; with {@link #adaptive()} the probability at the first step
 * @param adaptation how the probability adapts during training ({@link #adaptive()}), or empty for a
 *     fixed probability
 */
public record Augmentation(Set<Policy> policies, double probability, Optional<Adaptive> adaptation) {

    /**
     * Adaptive augmentation probability (ADA; Karras et al., 2020, "Training Generative Adversarial
     * Networks with Limited Data", §3): every {@code interval} generator steps the engine reads the
     * overfitting heuristic {@code r = E[sign(D(x))]} over the real images the discriminator judged in
     * its updates since the last adjustment (its raw outputs, augmented), and moves the probability by
     * {@code sign(r - target) * images / speedImages}, clipped to [0, 1], where {@code images} is the
     * real images per adjustment ({@code interval * batchSize}). So the probability can go from 0 to 1
     * in {@code speedImages} real images. The probability and the heuristic's running sum are saved in
     * checkpoints; the heuristic is read to the host once per adjustment only. The sign heuristic
     * assumes D's outputs are centred on 0 (logits, hinge scores), as in the paper.
     *
     * @param target the heuristic's target, in (0, 1); the paper's 0.6
     * @param interval generator steps between adjustments, at least 1; the paper's 4
     * @param speedImages real images over which the probability can go from 0 to 1, at least 1; the
     *     paper's 500,000
     */
    public record Adaptive(double target, int interval, long speedImages) {
        /**
         * Checks each setting.
         *
         * @param target the heuristic's target, in (0, 1); the paper's 0.6
         * @param interval generator steps between adjustments, at least 1; the paper's 4
         * @param speedImages real images over which the probability can go from 0 to 1, at least 1; the
         *     paper's 500,000
         */
        public Adaptive {
            if (!(target > 0 && target < 1)) {
                throw new IllegalArgumentException("adaptive augmentation target must be in (0, 1), got " + target);
            }
            if (interval < 1) {
                throw new IllegalArgumentException("adaptive augmentation interval must be >= 1 step, got " + interval);
            }
            if (speedImages < 1) {
                throw new IllegalArgumentException("adaptive augmentation speedImages must be >= 1, got " + speedImages);
            }
        }

        /**
         * The adjustment of the probability per real image seen, {@code 1 / speedImages}.
         *
         * @return the adjustment of the probability per real image seen, {@code 1 / speedImages}
         */
        public double stepPerImage() {
            return 1.0 / speedImages;
        }
    }

    /**
     * A fixed probability, as before adaptive augmentation existed.
     *
     * @param policies the augmentations applied; empty for none
     * @param probability the probability of each augmentation for each sample, in [0, 1]; 1 for DiffAugment
     *     as published; with {@link #adaptive()} the probability at the first step
     */
    public Augmentation(Set<Policy> policies, double probability) {
        this(policies, probability, Optional.empty());
    }

    /** An augmentation of DiffAugment's. */
    public enum Policy {
        /** Brightness, saturation and contrast, each per sample. */
        COLOR,
        /** An integer shift of up to 1/8 of the image along each axis, with zero fill. */
        TRANSLATION,
        /** A square of half the image's size set to zero. */
        CUTOUT;

        /**
         * Returns the policy's name in lower case, as the reference code and checkpoints write it.
         *
         * @return the policy's name in lower case, as the reference code and checkpoints write it
         */
        public String text() {
            return name().toLowerCase(Locale.ROOT);
        }

        /**
         * Returns the policies named in a comma-separated list such as {@code translation,cutout,color}.
         *
         * @param names the comma-separated policy names
         * @return the policies named in a comma-separated list such as {@code translation,cutout,color}
         * @throws IllegalArgumentException naming an unknown policy and the known ones
         */
        public static Set<Policy> parse(String names) {
            Objects.requireNonNull(names, "names");
            EnumSet<Policy> policies = EnumSet.noneOf(Policy.class);
            for (String name : names.split(",", -1)) {
                String n = name.trim();
                Policy policy = Arrays.stream(values()).filter(p -> p.text().equals(n)).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("augmentation policy '" + n
                                + "' is unknown; expected color, translation or cutout"));
                policies.add(policy);
            }
            return policies;
        }
    }

    /**
     * Copies the policies and checks the probability.
     *
     * @param policies the augmentations applied; empty for none
     * @param probability the probability of each augmentation for each sample, in [0, 1]; 1 for DiffAugment
     *     as published; with {@link #adaptive()} the probability at the first step
     * @param adaptation how the probability adapts during training ({@link #adaptive()}), or empty for a
     *     fixed probability
     */
    public Augmentation {
        Objects.requireNonNull(policies, "policies");
        Objects.requireNonNull(adaptation, "adaptation");
        policies = policies.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(policies));
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("augmentation probability must be in [0, 1], got " + probability);
        }
    }

    /**
     * No augmentation: the discriminator sees the images as they are. The default.
     *
     * @return no augmentation: the discriminator sees the images as they are
     */
    public static Augmentation none() {
        return new Augmentation(Set.of(), 1);
    }

    /**
     * DiffAugment with {@code policies}, each applied to every sample (probability 1).
     *
     * @param policies the augmentations applied; empty for none
     * @return DiffAugment with {@code policies}, each applied to every sample (probability 1)
     * @throws IllegalArgumentException if no policy is given
     */
    public static Augmentation diffAugment(Policy... policies) {
        Objects.requireNonNull(policies, "policies");
        if (policies.length == 0) {
            throw new IllegalArgumentException(
                    "diffAugment needs at least one policy (color, translation, cutout); use Augmentation.none() for none");
        }
        for (Policy p : policies) {
            Objects.requireNonNull(p, "policy");
        }
        return new Augmentation(EnumSet.copyOf(Arrays.asList(policies)), 1);
    }

    /**
     * Returns this augmentation applied to each sample with probability {@code p}, independently per
     * augmentation.
     *
     * @param p the probability, in [0, 1]
     * @return this augmentation applied to each sample with probability {@code p}, independently per
     *     augmentation
     * @throws IllegalArgumentException if {@code p} is not in [0, 1]
     */
    public Augmentation withProbability(double p) {
        return new Augmentation(policies, p, adaptation);
    }

    /**
     * Returns this augmentation with an adaptive probability (ADA) with the paper's settings: target
     * 0.6, an adjustment every 4 steps, from 0 to 1 in 500,000 real images, starting at probability 0.
     * See {@link Adaptive}; {@link #withProbability(double)} afterwards sets the starting probability.
     *
     * @return this augmentation with an adaptive probability (ADA) with the paper's settings: target 0.6, an
     *     adjustment every 4 steps, from 0 to 1 in 500,000 real images, starting at probability 0
     */
    public Augmentation adaptive() {
        return adaptive(0.6, 4, 500_000);
    }

    /**
     * Returns this augmentation with an adaptive probability (ADA) starting at 0; see {@link Adaptive}
     * for the settings, e.g. {@code adaptive(0.6, 4, 50_000)} to adapt ten times faster on a short run.
     *
     * @param target the heuristic's target, in (0, 1); the paper's 0.6
     * @param interval generator steps between adjustments, at least 1; the paper's 4
     * @param speedImages real images over which the probability can go from 0 to 1, at least 1; the paper's
     *     500,000
     * @return this augmentation with an adaptive probability (ADA) starting at 0; see {@link Adaptive} for
     *     the settings
     * @throws IllegalArgumentException if a setting is out of its range, naming it
     * @throws IllegalStateException if this augmentation has no policy
     */
    public Augmentation adaptive(double target, int interval, long speedImages) {
        if (policies.isEmpty()) {
            throw new IllegalStateException("adaptive augmentation needs a policy; use Augmentation.diffAugment(...).adaptive()");
        }
        return new Augmentation(policies, 0, Optional.of(new Adaptive(target, interval, speedImages)));
    }

    /**
     * Whether any image may be changed: a policy is set and the probability is above 0 or adapts.
     *
     * @return whether any image may be changed: a policy is set and the probability is above 0 or adapts
     */
    public boolean isOn() {
        return !policies.isEmpty() && (probability > 0 || adaptation.isPresent());
    }

    /**
     * Whether {@code policy} is among the policies.
     *
     * @param policy the policy to look for
     * @return whether {@code policy} is among the policies
     */
    public boolean has(Policy policy) {
        return policies.contains(policy);
    }

    /**
     * Returns the policies in the order they apply, comma-separated, e.g. {@code color,translation},
     * or {@code none}.
     *
     * @return the policies in the order they apply, comma-separated
     */
    public String policyText() {
        return policies.isEmpty() ? "none"
                : EnumSet.copyOf(policies).stream().map(Policy::text).collect(Collectors.joining(","));
    }

    /**
     * Describes the setting, e.g. {@code diffAugment(color,translation,cutout)} or {@code none}.
     *
     * @return the setting as text
     */
    public String describe() {
        if (policies.isEmpty()) {
            return "none";
        }
        return "diffAugment(" + policyText() + ")" + (probability == 1 && adaptation.isEmpty() ? "" : " p=" + probability)
                + adaptation.map(a -> " adaptive(target=" + a.target() + ", interval=" + a.interval() + ", speedImages="
                        + a.speedImages() + ")").orElse("");
    }
}
