package dev.gan4j.health;

import dev.gan4j.train.GanLoss;
import java.util.Objects;

/**
 * What can go wrong in a GAN's training that its losses alone do not show, each with advice. The
 * thresholds are set in {@link HealthPolicy}; {@code docs/health.md} explains each condition.
 */
public enum HealthCondition {

    /**
     * The discriminator tells real from generated images almost perfectly for a sustained window: its
     * mean accuracy over the window exceeds {@link HealthPolicy#overpoweringAccuracy()}. The generator
     * then gets little useful signal.
     */
    DISCRIMINATOR_OVERPOWERING(
            "discriminator overpowering",
            "The discriminator wins too easily, so the generator learns little; healthy runs keep its"
                    + " accuracy near 0.8-0.95 (keras-io's GAN-ADA guidance). Lower the discriminator's"
                    + " learning rate or raise the generator's, soften its targets"
                    + " (LabelSmoothing.oneSided(0.9f)), add dropout to the discriminator, or use fewer"
                    + " discriminatorSteps or a smaller discriminator. Regularising it helps too: an R1"
                    + " gradient penalty, spectral normalization, or augmenting what it sees (DiffAugment)."),

    /**
     * The generator draws nearly the same image for every latent vector (mode collapse): the mean
     * distance between its images in a batch, over a window, is below {@link
     * HealthPolicy#collapseRatio()} of the real images'.
     */
    GENERATOR_COLLAPSE(
            "generator collapse",
            "The generator draws nearly the same image for every latent vector (mode collapse). Check that"
                    + " its output depends on z (no layer that discards it); then restart, from an earlier"
                    + " checkpoint if there is one, with a lower generator learning rate, label smoothing or"
                    + " dropout in the discriminator, or another seed."),

    /**
     * The generator's gradient has all but vanished: its global L2 norm, averaged over a window, is
     * below {@link HealthPolicy#vanishingGradientNorm()}. Typical of the minimax loss against a
     * confident discriminator.
     */
    VANISHING_GENERATOR_GRADIENTS(
            "vanishing generator gradients",
            "The generator's gradient has all but vanished, so it has stopped learning. This is typical of"
                    + " the minimax loss against a confident discriminator: use GanLoss.nonSaturating() (the"
                    + " default) and weaken the discriminator (a lower learning rate, label smoothing,"
                    + " dropout)."),

    /**
     * A Wasserstein critic that is not Lipschitz: its estimate of the Wasserstein-1 distance, {@code
     * E[D(x)] - E[D(G(z))]}, averaged over a window, exceeds what any 1-Lipschitz critic can report
     * between images whose pixels lie in [-1, 1]: the diameter of that cube, {@code 2·sqrt(C·H·W)}
     * (56 for 28×28 grey images), times {@link HealthPolicy#criticEstimateLimit()}. The critic's
     * constraint has failed, so its estimate means nothing and its gradients grow without bound. Judged
     * for Wasserstein critics only.
     */
    UNCONSTRAINED_CRITIC(
            "unconstrained critic",
            "The critic's estimate of the Wasserstein distance is larger than any 1-Lipschitz function can"
                    + " give between images in [-1, 1], so its Lipschitz constraint has failed and the"
                    + " generator follows a meaningless signal. Constrain the critic: a gradient penalty"
                    + " (WGAN-GP, Gulrajani et al. 2017), a tighter weight clip, or spectral normalization;"
                    + " lower its learning rate; and watch the estimate, which should fall as the samples"
                    + " improve."),

    /**
     * A loss or a gradient norm is NaN or infinite. Training cannot recover from it: the weights are
     * already, or are about to be, NaN.
     */
    DIVERGENCE(
            "divergence",
            "Training produced NaN or infinite values and cannot recover. Lower the learning rates (Adam"
                    + " 2e-4 with beta1 0.5 is the DCGAN setting), check that the data is finite and scaled to"
                    + " [-1, 1], and restart, from the last good checkpoint if there is one.");

    private final String label;
    private final String advice;

    HealthCondition(String label, String advice) {
        this.label = label;
        this.advice = advice;
    }

    /**
     * Returns the condition's name in words, e.g. {@code "discriminator overpowering"}.
     *
     * @return the condition's name in words
     */
    public String label() {
        return label;
    }

    /**
     * Returns what to try, in a few sentences, for the default loss ({@link GanLoss#nonSaturating()}).
     *
     * @return what to try, in a few sentences, for the default loss ({@link GanLoss#nonSaturating()})
     */
    public String advice() {
        return advice;
    }

    /**
     * Returns what to try with {@code loss}: the advice of {@link #advice()} where it applies to that
     * loss, and advice of its own where it does not (no label smoothing for a loss without targets, no
     * accuracy for a Wasserstein critic, a weight clip that is too tight).
     *
     * @param loss the run's loss
     * @return what to try with {@code loss}: the advice of {@link #advice()} where it applies to that loss,
     *     and advice of its own where it does not (no label smoothing for a loss without targets, no accuracy for
     *     a Wasserstein critic, a weight clip that is too tight)
     */
    public String advice(GanLoss loss) {
        Objects.requireNonNull(loss, "loss");
        return LossAdvice.of(this, loss);
    }
}
