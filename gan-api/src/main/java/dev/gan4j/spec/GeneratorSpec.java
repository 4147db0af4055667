package dev.gan4j.spec;

import java.util.List;

/**
 * An immutable description of a generator: a latent vector of {@code latentDim} floats drawn from
 * N(0, 1), mapped by a stack of layers to an image {@code (C, H, W)}.
 *
 * <pre>{@code
 * GeneratorSpec g = GeneratorSpec.builder().latentDim(100)
 *     .dense(7 * 7 * 128).reshape(128, 7, 7).batchNorm().relu()
 *     .convTranspose(64, 4, 2, Padding.same()).batchNorm().relu()
 *     .convTranspose(1, 4, 2, Padding.same()).tanh()
 *     .build();
 * }</pre>
 */
public final class GeneratorSpec {

    private final int latentDim;
    private final String recipe;
    private final LayerStack stack;
    private final Conditioning conditioning;

    private GeneratorSpec(int latentDim, String recipe, LayerStack stack, Conditioning conditioning) {
        this.latentDim = latentDim;
        this.recipe = recipe;
        this.stack = stack;
        this.conditioning = conditioning;
    }

    /**
     * Returns a builder for a generator of your own layers.
     *
     * @return this builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the compact DCGAN preset: trains to recognisable 28×28 digits on two CPU cores in
     * minutes. Layers: dense → (2w, H/4, W/4) → BatchNorm → ReLU → convTranspose(w, 4, s2) →
     * BatchNorm → ReLU → convTranspose(C, 4, s2) → tanh, with width w = 64 by default.
     *
     * @return the compact DCGAN preset: trains to recognisable 28×28 digits on two CPU cores in minutes
     */
    public static Presets.DcganGenerator dcgan() {
        return new Presets.DcganGenerator();
    }

    /**
     * Returns the Keras DCGAN reference recipe exactly: Dense(7·7·512) → Reshape → BatchNorm →
     * LeakyReLU(0.2) → Conv2DTranspose(256, 3, s2) → LeakyReLU → Conv2DTranspose(128, 4, s2) →
     * BatchNorm → LeakyReLU → Conv2D(1, 5) → tanh (width 512 by default; all paddings "same").
     *
     * @return the Keras DCGAN reference recipe exactly: Dense(7·7·512) → Reshape → BatchNorm → LeakyReLU(0.2)
     *     → Conv2DTranspose(256, 3, s2) → LeakyReLU → Conv2DTranspose(128, 4, s2) → BatchNorm → LeakyReLU →
     *     Conv2D(1, 5) → tanh (width 512 by default; all paddings "same")
     */
    public static Presets.KerasDcganGenerator kerasDcgan() {
        return new Presets.KerasDcganGenerator();
    }

    /**
     * Returns the size of the latent vector.
     *
     * @return the size of the latent vector
     */
    public int latentDim() {
        return latentDim;
    }

    /**
     * Returns the shape of one generated image, {@code (C, H, W)}.
     *
     * @return the shape of one generated image, {@code (C, H, W)}
     */
    public TensorShape outputShape() {
        return stack.outputShape();
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
     * Returns the layers with their inferred shapes. With a {@link Conditioning.LabelEmbedding} the first
     * layer takes {@code latentDim + dim} floats: z, then the label's embedding.
     *
     * @return the layers with their inferred shapes
     */
    public LayerStack stack() {
        return stack;
    }

    /**
     * Returns how the generator takes a class label: {@link Conditioning#none()} (the default) or a
     * {@link Conditioning.LabelEmbedding}.
     *
     * @return how the generator takes a class label
     */
    public Conditioning conditioning() {
        return conditioning;
    }

    /**
     * Returns the number of classes the generator draws, or 0 when it is unconditional.
     *
     * @return the number of classes the generator draws, or 0 when it is unconditional
     */
    public int classes() {
        return conditioning.classes();
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
     * Returns the number of trained parameters, a label embedding's included.
     *
     * @return the number of trained parameters, a label embedding's included
     */
    public long parameterCount() {
        return stack.trainableParameterCount() + embeddingParameters();
    }

    private long embeddingParameters() {
        return conditioning instanceof Conditioning.LabelEmbedding
                ? ((Conditioning.LabelEmbedding) conditioning).parameterCount() : 0;
    }

    /**
     * Returns a Keras-like table of the layers, their output shapes and parameter counts; a conditional
     * generator's first rows show z, the label, its embedding and their concatenation.
     *
     * @return a Keras-like table of the layers, their output shapes and parameter counts
     */
    public String summary() {
        if (!(conditioning instanceof Conditioning.LabelEmbedding)) {
            return stack.summary("Generator (" + recipe + "), latent " + latentDim);
        }
        Conditioning.LabelEmbedding e = (Conditioning.LabelEmbedding) conditioning;
        return stack.summary("Generator (" + recipe + "), latent " + latentDim + ", " + e.describe(),
                List.of(new String[] {"input z", "", TensorShape.of(latentDim).toString(), "0"},
                        new String[] {"input label", "int64, 0.." + (e.classes() - 1), "()", "0"},
                        new String[] {"label Embedding", e.classes() + " x " + e.dim(), TensorShape.of(e.dim()).toString(),
                                LayerStack.fmt(e.parameterCount())},
                        new String[] {"Concatenate [z, emb]", "", stack.inputShape().toString(), "0"}),
                List.of(), e.parameterCount());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GeneratorSpec
                && latentDim == ((GeneratorSpec) o).latentDim
                && stack.equals(((GeneratorSpec) o).stack)
                && conditioning.equals(((GeneratorSpec) o).conditioning);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * latentDim + stack.hashCode()) + conditioning.hashCode();
    }

    @Override
    public String toString() {
        return "GeneratorSpec[" + recipe + ", latent " + latentDim
                + (conditioning.isConditional() ? ", " + conditioning.describe() : "") + " -> " + outputShape() + ", "
                + layers().size() + " layers]";
    }

    /** Builds a {@link GeneratorSpec} from layers; see {@link LayerListBuilder} for the vocabulary. */
    public static final class Builder extends LayerListBuilder<Builder> {
        private int latentDim = 100;
        private String recipe = "custom";
        private Conditioning conditioning = Conditioning.none();

        Builder() {}

        @Override
        protected Builder self() {
            return this;
        }

        /**
         * Sets the latent size. Default 100.
         *
         * @param latentDim the latent size
         * @return this builder
         * @throws IllegalArgumentException if {@code latentDim < 1}
         */
        public Builder latentDim(int latentDim) {
            Checks.atLeast("latentDim", latentDim, 1);
            this.latentDim = latentDim;
            return this;
        }

        Builder recipe(String recipe) {
            this.recipe = recipe;
            return this;
        }

        /**
         * Makes the generator class-conditional on {@code classes} classes with the default scheme,
         * {@link Conditioning#labelEmbedding labelEmbedding(classes, 50)}: the label's learned embedding is
         * concatenated after z, so the first layer takes {@code latentDim + 50} floats. Unconditional by
         * default.
         *
         * @param classes the number of classes, at least 2
         * @return this builder
         * @throws IllegalArgumentException if {@code classes < 2}
         */
        public Builder conditional(int classes) {
            return conditioning(Conditioning.labelEmbedding(classes, Conditioning.DEFAULT_EMBEDDING_DIM));
        }

        /**
         * Sets how the generator takes a class label. Default {@link Conditioning#none()}.
         *
         * @param conditioning how the network takes a class label
         * @return this builder
         * @throws IllegalArgumentException if {@code conditioning} is null or a discriminator's scheme
         */
        public Builder conditioning(Conditioning conditioning) {
            Checks.notNull("conditioning", conditioning);
            if (conditioning instanceof Conditioning.Projection) {
                throw new IllegalArgumentException("conditioning " + conditioning.describe() + " is a discriminator's"
                        + " scheme; a generator takes Conditioning.labelEmbedding(classes, dim) or none()");
            }
            this.conditioning = conditioning;
            return this;
        }

        /**
         * Infers every layer's shape and returns the spec.
         *
         * @return the spec
         * @throws IllegalArgumentException if a layer cannot take its input (with a label embedding the
         *     first takes {@code latentDim + dim} floats), or the output is not an image {@code (C, H, W)}
         *     of 1 to 4 channels (see {@link TensorShape#requireImage(String)})
         * @throws IllegalStateException if no layer was added
         */
        public GeneratorSpec build() {
            int embedding = conditioning instanceof Conditioning.LabelEmbedding
                    ? ((Conditioning.LabelEmbedding) conditioning).dim() : 0;
            LayerStack stack;
            try {
                stack = new LayerStack("generator", TensorShape.of(latentDim + embedding), layers());
            } catch (IllegalArgumentException e) {
                if (embedding == 0) {
                    throw e;
                }
                throw new IllegalArgumentException(e.getMessage() + " (" + conditioning.describe()
                        + " concatenates " + embedding + " floats after z: the first layer takes latentDim "
                        + latentDim + " + " + embedding + " = " + (latentDim + embedding) + ")", e);
            }
            if (stack.outputShape().rank() != 3) {
                throw new IllegalArgumentException(
                        "generator output must be an image (C, H, W), got " + stack.outputShape()
                                + "; end with a reshape or convolution to (C, H, W)");
            }
            // Checked here, not when the first epoch's samples are drawn: no grid can draw a fifth channel.
            stack.outputShape().requireImage("outputShape");
            return new GeneratorSpec(latentDim, recipe, stack, conditioning);
        }
    }
}
