package dev.gan4j.train;

/**
 * The adversarial loss. The discriminator always minimises binary cross-entropy on its logits against
 * the (optionally smoothed) targets; the variants differ in what the generator minimises.
 */
public sealed interface GanLoss permits GanLoss.NonSaturating, GanLoss.Minimax {

    /**
     * The non-saturating loss of Goodfellow et al. (2014), used by the Keras recipe and DCGAN: the
     * generator minimises {@code -log D(G(z))}, whose gradient stays strong while D rejects its samples.
     * The default.
     */
    static GanLoss nonSaturating() {
        return new NonSaturating();
    }

    /**
     * The original minimax loss: the generator minimises {@code log(1 - D(G(z)))}. Its gradient
     * vanishes when D is confident, so it is mostly of teaching value.
     */
    static GanLoss minimax() {
        return new Minimax();
    }

    /** Returns the loss's name, as written in provenance and metadata. */
    String name();

    /** The non-saturating loss. */
    record NonSaturating() implements GanLoss {
        @Override
        public String name() {
            return "nonSaturating";
        }
    }

    /** The minimax loss. */
    record Minimax() implements GanLoss {
        @Override
        public String name() {
            return "minimax";
        }
    }
}
