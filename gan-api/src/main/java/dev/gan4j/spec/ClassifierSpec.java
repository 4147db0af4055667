package dev.gan4j.spec;

import java.util.List;

/**
 * An immutable description of an image classifier: an image {@code (C, H, W)} mapped by a stack of
 * layers to one logit per class, the last layer a {@code dense(classes)}. What enters that last layer
 * is the classifier's feature vector, in which the quality metric measures Fréchet distances.
 *
 * <pre>{@code
 * ClassifierSpec c = ClassifierSpec.builder().inputShape(1, 28, 28)
 *     .conv(32, 5, 2, Padding.same()).batchNorm().relu()
 *     .flatten().dense(64).relu()
 *     .dense(10)
 *     .build();
 * }</pre>
 */
public final class ClassifierSpec {

    private final String recipe;
    private final LayerStack stack;

    private ClassifierSpec(String recipe, LayerStack stack) {
        this.recipe = recipe;
        this.stack = stack;
    }

    /**
     * Returns a builder for a classifier of your own layers.
     *
     * @return this builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns gan4j's MNIST classifier for {@code (1, 28, 28)} digits: conv(32, 5, s2) → BatchNorm →
     * ReLU → conv(64, 3, s2) → BatchNorm → ReLU → flatten → dense(128) → BatchNorm → ReLU → dense(10),
     * paddings "same", 422,000 parameters, 1.5 million multiply-adds per image; its features are the
     * 128 values entering the last layer. Strided convolutions stand in for pooling; BatchNorm lets a
     * few epochs suffice.
     *
     * @return gan4j's MNIST classifier for {@code (1, 28, 28)} digits: conv(32, 5, s2) → BatchNorm → ReLU →
     *     conv(64, 3, s2) → BatchNorm → ReLU → flatten → dense(128) → BatchNorm → ReLU → dense(10), paddings
     *     "same", 422,000 parameters, 1.5 million multiply-adds per image; its features are the 128 values
     *     entering the last layer
     */
    public static ClassifierSpec mnist() {
        return builder().recipe("mnist").inputShape(1, 28, 28)
                .conv(32, 5, 2, Padding.same(), false).batchNorm(0.9f, 1e-3f).relu()
                .conv(64, 3, 2, Padding.same(), false).batchNorm(0.9f, 1e-3f).relu()
                .flatten().dense(128, false).batchNorm(0.9f, 1e-3f).relu()
                .dense(10)
                .build();
    }

    /**
     * Returns the image shape this classifier takes, {@code (C, H, W)}.
     *
     * @return the image shape this classifier takes, {@code (C, H, W)}
     */
    public TensorShape inputShape() {
        return stack.inputShape();
    }

    /**
     * Returns the layers in order; the last is {@code dense(classes())}.
     *
     * @return the layers in order; the last is {@code dense(classes())}
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
     * Returns the name of the preset this spec came from, or {@code "custom"}.
     *
     * @return the name of the preset this spec came from, or {@code "custom"}
     */
    public String recipe() {
        return recipe;
    }

    /**
     * Returns the number of classes: the size of the output.
     *
     * @return the number of classes: the size of the output
     */
    public int classes() {
        return stack.outputShape().dim(0);
    }

    /**
     * Returns the size of the feature vector: the input of the last layer.
     *
     * @return the size of the feature vector: the input of the last layer
     */
    public int featureSize() {
        return stack.inputShapeOf(stack.layers().size() - 1).dim(0);
    }

    /**
     * Returns the number of trained parameters.
     *
     * @return the number of trained parameters
     */
    public long parameterCount() {
        return stack.trainableParameterCount();
    }

    /**
     * Returns a Keras-like table of the layers, their output shapes and parameter counts.
     *
     * @return a Keras-like table of the layers, their output shapes and parameter counts
     */
    public String summary() {
        return stack.summary("Classifier (" + recipe + ")");
    }

    /**
     * Returns the architecture as text, one layer per line in {@link SpecText}'s notation, floats
     * exact: what identifies a trained classifier in a cache.
     *
     * @return the architecture as text, one layer per line in {@link SpecText}'s notation, floats exact: what
     *     identifies a trained classifier in a cache
     */
    public String text() {
        return SpecText.write(this);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ClassifierSpec && stack.equals(((ClassifierSpec) o).stack);
    }

    @Override
    public int hashCode() {
        return stack.hashCode();
    }

    @Override
    public String toString() {
        return "ClassifierSpec[" + recipe + ", " + inputShape() + " -> " + classes() + " classes, "
                + featureSize() + " features, " + layers().size() + " layers]";
    }

    /** Builds a {@link ClassifierSpec} from layers; see {@link LayerListBuilder} for the vocabulary. */
    public static final class Builder extends LayerListBuilder<Builder> {
        private TensorShape inputShape = TensorShape.of(1, 28, 28);
        private String recipe = "custom";

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
         * @throws IllegalArgumentException if not three dimensions of at least 1
         */
        public Builder inputShape(int channels, int height, int width) {
            this.inputShape = TensorShape.of(channels, height, width);
            return this;
        }

        Builder recipe(String recipe) {
            this.recipe = recipe;
            return this;
        }

        /**
         * Infers every layer's shape and returns the spec.
         *
         * @return the spec
         * @throws IllegalArgumentException if a layer cannot take its input, the last layer is not a
         *     dense layer of at least 2 units, or a layer is a dropout
         * @throws IllegalStateException if no layer was added
         */
        public ClassifierSpec build() {
            LayerStack stack = new LayerStack("classifier", inputShape, layers());
            List<Layer> layers = stack.layers();
            Layer last = layers.get(layers.size() - 1);
            if (!(last instanceof Layer.Dense) || ((Layer.Dense) last).units() < 2) {
                throw new IllegalArgumentException(
                        "classifier must end in one logit per class, dense(classes) with classes >= 2, got "
                                + last.kind() + " " + stack.outputShape() + "; end with flatten().dense(10) or similar");
            }
            for (int i = 0; i < layers.size(); i++) {
                if (layers.get(i) instanceof Layer.Dropout) {
                    // Dropout draws from the engine's random generator, which is global to the process:
                    // training the classifier while a GAN trains would change the GAN's random stream.
                    throw new IllegalArgumentException(
                            "classifier layer " + i + " is a dropout; classifiers take no dropout (it would"
                                    + " draw from the random stream of the GAN being trained); remove it");
                }
            }
            return new ClassifierSpec(recipe, stack);
        }
    }
}
