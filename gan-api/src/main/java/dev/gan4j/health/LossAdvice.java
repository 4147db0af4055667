package dev.gan4j.health;

import dev.gan4j.train.GanLoss;

/**
 * The advice of each {@link HealthCondition} for a given loss: the losses differ in what they offer
 * as a remedy (label smoothing needs targets, a Wasserstein critic has a constraint instead of an
 * accuracy) and in why a generator's gradient vanishes.
 */
final class LossAdvice {

    private LossAdvice() {}

    /** How a loss's discriminator is judged and remedied. */
    private enum Family {
        /** Non-saturating and relativistic average: logits against targets, G's loss does not saturate. */
        CROSS_ENTROPY,
        /** The minimax loss, whose generator's gradient saturates against a confident discriminator. */
        MINIMAX,
        /** Least squares: scores against targets. */
        LEAST_SQUARES,
        /** Hinge: a margin, no targets. */
        HINGE,
        /** A Wasserstein critic with weight clipping: no targets, no accuracy, a Lipschitz constraint. */
        CRITIC,
        /** A Wasserstein critic kept Lipschitz by a gradient penalty (WGAN-GP). */
        PENALISED_CRITIC
    }

    private static final String WEAKEN_WITHOUT_SMOOTHING = " Lower the discriminator's learning rate or raise the"
            + " generator's, add dropout or spectral normalization to the discriminator, penalise its gradient on"
            + " real images (R1), augment what it sees (DiffAugment), or use fewer discriminatorSteps or a smaller"
            + " discriminator.";

    static String of(HealthCondition condition, GanLoss loss) {
        Family family = familyOf(loss);
        switch (condition) {
            case DISCRIMINATOR_OVERPOWERING:
                return family == Family.HINGE
                        ? "The discriminator wins too easily, so the generator learns little; healthy runs keep"
                                + " its accuracy near 0.8-0.95 (keras-io's GAN-ADA guidance)." + WEAKEN_WITHOUT_SMOOTHING
                                + " The hinge loss has no targets, so label smoothing does not apply."
                        : condition.advice();
            case VANISHING_GENERATOR_GRADIENTS:
                return vanishing(family, condition);
            case GENERATOR_COLLAPSE:
                return family == Family.HINGE || family == Family.CRITIC || family == Family.PENALISED_CRITIC
                        ? "The generator draws nearly the same image for every latent vector (mode collapse)."
                                + " Check that its output depends on z (no layer that discards it); then restart,"
                                + " from an earlier checkpoint if there is one, with a lower generator learning"
                                + " rate, dropout in the discriminator, or another seed."
                        : condition.advice();
            case DIVERGENCE:
                return family == Family.CRITIC || family == Family.PENALISED_CRITIC
                        ? condition.advice() + " A Wasserstein critic without a working Lipschitz constraint"
                                + " diverges this way: use a gradient penalty (WGAN-GP) or a tighter clip."
                        : condition.advice();
            case UNCONSTRAINED_CRITIC:
            default:
                return condition.advice();
        }
    }

    private static String vanishing(Family family, HealthCondition condition) {
        switch (family) {
            case MINIMAX:
                return condition.advice();
            case CRITIC:
                return "The generator's gradient has all but vanished, so it has stopped learning. A critic"
                        + " whose weights are clipped too tightly computes a nearly constant function, whose"
                        + " gradient vanishes (Gulrajani et al. 2017, section 3): raise the clip"
                        + " (GanLoss.wasserstein(clip)) or, better, replace clipping by a gradient penalty"
                        + " (WGAN-GP).";
            case PENALISED_CRITIC:
                return "The generator's gradient has all but vanished, so it has stopped learning. A critic held"
                        + " near 1-Lipschitz by its penalty keeps the generator's gradient alive unless it has"
                        + " flattened into a nearly constant function: lower the penalty's weight, raise the"
                        + " critic's learning rate or its discriminatorSteps, or restart from an earlier"
                        + " checkpoint.";
            case CROSS_ENTROPY:
            case LEAST_SQUARES:
            case HINGE:
            default:
                return "The generator's gradient has all but vanished, so it has stopped learning: the"
                        + " discriminator's output is flat around the generator's images, so even a"
                        + " non-saturating loss passes little signal back." + WEAKEN_WITHOUT_SMOOTHING;
        }
    }

    private static Family familyOf(GanLoss loss) {
        return loss.accept(new GanLoss.Visitor<Family>() {
            @Override
            public Family nonSaturating(GanLoss.NonSaturating l) {
                return Family.CROSS_ENTROPY;
            }

            @Override
            public Family minimax(GanLoss.Minimax l) {
                return Family.MINIMAX;
            }

            @Override
            public Family leastSquares(GanLoss.LeastSquares l) {
                return Family.LEAST_SQUARES;
            }

            @Override
            public Family hinge(GanLoss.Hinge l) {
                return Family.HINGE;
            }

            @Override
            public Family wasserstein(GanLoss.Wasserstein l) {
                return Family.CRITIC;
            }

            @Override
            public Family wassersteinGp(GanLoss.WassersteinGp l) {
                return Family.PENALISED_CRITIC;
            }

            @Override
            public Family relativisticAverage(GanLoss.RelativisticAverage l) {
                return Family.CROSS_ENTROPY;
            }
        });
    }

    /** Whether {@code loss}'s discriminator is a Wasserstein critic, judged by its estimate, not accuracy. */
    static boolean isCritic(GanLoss loss) {
        Family family = familyOf(loss);
        return family == Family.CRITIC || family == Family.PENALISED_CRITIC;
    }
}
