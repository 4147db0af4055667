package dev.gan4j.train;

/**
 * The adversarial loss: what the discriminator (a critic, for some losses) and the generator minimise,
 * as functions of the discriminator's raw outputs {@code D(x)} on real images and {@code D(G(z))} on
 * generated ones (the last dense layer, with no sigmoid). {@code σ} is the logistic sigmoid and {@code
 * E} the mean over the batch.
 *
 * <p>{@link LabelSmoothing} sets the targets of the losses that have targets ({@link #usesTargets()}):
 * the cross-entropy losses and least squares. The margin and Wasserstein losses have none, and {@link
 * GanTrainer.Builder#build()} refuses label smoothing with them.
 *
 * <p>A closed set: an engine handles every kind through a {@link Visitor}, so a new loss is a compile
 * error wherever it is not implemented.
 */
public sealed interface GanLoss
        permits GanLoss.NonSaturating, GanLoss.Minimax, GanLoss.LeastSquares, GanLoss.Hinge, GanLoss.Wasserstein,
                GanLoss.RelativisticAverage, GanLoss.WassersteinGp {

    /**
     * The non-saturating loss of Goodfellow et al. (2014, "Generative Adversarial Nets", §3), used by
     * DCGAN and the Keras recipe. D minimises binary cross-entropy against the targets {@code r} (real)
     * and {@code f} (fake): {@code -E[r log σ(D(x)) + (1-r) log(1-σ(D(x)))] - E[f log σ(D(G(z))) + (1-f)
     * log(1-σ(D(G(z))))]}, each half a mean over its batch; G minimises {@code -E[log σ(D(G(z)))]}, whose
     * gradient stays strong while D rejects its samples. The default.
     *
     * @return the non-saturating loss (Goodfellow et al., 2014)
     */
    static GanLoss nonSaturating() {
        return new NonSaturating();
    }

    /**
     * The original minimax loss (Goodfellow et al., 2014, eq. 1): D as {@link #nonSaturating()}; G
     * minimises {@code E[log(1 - σ(D(G(z))))]}. Its gradient vanishes when D is confident, so it is mostly
     * of teaching value.
     *
     * @return the original minimax loss
     */
    static GanLoss minimax() {
        return new Minimax();
    }

    /**
     * Least squares (Mao et al., 2017, "Least Squares Generative Adversarial Networks", eq. 2, the
     * 0-1 coding {@code a = 0, b = c = 1}): D minimises {@code ½E[(D(x) - b)²] + ½E[(D(G(z)) - a)²]}, G
     * minimises {@code ½E[(D(G(z)) - c)²]}. Label smoothing sets {@code b} (real target, and {@code c}
     * with it) and {@code a} (fake target). It penalises samples by their distance from the decision
     * boundary, so G gets gradients for samples D already accepts.
     *
     * @return the least-squares loss
     */
    static GanLoss leastSquares() {
        return new LeastSquares();
    }

    /**
     * The hinge loss (Lim and Ye, 2017, "Geometric GAN"; Miyato et al., 2018, "Spectral Normalization
     * for Generative Adversarial Networks", eq. 17): D minimises {@code E[max(0, 1 - D(x))] + E[max(0, 1
     * + D(G(z)))]}, G minimises {@code -E[D(G(z))]}. SNGAN's and BigGAN's loss. No targets: label
     * smoothing is refused.
     *
     * @return the hinge loss
     */
    static GanLoss hinge() {
        return new Hinge();
    }

    /**
     * The Wasserstein loss with weight clipping (Arjovsky et al., 2017, "Wasserstein GAN", Algorithm 1)
     * at its clip {@value Wasserstein#DEFAULT_CLIP}. See {@link #wasserstein(double)}.
     *
     * @return the Wasserstein loss with weight clipping (Arjovsky et al., 2017, "Wasserstein GAN", Algorithm
     *     1) at its clip {@value Wasserstein#DEFAULT_CLIP}
     */
    static GanLoss wasserstein() {
        return new Wasserstein(Wasserstein.DEFAULT_CLIP);
    }

    /**
     * The Wasserstein loss with weight clipping (Arjovsky et al., 2017, Algorithm 1): the critic D
     * minimises {@code E[D(G(z))] - E[D(x)]}, whose negation estimates the Wasserstein-1 distance for a
     * 1-Lipschitz D; G minimises {@code -E[D(G(z))]}. After every critic update each of the critic's
     * parameters is clipped to {@code [-clip, clip]}, which keeps it Lipschitz (crudely). The paper
     * trains the critic 5 times per generator step ({@link GanTrainer.Builder#discriminatorSteps(int)})
     * with RMSProp at 5e-5; with Adam, keep {@code beta1} at 0 to 0.5. The critic has no sigmoid and no
     * accuracy: watch its estimate ({@link dev.gan4j.train.listener.StepMetrics#discriminatorLoss()}
     * is minus it). No targets: label smoothing is refused.
     *
     * @param clip the bound of every critic parameter, in (0, 1]; the paper's is 0.01
     * @return the Wasserstein loss with weight clipping (Arjovsky et al., 2017, Algorithm 1): the critic D
     *     minimises {@code E[D(G(z))] - E[D(x)]}, whose negation estimates the Wasserstein-1 distance for a
     *     1-Lipschitz D; G minimises {@code -E[D(G(z))]}
     * @throws IllegalArgumentException otherwise
     */
    static GanLoss wasserstein(double clip) {
        return new Wasserstein(clip);
    }

    /**
     * The relativistic average standard loss, RaSGAN (Jolicoeur-Martineau, 2018, "The relativistic
     * discriminator: a key element missing from standard GAN", eq. 12-13): with {@code Dr = D(x) -
     * E[D(G(z))]} and {@code Df = D(G(z)) - E[D(x)]}, D minimises binary cross-entropy of {@code Dr}
     * against the real target and of {@code Df} against the fake target, and G the same with the
     * targets swapped ({@code Dr} towards 0, {@code Df} towards 1): G's loss depends on the real batch
     * too, so both halves of it train G. Label smoothing sets the targets, as for {@link
     * #nonSaturating()}.
     *
     * @return the relativistic average standard loss, RaSGAN
     */
    static GanLoss relativisticAverage() {
        return new RelativisticAverage();
    }

    /**
     * The Wasserstein loss without weight clipping, for WGAN-GP (Gulrajani et al., 2017, "Improved
     * Training of Wasserstein GANs", Algorithm 1): the critic D minimises {@code E[D(G(z))] - E[D(x)] +
     * λ·E(‖∇D(x̂)‖ − 1)²} and G minimises {@code -E[D(G(z))]}. The critic is kept near 1-Lipschitz by a
     * {@link GradientPenalty} instead of clipping: when none is set, {@link GanTrainer.Builder#build()}
     * chooses {@link GradientPenalty#wganGp()} (λ = 10), so {@code loss(GanLoss.wassersteinGp())} alone
     * asks for WGAN-GP; another penalty (e.g. R1) may be set instead, but not {@link GradientPenalty#none()}
     * (an unconstrained critic's scores diverge). The paper trains with 5 critic updates per generator
     * update ({@link GanTrainer.Builder#discriminatorSteps(int)}) and Adam(1e-4, 0, 0.9). Metrics as
     * {@link #wasserstein()}. No targets: label smoothing is refused.
     *
     * @return the Wasserstein loss without weight clipping, for WGAN-GP (Gulrajani et al., 2017, "Improved
     *     Training of Wasserstein GANs", Algorithm 1): the critic D minimises {@code E[D(G(z))] - E[D(x)] +
     *     λ·E(‖∇D(x̂)‖ − 1)²} and G minimises {@code -E[D(G(z))]}
     */
    static GanLoss wassersteinGp() {
        return new WassersteinGp();
    }

    /** Every loss with its default parameters, in the order of the factory methods above. */
    java.util.List<GanLoss> DEFAULTS = java.util.List.of(nonSaturating(), minimax(), leastSquares(), hinge(),
            wasserstein(), relativisticAverage(), wassersteinGp());

    /** The names of every loss: those of {@link #DEFAULTS}. */
    java.util.List<String> NAMES = DEFAULTS.stream().map(GanLoss::name).toList();

    /**
     * Returns the loss of that {@link #name()} with its default parameters, as a command line names it.
     *
     * @param name the loss's name, as {@link #name()} gives it
     * @return the loss of that {@link #name()} with its default parameters, as a command line names it
     * @throws IllegalArgumentException naming the valid names if there is no such loss
     */
    static GanLoss ofName(String name) {
        for (GanLoss loss : DEFAULTS) {
            if (loss.name().equals(name)) {
                return loss;
            }
        }
        throw new IllegalArgumentException("loss must be one of " + String.join(", ", NAMES) + ", got " + name);
    }

    /**
     * Returns the loss's name, as saved in checkpoints: {@code nonSaturating}, {@code hinge}...
     *
     * @return the loss's name, as saved in checkpoints: {@code nonSaturating}, {@code hinge}
     */
    String name();

    /**
     * Returns the name with the loss's parameters, as written in provenance, e.g. {@code wasserstein(clip=0.01)}.
     *
     * @return the name with the loss's parameters, as written in provenance
     */
    default String describe() {
        return name();
    }

    /**
     * Returns whether the loss has real and fake targets, which {@link LabelSmoothing} may set.
     *
     * @return whether the loss has real and fake targets, which {@link LabelSmoothing} may set
     */
    boolean usesTargets();

    /**
     * Returns whether the discriminator's output is a logit, whose sigmoid is the probability that the
     * image is real: true for the cross-entropy losses, for which {@code StepMetrics} report D(x) and
     * D(G(z)) as probabilities; false for least squares, hinge and Wasserstein, whose discriminator
     * gives a score, reported as it is.
     *
     * @return whether the discriminator's output is a logit, whose sigmoid is the probability that the image
     *     is real: true for the cross-entropy losses, for which {@code StepMetrics} report D(x) and D(G(z)) as
     *     probabilities; false for least squares, hinge and Wasserstein, whose discriminator gives a score,
     *     reported as it is
     */
    boolean outputsLogits();

    /**
     * Returns whether the sign of the discriminator's output alone says real (positive) or fake, which
     * adaptive augmentation's overfitting heuristic {@code E[sign(D(x))]} reads (Karras et al. 2020,
     * with the non-saturating loss): true for non-saturating, minimax and hinge. False for least
     * squares (targets 1 and 0: the boundary is at 0.5), Wasserstein (a critic's score is defined up to
     * a constant) and relativistic average (only differences of scores count).
     *
     * @return whether the sign of the discriminator's output says real or fake
     */
    default boolean decidesBySign() {
        return false;
    }

    /**
     * Calls the visitor's method for this kind of loss.
     *
     * @param visitor the visitor to call
     * @param <R> the type of the visitor's result
     * @return the visitor's result
     */
    <R> R accept(Visitor<R> visitor);

    /** One method per kind of loss. */
    interface Visitor<R> {
        /**
         * Handles the {@link NonSaturating} loss.
         *
         * @param loss the loss
         * @return the result
         */
        R nonSaturating(NonSaturating loss);

        /**
         * Handles the {@link Minimax} loss.
         *
         * @param loss the loss
         * @return the result
         */
        R minimax(Minimax loss);

        /**
         * Handles the {@link LeastSquares} loss.
         *
         * @param loss the loss
         * @return the result
         */
        R leastSquares(LeastSquares loss);

        /**
         * Handles the {@link Hinge} loss.
         *
         * @param loss the loss
         * @return the result
         */
        R hinge(Hinge loss);

        /**
         * Handles the {@link Wasserstein} loss.
         *
         * @param loss the loss
         * @return the result
         */
        R wasserstein(Wasserstein loss);

        /**
         * Handles the {@link RelativisticAverage} loss.
         *
         * @param loss the loss
         * @return the result
         */
        R relativisticAverage(RelativisticAverage loss);

        /**
         * Handles the {@link WassersteinGp} loss.
         *
         * @param loss the loss
         * @return the result
         */
        R wassersteinGp(WassersteinGp loss);
    }

    /** The non-saturating loss. */
    record NonSaturating() implements GanLoss {
        @Override
        public String name() {
            return "nonSaturating";
        }

        @Override
        public boolean usesTargets() {
            return true;
        }

        @Override
        public boolean outputsLogits() {
            return true;
        }

        @Override
        public boolean decidesBySign() {
            return true;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.nonSaturating(this);
        }
    }

    /** The minimax loss. */
    record Minimax() implements GanLoss {
        @Override
        public String name() {
            return "minimax";
        }

        @Override
        public boolean usesTargets() {
            return true;
        }

        @Override
        public boolean outputsLogits() {
            return true;
        }

        @Override
        public boolean decidesBySign() {
            return true;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.minimax(this);
        }
    }

    /** The least-squares loss. */
    record LeastSquares() implements GanLoss {
        @Override
        public String name() {
            return "leastSquares";
        }

        @Override
        public boolean usesTargets() {
            return true;
        }

        @Override
        public boolean outputsLogits() {
            return false;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.leastSquares(this);
        }
    }

    /** The hinge loss. */
    record Hinge() implements GanLoss {
        @Override
        public String name() {
            return "hinge";
        }

        @Override
        public boolean usesTargets() {
            return false;
        }

        @Override
        public boolean outputsLogits() {
            return false;
        }

        @Override
        public boolean decidesBySign() {
            return true;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.hinge(this);
        }
    }

    /**
     * The Wasserstein loss with weight clipping.
     *
     * @param clip the bound of every critic parameter, in (0, 1]
     */
    record Wasserstein(double clip) implements GanLoss {

        /** The clip of Arjovsky et al.: 0.01. */
        public static final double DEFAULT_CLIP = 0.01;

        /**
         * @param clip the bound of every critic parameter, in (0, 1]; the paper's is 0.01
         * @throws IllegalArgumentException if {@code clip} is not in (0, 1]
         */
        public Wasserstein {
            if (!(clip > 0 && clip <= 1)) {
                throw new IllegalArgumentException("wasserstein clip must be in (0, 1] (the paper's is 0.01), got " + clip);
            }
        }

        @Override
        public String name() {
            return "wasserstein";
        }

        @Override
        public String describe() {
            return "wasserstein(clip=" + clip + ")";
        }

        @Override
        public boolean usesTargets() {
            return false;
        }

        @Override
        public boolean outputsLogits() {
            return false;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.wasserstein(this);
        }
    }

    /** The relativistic average standard loss. */
    record RelativisticAverage() implements GanLoss {
        @Override
        public String name() {
            return "relativisticAverage";
        }

        @Override
        public boolean usesTargets() {
            return true;
        }

        @Override
        public boolean outputsLogits() {
            return true;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.relativisticAverage(this);
        }
    }

    /** The Wasserstein loss without weight clipping, constrained by a gradient penalty. */
    record WassersteinGp() implements GanLoss {
        @Override
        public String name() {
            return "wassersteinGp";
        }

        @Override
        public boolean usesTargets() {
            return false;
        }

        @Override
        public boolean outputsLogits() {
            return false;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.wassersteinGp(this);
        }
    }
}
