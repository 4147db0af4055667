package dev.gan4j.train;

/**
 * A penalty on the norm of the discriminator's gradient with respect to its input, added to the
 * discriminator's loss: it keeps the discriminator smooth where it matters, which is what makes
 * Wasserstein critics without weight clipping, and many other GANs, converge. Set by {@link
 * GanTrainer.Builder#gradientPenalty(GradientPenalty)}; default {@link #none()}.
 *
 * <p>With {@code ‖·‖} the L2 norm over all of an image's pixels and {@code E} the mean over the batch:
 *
 * <ul>
 *   <li>{@link #r1(double)}: {@code (γ/2)·E‖∇ₓD(x)‖²} on the real batch (Mescheder et al., 2018, "Which
 *       Training Methods for GANs do actually Converge?", eq. 9);
 *   <li>{@link #r2(double)}: the same on the generated batch, detached from the generator (ibid.);
 *   <li>{@link #wganGp(double)}: {@code λ·E(‖∇D(x̂)‖ − 1)²} on {@code x̂ = αx + (1 − α)G(z)} with {@code
 *       α} uniform in [0, 1) per image (Gulrajani et al., 2017, "Improved Training of Wasserstein GANs",
 *       Algorithm 1).
 * </ul>
 *
 * <p>{@link #every(int)} makes a penalty lazy (Karras et al., 2020, "Analyzing and Improving the Image
 * Quality of StyleGAN", §B "lazy regularization"): it is computed on one discriminator update in {@code
 * k} only, counted over the whole run (the first update is one), and multiplied by {@code k} there, so
 * that its average strength stays the same for a {@code k}-th of the cost. gan4j adds the lazy term to
 * that update's loss, so it shares the update's backward pass and optimiser step; StyleGAN2 instead runs
 * it as a separate minibatch with an optimiser step of its own (and rescales Adam's learning rate and
 * betas for it). Adam's step count and the learning-rate schedule are thus the same with or without a
 * penalty.
 *
 * <p>The penalty's value (without the factor {@code k}) is reported as {@link
 * dev.gan4j.train.listener.StepMetrics#gradientPenalty()}. {@link GanTrainer.Builder#build()} refuses a
 * penalty together with the weight clipping of {@link GanLoss#wasserstein()} and with a discriminator
 * holding BatchNorm (whose batch statistics make an image's gradient depend on the rest of the batch).
 *
 * <p>A closed set: an engine handles every kind through a {@link Visitor}.
 */
public sealed interface GradientPenalty
        permits GradientPenalty.None, GradientPenalty.R1, GradientPenalty.R2, GradientPenalty.WganGp {

    /** WGAN-GP's weight in Gulrajani et al.: λ = 10. */
    double WGAN_GP_DEFAULT_LAMBDA = 10;

    /**
     * No penalty: the default.
     *
     * @return no penalty
     */
    static GradientPenalty none() {
        return new None();
    }

    /**
     * R1: {@code (γ/2)·E‖∇ₓD(x)‖²} on the real batch (Mescheder et al., 2018, eq. 9). StyleGAN2 uses γ =
     * 10 for 1024² faces and much less for small images; for 28×28 digits, γ in [0.1, 10].
     *
     * @param gamma the weight γ, finite and {@code >= 0}
     * @return the R1 penalty
     * @throws IllegalArgumentException otherwise
     */
    static GradientPenalty r1(double gamma) {
        return new R1(gamma, 1);
    }

    /**
     * R2: {@code (γ/2)·E‖∇ₓD(G(z))‖²} on the generated batch, detached from the generator (Mescheder et
     * al., 2018, eq. 10).
     *
     * @param gamma the weight γ, finite and {@code >= 0}
     * @return the R2 penalty
     * @throws IllegalArgumentException otherwise
     */
    static GradientPenalty r2(double gamma) {
        return new R2(gamma, 1);
    }

    /**
     * WGAN-GP's penalty at λ = {@value #WGAN_GP_DEFAULT_LAMBDA}; see {@link #wganGp(double)}. {@link
     * GanLoss#wassersteinGp()} chooses it when no penalty is set.
     *
     * @return WGAN-GP's penalty
     */
    static GradientPenalty wganGp() {
        return new WganGp(WGAN_GP_DEFAULT_LAMBDA, 1);
    }

    /**
     * WGAN-GP (Gulrajani et al., 2017, Algorithm 1): {@code λ·E(‖∇D(x̂)‖ − 1)²} on {@code x̂ = αx + (1 −
     * α)G(z)}, {@code α} drawn uniform in [0, 1) per image from the step's seeded generator, {@code G(z)}
     * the update's generated batch detached from the generator. Meant for {@link
     * GanLoss#wassersteinGp()}, with 5 critic updates per generator update and Adam(1e-4, 0, 0.9).
     *
     * @param lambda the weight λ, finite and {@code >= 0}; the paper's is 10
     * @return WGAN-GP's penalty
     * @throws IllegalArgumentException otherwise
     */
    static GradientPenalty wganGp(double lambda) {
        return new WganGp(lambda, 1);
    }

    /**
     * Returns the penalty with that {@link #name()}, weight and {@link #every()}, as a checkpoint saves it.
     *
     * @param name the penalty's name: {@code none}, {@code r1}, {@code r2} or {@code wganGp}
     * @param weight its weight (γ or λ)
     * @param every the updates between two penalised ones, {@code >= 1}
     * @return the penalty with that {@link #name()}, weight and {@link #every()}, as a checkpoint saves it
     * @throws IllegalArgumentException naming the valid names if there is no such penalty, or if the
     *     weight or interval is invalid
     */
    static GradientPenalty of(String name, double weight, int every) {
        switch (name) {
            case "none":
                return none();
            case "r1":
                return new R1(weight, every);
            case "r2":
                return new R2(weight, every);
            case "wganGp":
                return new WganGp(weight, every);
            default:
                throw new IllegalArgumentException("gradient penalty must be one of none, r1, r2, wganGp, got " + name);
        }
    }

    /**
     * Returns the penalty's name, as saved in checkpoints: {@code none}, {@code r1}, {@code r2}, {@code wganGp}.
     *
     * @return the penalty's name, as saved in checkpoints: {@code none}, {@code r1}, {@code r2}, {@code
     *     wganGp}
     */
    String name();

    /**
     * Returns the penalty's weight (γ or λ); 0 for {@link #none()}.
     *
     * @return the penalty's weight (γ or λ); 0 for {@link #none()}
     */
    double weight();

    /**
     * Returns the discriminator updates between two penalised ones: 1 (every update) unless lazy.
     *
     * @return the discriminator updates between two penalised ones: 1 (every update) unless lazy
     */
    int every();

    /**
     * Returns this penalty applied lazily: on one discriminator update in {@code k}, multiplied by {@code
     * k} (Karras et al., 2020, §B); StyleGAN2 uses {@code r1(γ).every(16)}. Default 1: every update.
     *
     * @param k the updates between two penalised ones, {@code >= 1}
     * @return this penalty applied lazily: on one discriminator update in {@code k}, multiplied by {@code k}
     *     (Karras et al., 2020, §B); StyleGAN2 uses {@code r1(γ).every(16)}
     * @throws IllegalArgumentException if {@code k < 1}
     * @throws IllegalStateException on {@link #none()}, which has nothing to apply
     */
    GradientPenalty every(int k);

    /**
     * Returns the name with the parameters, as written in provenance, e.g. {@code r1(gamma=10.0, every=16)}.
     *
     * @return the name with the parameters, as written in provenance
     */
    String describe();

    /**
     * Returns whether a penalty is applied: false only for {@link #none()}.
     *
     * @return whether a penalty is applied
     */
    default boolean isOn() {
        return true;
    }

    /**
     * Calls the visitor's method for this kind of penalty.
     *
     * @param visitor the visitor to call
     * @param <R> the type of the visitor's result
     * @return the visitor's result
     */
    <R> R accept(Visitor<R> visitor);

    /** One method per kind of penalty. */
    interface Visitor<R> {
        /**
         * Handles the {@link None} penalty.
         *
         * @param penalty the penalty
         * @return the result
         */
        R none(None penalty);

        /**
         * Handles the {@link R1} penalty.
         *
         * @param penalty the penalty
         * @return the result
         */
        R r1(R1 penalty);

        /**
         * Handles the {@link R2} penalty.
         *
         * @param penalty the penalty
         * @return the result
         */
        R r2(R2 penalty);

        /**
         * Handles the {@link WganGp} penalty.
         *
         * @param penalty the penalty
         * @return the result
         */
        R wganGp(WganGp penalty);
    }

    /** No penalty. */
    record None() implements GradientPenalty {
        @Override
        public String name() {
            return "none";
        }

        @Override
        public double weight() {
            return 0;
        }

        @Override
        public int every() {
            return 1;
        }

        @Override
        public GradientPenalty every(int k) {
            throw new IllegalStateException("gradientPenalty none has nothing to apply every " + k
                    + " updates; choose r1, r2 or wganGp first");
        }

        @Override
        public String describe() {
            return "none";
        }

        @Override
        public boolean isOn() {
            return false;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.none(this);
        }
    }

    /**
     * R1 on the real batch.
     *
     * @param gamma the weight γ, finite and {@code >= 0}
     * @param every the updates between two penalised ones, {@code >= 1}
     */
    record R1(double gamma, int every) implements GradientPenalty {
        /**
         * @param gamma the weight γ, finite and {@code >= 0}
         * @param every the updates between two penalised ones, {@code >= 1}
         * @throws IllegalArgumentException if {@code gamma} is negative or not finite, or {@code every < 1}
         */
        public R1 {
            GradientPenalty.checkWeight("r1 gamma", gamma);
            GradientPenalty.checkEvery("r1", every);
        }

        @Override
        public String name() {
            return "r1";
        }

        @Override
        public double weight() {
            return gamma;
        }

        @Override
        public GradientPenalty every(int k) {
            return new R1(gamma, k);
        }

        @Override
        public String describe() {
            return "r1(gamma=" + gamma + (every > 1 ? ", every=" + every : "") + ")";
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.r1(this);
        }
    }

    /**
     * R2 on the generated batch.
     *
     * @param gamma the weight γ, finite and {@code >= 0}
     * @param every the updates between two penalised ones, {@code >= 1}
     */
    record R2(double gamma, int every) implements GradientPenalty {
        /**
         * @param gamma the weight γ, finite and {@code >= 0}
         * @param every the updates between two penalised ones, {@code >= 1}
         * @throws IllegalArgumentException if {@code gamma} is negative or not finite, or {@code every < 1}
         */
        public R2 {
            GradientPenalty.checkWeight("r2 gamma", gamma);
            GradientPenalty.checkEvery("r2", every);
        }

        @Override
        public String name() {
            return "r2";
        }

        @Override
        public double weight() {
            return gamma;
        }

        @Override
        public GradientPenalty every(int k) {
            return new R2(gamma, k);
        }

        @Override
        public String describe() {
            return "r2(gamma=" + gamma + (every > 1 ? ", every=" + every : "") + ")";
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.r2(this);
        }
    }

    /**
     * WGAN-GP's two-sided penalty on interpolates.
     *
     * @param lambda the weight λ, finite and {@code >= 0}
     * @param every the updates between two penalised ones, {@code >= 1}
     */
    record WganGp(double lambda, int every) implements GradientPenalty {
        /**
         * @param lambda the weight λ, finite and {@code >= 0}; the paper's is 10
         * @param every the updates between two penalised ones, {@code >= 1}
         * @throws IllegalArgumentException if {@code lambda} is negative or not finite, or {@code every < 1}
         */
        public WganGp {
            GradientPenalty.checkWeight("wganGp lambda", lambda);
            GradientPenalty.checkEvery("wganGp", every);
        }

        @Override
        public String name() {
            return "wganGp";
        }

        @Override
        public double weight() {
            return lambda;
        }

        @Override
        public GradientPenalty every(int k) {
            return new WganGp(lambda, k);
        }

        @Override
        public String describe() {
            return "wganGp(lambda=" + lambda + (every > 1 ? ", every=" + every : "") + ")";
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.wganGp(this);
        }
    }

    private static void checkWeight(String what, double value) {
        if (!(value >= 0 && value < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(what + " must be finite and >= 0, got " + value);
        }
    }

    private static void checkEvery(String what, int k) {
        if (k < 1) {
            throw new IllegalArgumentException(what + " every must be >= 1 discriminator update, got " + k);
        }
    }
}
