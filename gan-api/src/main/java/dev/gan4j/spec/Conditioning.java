package dev.gan4j.spec;

/**
 * How a network takes a class label besides its usual input: the scheme of a class-conditional GAN
 * (Mirza &amp; Osindero 2014). A generator takes {@link #labelEmbedding}, a discriminator {@link
 * #projection}; both take {@link #none()} (the default), and a run trains conditionally when both
 * are conditional on the same number of classes. Labels are whole numbers in {@code [0, classes)}.
 *
 * <p>Built now: {@link LabelEmbedding} (generator) and {@link Projection} (discriminator). Not built
 * yet, with room left for them as further variants: conditional BatchNorm in the generator (class-wise
 * γ and β, as SNGAN and BigGAN do), a label map concatenated to the discriminator's image, and an
 * auxiliary classifier head (ACGAN, Odena et al. 2017). See {@code docs/conditional.md}.
 *
 * <pre>{@code
 * GeneratorSpec g = GeneratorSpec.dcgan().conditional(10).build();         // labelEmbedding(10, 50)
 * DiscriminatorSpec d = DiscriminatorSpec.dcgan().conditional(10).build(); // projection(10)
 * }</pre>
 */
public sealed interface Conditioning permits Conditioning.None, Conditioning.LabelEmbedding, Conditioning.Projection {

    /**
     * The default size of a generator's label embedding, 50: the {@code Embedding(n_classes, 50)} of
     * the widely copied Keras conditional-GAN recipe (J. Brownlee, "How to Develop a Conditional GAN
     * (cGAN) From Scratch", 2019). A dense first layer sees the embedding as a learned per-class shift of
     * its output, of rank at most {@code min(classes, dim)}, so any size of at least the class count
     * says as much as a one-hot code (keras-io's conditional GAN concatenates one-hot labels).
     */
    int DEFAULT_EMBEDDING_DIM = 50;

    /**
     * No label: an unconditional network. The default of both specs.
     *
     * @return the unconditional scheme
     */
    static Conditioning none() {
        return new None();
    }

    /**
     * A generator's scheme: a learned embedding of the label, a {@code (classes, dim)} matrix whose row
     * {@code y} is concatenated after z before the first layer, so that the first layer takes {@code
     * latentDim + dim} floats. Its rows start as N(0, 1) draws, as {@code torch.nn.Embedding}'s do.
     *
     * @param classes the number of classes, at least 2
     * @param dim the embedding's size, at least 1; {@link #DEFAULT_EMBEDDING_DIM} is usual
     * @return the generator's label embedding
     * @throws IllegalArgumentException if {@code classes < 2} or {@code dim < 1}
     */
    static LabelEmbedding labelEmbedding(int classes, int dim) {
        return new LabelEmbedding(classes, dim);
    }

    /**
     * A discriminator's scheme: the projection discriminator of Miyato &amp; Koyama 2018 ("cGANs with
     * Projection Discriminator"), {@code logit = ψ(φ(x)) + ⟨V[y], φ(x)⟩}, where {@code φ(x)} is the
     * feature vector entering the last layer, a {@code dense(1)} (which is {@code ψ}), and {@code V} a
     * learned {@code (classes, features)} matrix, Glorot-uniform at the start as in the authors' code
     * (pfnet-research/sngan_projection).
     *
     * @param classes the number of classes, at least 2
     * @return the discriminator's projection
     * @throws IllegalArgumentException if {@code classes < 2}
     */
    static Projection projection(int classes) {
        return new Projection(classes);
    }

    /**
     * Returns the number of classes, or 0 for {@link #none()}.
     *
     * @return the number of classes, or 0 for {@link #none()}
     */
    int classes();

    /**
     * Returns whether the network takes a label: false only for {@link #none()}.
     *
     * @return whether the network takes a label: false only for {@link #none()}
     */
    default boolean isConditional() {
        return classes() > 0;
    }

    /**
     * Returns the scheme as {@code none}, {@code labelEmbedding(classes=10, dim=50)} or {@code projection(classes=10)}.
     *
     * @return the scheme as {@code none}, {@code labelEmbedding(classes=10, dim=50)} or {@code projection(classes=10)}
     */
    String describe();

    /**
     * Calls the visitor's method for this scheme.
     *
     * @param <R> the type of the visitor's result
     * @param visitor the visitor to call
     * @return the visitor's result
     */
    <R> R accept(Visitor<R> visitor);

    /** Code that treats each scheme in its own way; a new scheme is a compile error wherever it is not handled. */
    interface Visitor<R> {
        /**
         * Visits {@link None}.
         *
         * @param none the scheme
         * @return the visitor's result
         */
        R visitNone(None none);

        /**
         * Visits {@link LabelEmbedding}.
         *
         * @param embedding the scheme
         * @return the visitor's result
         */
        R visitLabelEmbedding(LabelEmbedding embedding);

        /**
         * Visits {@link Projection}.
         *
         * @param projection the scheme
         * @return the visitor's result
         */
        R visitProjection(Projection projection);
    }

    /** No label. */
    record None() implements Conditioning {
        @Override
        public int classes() {
            return 0;
        }

        @Override
        public String describe() {
            return "none";
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitNone(this);
        }
    }

    /**
     * The generator's label embedding concatenated with z.
     *
     * @param classes the number of classes, at least 2
     * @param dim the embedding's size, at least 1
     */
    record LabelEmbedding(int classes, int dim) implements Conditioning {
        /**
         * Checks the sizes.
         *
         * @param classes the number of classes, at least 2
         * @param dim the embedding's size, at least 1
         */
        public LabelEmbedding {
            checkClasses(classes);
            Checks.atLeast("labelEmbedding dim", dim, 1);
        }

        /**
         * Returns the parameters: {@code classes * dim}.
         *
         * @return the parameters: {@code classes * dim}
         */
        public long parameterCount() {
            return (long) classes * dim;
        }

        @Override
        public String describe() {
            return "labelEmbedding(classes=" + classes + ", dim=" + dim + ")";
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitLabelEmbedding(this);
        }
    }

    /**
     * The projection discriminator's inner product of a class embedding with the features.
     *
     * @param classes the number of classes, at least 2
     */
    record Projection(int classes) implements Conditioning {
        /**
         * Checks the class count.
         *
         * @param classes the number of classes, at least 2
         */
        public Projection {
            checkClasses(classes);
        }

        /**
         * Returns the parameters for {@code features} features entering the last dense layer: {@code classes * features}.
         *
         * @param features the size of the feature vector entering the last dense layer
         * @return the parameters: {@code classes * features}
         */
        public long parameterCount(int features) {
            return (long) classes * features;
        }

        @Override
        public String describe() {
            return "projection(classes=" + classes + ")";
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitProjection(this);
        }
    }

    private static void checkClasses(int classes) {
        if (classes < 2) {
            throw new IllegalArgumentException("classes must be >= 2 for a conditional network, got " + classes
                    + "; an unconditional network takes Conditioning.none()");
        }
    }
}
