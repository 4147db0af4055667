package dev.gan4j.spec;

import java.util.ArrayList;
import java.util.List;

/**
 * The fluent layer vocabulary shared by {@link GeneratorSpec.Builder} and {@link
 * DiscriminatorSpec.Builder}. Each method appends one layer and rejects an impossible setting at once.
 *
 * @param <SELF> the concrete builder, returned by every method for chaining
 */
public abstract class LayerListBuilder<SELF extends LayerListBuilder<SELF>> {

    /** Keras's BatchNormalization defaults. */
    public static final float DEFAULT_BN_MOMENTUM = 0.99f;

    /** Keras's BatchNormalization defaults. */
    public static final float DEFAULT_BN_EPSILON = 0.001f;

    private final List<Layer> layers = new ArrayList<>();
    private boolean spectralNormAll;

    LayerListBuilder() {}

    /**
     * Returns this builder as its concrete type.
     *
     * @return this builder as its concrete type
     */
    protected abstract SELF self();

    /**
     * Returns the layers added so far, in order; with {@link #spectralNormAll(boolean)} on, every
     * dense, convolution and transposed convolution spectrally normalised.
     *
     * @return the layers added so far, in order; with {@link #spectralNormAll(boolean)} on, every dense,
     *     convolution and transposed convolution spectrally normalised
     */
    protected List<Layer> layers() {
        if (!spectralNormAll) {
            return List.copyOf(layers);
        }
        List<Layer> normalised = new ArrayList<>(layers.size());
        for (Layer layer : layers) {
            Layer sn = withSpectralNorm(layer);
            normalised.add(sn == null ? layer : sn);
        }
        return List.copyOf(normalised);
    }

    /**
     * Spectrally normalises the layer just added (Miyato et al. 2018): it then uses {@code W / σ(W)},
     * {@code σ} the largest singular value of its weight matrix, estimated by one power iteration per
     * training forward pass. For example {@code .conv(64, 4, 2, Padding.same()).spectralNorm()}. Off
     * by default.
     *
     * @return this builder
     * @throws IllegalStateException if no layer was added yet, or the last one is not a dense layer, a
     *     convolution or a transposed convolution
     */
    public SELF spectralNorm() {
        if (layers.isEmpty()) {
            throw new IllegalStateException(
                    "spectralNorm() normalises the layer just added, and there is none; add a dense, conv"
                            + " or convTranspose layer first");
        }
        Layer last = layers.get(layers.size() - 1);
        Layer sn = withSpectralNorm(last);
        if (sn == null) {
            throw new IllegalStateException(
                    "spectralNorm() normalises the layer just added, which is " + last.kind()
                            + " and has no weight matrix; it applies to Dense, Conv2D and Conv2DTranspose");
        }
        layers.set(layers.size() - 1, sn);
        return self();
    }

    /**
     * Sets whether every dense layer, convolution and transposed convolution of the network is
     * spectrally normalised, those added before this call and after it, as SNGAN's discriminator is
     * (Miyato et al. 2018). Default false: only the layers marked by {@link #spectralNorm()} are.
     * BatchNorm layers are kept as they are; SNGAN's discriminator has none.
     *
     * @param on whether every dense layer, convolution and transposed convolution is spectrally normalised
     * @return this builder
     */
    public SELF spectralNormAll(boolean on) {
        this.spectralNormAll = on;
        return self();
    }

    /** Returns {@code layer} spectrally normalised, or null if it has no weight matrix. */
    private static Layer withSpectralNorm(Layer layer) {
        if (layer instanceof Layer.Dense) {
            return ((Layer.Dense) layer).withSpectralNorm(true);
        }
        if (layer instanceof Layer.Conv) {
            return ((Layer.Conv) layer).withSpectralNorm(true);
        }
        if (layer instanceof Layer.ConvTranspose) {
            return ((Layer.ConvTranspose) layer).withSpectralNorm(true);
        }
        return null;
    }

    /**
     * Appends any layer of the vocabulary.
     *
     * @param layer the layer to append
     * @return this builder
     */
    public SELF layer(Layer layer) {
        Checks.notNull("layer", layer);
        layers.add(layer);
        return self();
    }

    /**
     * Appends a fully connected layer with a bias.
     *
     * @param units the output size, at least 1
     * @return this builder
     */
    public SELF dense(int units) {
        return layer(new Layer.Dense(units, true));
    }

    /**
     * Appends a fully connected layer, with or without a bias (drop it before BatchNorm).
     *
     * @param units the output size, at least 1
     * @param useBias whether a bias is added
     * @return this builder
     */
    public SELF dense(int units, boolean useBias) {
        return layer(new Layer.Dense(units, useBias));
    }

    /**
     * Reshapes each example, for example {@code reshape(512, 7, 7)} after a dense layer.
     *
     * @param dims the dimensions, each at least 1; at least one dimension
     * @return this builder
     */
    public SELF reshape(int... dims) {
        return layer(new Layer.Reshape(TensorShape.of(dims)));
    }

    /**
     * Flattens each example to a vector.
     *
     * @return this builder
     */
    public SELF flatten() {
        return layer(new Layer.Flatten());
    }

    /**
     * Appends batch normalisation with Keras's defaults, momentum 0.99 and epsilon 0.001.
     *
     * @return this builder
     */
    public SELF batchNorm() {
        return batchNorm(DEFAULT_BN_MOMENTUM, DEFAULT_BN_EPSILON);
    }

    /**
     * Appends batch normalisation; {@code momentum} is the weight of the old running statistics.
     *
     * @param momentum in [0, 1); Keras's default is 0.99
     * @param epsilon added to the variance, &gt; 0; Keras's default is 0.001
     * @return this builder
     */
    public SELF batchNorm(float momentum, float epsilon) {
        return layer(new Layer.BatchNorm(momentum, epsilon));
    }

    /**
     * Appends a leaky ReLU with negative slope {@code alpha}; the recipe uses 0.2.
     *
     * @param alpha the negative slope, in [0, 1]
     * @return this builder
     */
    public SELF leakyRelu(float alpha) {
        return layer(new Layer.LeakyRelu(alpha));
    }

    /**
     * Appends a ReLU.
     *
     * @return this builder
     */
    public SELF relu() {
        return layer(new Layer.Relu());
    }

    /**
     * Appends tanh.
     *
     * @return this builder
     */
    public SELF tanh() {
        return layer(new Layer.Tanh());
    }

    /**
     * Appends a logistic sigmoid.
     *
     * @return this builder
     */
    public SELF sigmoid() {
        return layer(new Layer.Sigmoid());
    }

    /**
     * Appends a 2-D convolution with a bias.
     *
     * @param filters output channels, at least 1
     * @param kernel the square kernel's side, at least 1
     * @param stride at least 1
     * @param padding {@link Padding#same()} or explicit
     * @return this builder
     */
    public SELF conv(int filters, int kernel, int stride, Padding padding) {
        return layer(new Layer.Conv(filters, kernel, stride, padding, true));
    }

    /**
     * Appends a 2-D convolution, with or without a bias.
     *
     * @param filters output channels, at least 1
     * @param kernel the square kernel's side, at least 1
     * @param stride at least 1
     * @param padding {@link Padding#same()} or explicit
     * @param useBias whether a bias is added
     * @return this builder
     */
    public SELF conv(int filters, int kernel, int stride, Padding padding, boolean useBias) {
        return layer(new Layer.Conv(filters, kernel, stride, padding, useBias));
    }

    /**
     * Appends a transposed 2-D convolution with a bias and no output padding.
     *
     * @param filters output channels, at least 1
     * @param kernel the square kernel's side, at least 1
     * @param stride at least 1
     * @param padding {@link Padding#same()} or explicit
     * @return this builder
     */
    public SELF convTranspose(int filters, int kernel, int stride, Padding padding) {
        return layer(new Layer.ConvTranspose(filters, kernel, stride, padding, 0, true));
    }

    /**
     * Appends a transposed 2-D convolution with PyTorch's parameters.
     *
     * @param filters output channels, at least 1
     * @param kernel the square kernel's side, at least 1
     * @param stride at least 1
     * @param padding {@link Padding#same()} or explicit
     * @param outputPadding extra rows and columns at the end, in [0, stride)
     * @param useBias whether a bias is added
     * @return this builder
     */
    public SELF convTranspose(int filters, int kernel, int stride, Padding padding, int outputPadding, boolean useBias) {
        return layer(new Layer.ConvTranspose(filters, kernel, stride, padding, outputPadding, useBias));
    }

    /**
     * Appends nearest-neighbour upsampling by {@code factor}.
     *
     * @param factor at least 1
     * @return this builder
     */
    public SELF upsample(int factor) {
        return layer(new Layer.Upsample(factor));
    }

    /**
     * Appends dropout at {@code rate}, active only while training.
     *
     * @param rate in [0, 1)
     * @return this builder
     */
    public SELF dropout(float rate) {
        return layer(new Layer.Dropout(rate));
    }
}
