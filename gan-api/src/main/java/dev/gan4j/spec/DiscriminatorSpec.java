package dev.gan4j.spec;

import java.util.List;

/**
 * An immutable description of a discriminator: an image {@code (C, H, W)} mapped by a stack of layers
 * to one logit, the unnormalised log-odds that the image is real. The loss applies the sigmoid, so a
 * discriminator never ends in {@code sigmoid()}.
 *
 * <pre>{@code
 * DiscriminatorSpec d = DiscriminatorSpec.builder().inputShape(1, 28, 28)
 *     .conv(64, 4, 2, Padding.same()).leakyRelu(0.2f).dropout(0.3f)
 *     .flatten().dense(1)
 *     .build();
 * }</pre>
 */
public final class DiscriminatorSpec {

    private final String recipe;
    private final LayerStack stack;
    private final Conditioning conditioning;

    private DiscriminatorSpec(String recipe, LayerStack stack, Conditioning conditioning) {
        this.recipe = recipe;
        this.stack = stack;
        this.conditioning = conditioning;
    }

    /**
     * Returns a builder for a discriminator of your own layers.
     *
     * @return this builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the compact DCGAN preset for 28×28 images: conv(w, 4, s2) → LeakyReLU(0.2) → conv(2w, 4,
     * s2) → BatchNorm → LeakyReLU(0.2) → flatten → dense(1), width w = 64 by default; optional dropout
     * after each activation; {@code spectralNorm(true)} normalises every layer and drops the BatchNorm,
     * SNGAN's discriminator (Miyato et al. 2018).
     *
     * @return the compact DCGAN preset for 28×28 images: conv(w, 4, s2) → LeakyReLU(0.2) → conv(2w, 4, s2) →
     *     BatchNorm → LeakyReLU(0.2) → flatten → dense(1), width w = 64 by default; optional dropout after each
     *     activation; {@code spectralNorm(true)} normalises every layer and drops the BatchNorm, SNGAN's
     *     discriminator
     */
    public static Presets.DcganDiscriminator dcgan() {
        return new Presets.DcganDiscriminator();
    }

    /**
     * Returns the Keras DCGAN reference recipe exactly: Conv2D(512, 5, s2) → LeakyReLU(0.2) →
     * Dropout(0.3) → Conv2D(256, 3, s2) → LeakyReLU → Dropout → Conv2D(128, 3) → LeakyReLU → Dropout →
     * Flatten → Dense(1) (width 512 by default; all paddings "same").
     *
     * @return the Keras DCGAN reference recipe exactly: Conv2D(512, 5, s2) → LeakyReLU(0.2) → Dropout(0.3) →
     *     Conv2D(256, 3, s2) → LeakyReLU → Dropout → Conv2D(128, 3) → LeakyReLU → Dropout → Flatten → Dense(1)
     *     (width 512 by default; all paddings "same")
     */
    public static Presets.KerasDcganDiscriminator kerasDcgan() {
        return new Presets.KerasDcganDiscriminator();
    }

    /**
     * Returns the image shape this discriminator takes, {@code (C, H, W)}.
     *
     * @return the image shape this discriminator takes, {@code (C, H, W)}
     */
    public TensorShape inputShape() {
        return stack.inputShape();
    }

    /**
     * Returns the layers in order.
     *
     * @return the layers in order
     */
    public List<Layer> layers() {
        return stack.layers();
    }

    /**
     * Returns the layers with their inferred shapes.
     *
     * @return the layers with their inferred shapes
     */
    public LayerStack stack() {
        return stack;
    }

    /**
     * Returns whether a layer is {@link Layer.BatchNorm}: its batch statistics tie each image's output to
     * the rest of the batch, so real and fake images go through separately and per-image gradient
     * penalties are not defined.
     *
     * @return whether a layer is {@link Layer.BatchNorm}
     */
    public boolean hasBatchNorm() {
        return layers().stream().anyMatch(l -> l instanceof Layer.BatchNorm);
    }

    /**
     * Returns the name of the preset this spec came from, or {@code "custom"}.
     *
     * @return the name of the preset this spec came from, or {@code "custom"}
     */
    public String recipe() {
        return recipe;
    }

    /**
     * Returns how the discriminator takes a class label: {@link Conditioning#none()} (the default) or a
     * {@link Conditioning.Projection}.
     *
     * @return how the discriminator takes a class label
     */
    public Conditioning conditioning() {
        return conditioning;
    }

    /**
     * Returns the number of classes the discriminator is conditioned on, or 0 when it is unconditional.
     *
     * @return the number of classes the discriminator is conditioned on, or 0 when it is unconditional
     */
    public int classes() {
        return conditioning.classes();
    }

    /**
     * Returns the size of the feature vector {@code φ(x)} that enters the last layer: what a {@link
     * Conditioning.Projection} takes its inner product with.
     *
     * @return the size of the feature vector {@code φ(x)} entering the last layer
     */
    public int features() {
        return stack.inputShapeOf(stack.layers().size() - 1).dim(0);
    }

    /**
     * Returns the number of trained parameters, a projection's embedding included.
     *
     * @return the number of trained parameters, a projection's embedding included
     */
    public long parameterCount() {
        return stack.trainableParameterCount() + projectionParameters();
    }

    private long projectionParameters() {
        return conditioning instanceof Conditioning.Projection
                ? ((Conditioning.Projection) conditioning).parameterCount(features()) : 0;
    }

    /**
     * Returns a Keras-like table of the layers, their output shapes and parameter counts; a projection
     * discriminator's last rows show the label, its embedding and the inner product added to the logit.
     *
     * @return a Keras-like table of the layers, their output shapes and parameter counts
     */
    public String summary() {
        if (!(conditioning instanceof Conditioning.Projection)) {
            return stack.summary("Discriminator (" + recipe + ")");
        }
        Conditioning.Projection p = (Conditioning.Projection) conditioning;
        int features = features();
        return stack.summary("Discriminator (" + recipe + "), " + p.describe(), List.of(),
                List.of(new String[] {"input label", "int64, 0.." + (p.classes() - 1), "()", "0"},
                        new String[] {"projection Embedding", p.classes() + " x " + features,
                                TensorShape.of(features).toString(), LayerStack.fmt(projectionParameters())},
                        new String[] {"Add <emb, phi(x)>", "to the dense logit", TensorShape.of(1).toString(), "0"}),
                projectionParameters());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DiscriminatorSpec && stack.equals(((DiscriminatorSpec) o).stack)
                && conditioning.equals(((DiscriminatorSpec) o).conditioning);
    }

    @Override
    public int hashCode() {
        return 31 * stack.hashCode() + conditioning.hashCode();
    }

    @Override
    public String toString() {
        return "DiscriminatorSpec[" + recipe + ", " + inputShape()
                + (conditioning.isConditional() ? ", " + conditioning.describe() : "") + " -> logit, "
                + layers().size() + " layers]";
    }

    /** Builds a {@link DiscriminatorSpec} from layers; see {@link LayerListBuilder} for the vocabulary. */
    public static final class Builder extends LayerListBuilder<Builder> {
        private TensorShape inputShape = TensorShape.of(1, 28, 28);
        private String recipe = "custom";
        private Conditioning conditioning = Conditioning.none();

        Builder() {}

        @Override
        protected Builder self() {
            return this;
        }

        /**
         * Sets the image shape {@code (C, H, W)}. Default {@code (1, 28, 28)}.
         *
         * @param channels the channels, 1 to 4
         * @param height the height in pixels
         * @param width the width in pixels
         * @return this builder
         * @throws IllegalArgumentException if not three dimensions of at least 1, or more than 4
         *     channels (see {@link TensorShape#requireImage(String)})
         */
        public Builder inputShape(int channels, int height, int width) {
            this.inputShape = TensorShape.of(channels, height, width).requireImage("inputShape");
            return this;
        }

        /**
         * Sets the image shape {@code (C, H, W)}.
         *
         * @param shape the image shape {@code (C, H, W)}
         * @return this builder
         * @throws IllegalArgumentException if not of rank 3, or more than 4 channels (see {@link
         *     TensorShape#requireImage(String)})
         */
        public Builder inputShape(TensorShape shape) {
            Checks.notNull("inputShape", shape);
            if (shape.rank() != 3) {
                throw new IllegalArgumentException("discriminator inputShape must be (C, H, W), got " + shape);
            }
            this.inputShape = shape.requireImage("inputShape");
            return this;
        }

        Builder recipe(String recipe) {
            this.recipe = recipe;
            return this;
        }

        /**
         * Makes the discriminator class-conditional on {@code classes} classes with the default scheme,
         * {@link Conditioning#projection projection(classes)} (Miyato &amp; Koyama 2018). The last layer must
         * be {@code dense(1)}. Unconditional by default.
         *
         * @param classes the number of classes, at least 2
         * @return this builder
         * @throws IllegalArgumentException if {@code classes < 2}
         */
        public Builder conditional(int classes) {
            return conditioning(Conditioning.projection(classes));
        }

        /**
         * Sets how the discriminator takes a class label. Default {@link Conditioning#none()}.
         *
         * @param conditioning how the network takes a class label
         * @return this builder
         * @throws IllegalArgumentException if {@code conditioning} is null or a generator's scheme
         */
        public Builder conditioning(Conditioning conditioning) {
            Checks.notNull("conditioning", conditioning);
            if (conditioning instanceof Conditioning.LabelEmbedding) {
                throw new IllegalArgumentException("conditioning " + conditioning.describe() + " is a generator's"
                        + " scheme; a discriminator takes Conditioning.projection(classes) or none()");
            }
            this.conditioning = conditioning;
            return this;
        }

        /**
         * Infers every layer's shape and returns the spec.
         *
         * @return the spec
         * @throws IllegalArgumentException if a layer cannot take its input, the output is not one
         *     logit {@code (1)}, the last layer is a sigmoid, or a {@link Conditioning.Projection} meets a
         *     last layer other than {@code dense(1)}
         * @throws IllegalStateException if no layer was added
         */
        public DiscriminatorSpec build() {
            LayerStack stack = new LayerStack("discriminator", inputShape, layers());
            if (!stack.outputShape().equals(TensorShape.of(1))) {
                throw new IllegalArgumentException(
                        "discriminator must end in one logit of shape (1), got " + stack.outputShape()
                                + "; end with flatten().dense(1)");
            }
            List<Layer> layers = stack.layers();
            if (layers.get(layers.size() - 1) instanceof Layer.Sigmoid) {
                throw new IllegalArgumentException(
                        "discriminator must end in a logit, not sigmoid(): the loss applies the sigmoid;"
                                + " remove the last sigmoid()");
            }
            Layer last = layers.get(layers.size() - 1);
            if (conditioning instanceof Conditioning.Projection && !(last instanceof Layer.Dense)) {
                throw new IllegalArgumentException("conditioning " + conditioning.describe() + " adds <V[y], phi(x)>"
                        + " to the logit of a last dense(1) layer, whose input is the feature vector phi(x), but the"
                        + " last layer is " + last.kind() + "; end the discriminator with flatten().dense(1)");
            }
            return new DiscriminatorSpec(recipe, stack, conditioning);
        }
    }
}
