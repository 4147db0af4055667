package dev.gan4j.spec;

/**
 * One layer of a {@link GeneratorSpec} or {@link DiscriminatorSpec}: the closed vocabulary gan4j can
 * train and export. Images are channels-first {@code (C, H, W)}; kernels are square.
 *
 * <p>Every layer knows its output shape and parameter count for a given input shape, in pure Java,
 * so a spec is checked and summarised before any engine runs. Layers are built through the specs'
 * fluent builders; the records are public so that engines and exporters can read them. Code that
 * treats each kind in its own way implements {@link Visitor}, so that a new kind cannot be forgotten.
 */
public sealed interface Layer
        permits Layer.Dense,
                Layer.Reshape,
                Layer.Flatten,
                Layer.BatchNorm,
                Layer.LeakyRelu,
                Layer.Relu,
                Layer.Tanh,
                Layer.Sigmoid,
                Layer.Conv,
                Layer.ConvTranspose,
                Layer.Upsample,
                Layer.Dropout {

    /**
     * Returns the output shape for an input shape.
     *
     * @param in the input shape, without the batch dimension
     * @return the output shape for an input shape
     * @throws IllegalArgumentException if this layer cannot take that input, saying why
     */
    TensorShape outputShape(TensorShape in);

    /**
     * Returns the number of trained parameters for an input shape (weights, biases, BN scale and shift).
     *
     * @param in the input shape, without the batch dimension
     * @return the number of trained parameters for an input shape (weights, biases, BN scale and shift)
     */
    long trainableParameterCount(TensorShape in);

    /**
     * Returns the number of parameters that are not trained by gradients: BatchNorm's running
     * statistics, spectral normalization's vector {@code u}.
     *
     * @param in the input shape, without the batch dimension
     * @return the number of parameters that are not trained by gradients: BatchNorm's running statistics,
     *     spectral normalization's vector {@code u}
     */
    default long nonTrainableParameterCount(TensorShape in) {
        return 0;
    }

    /**
     * Returns the layer's type as Keras names it, for example {@code Conv2DTranspose}.
     *
     * @return the layer's type as Keras names it, for example {@code Conv2DTranspose}
     */
    String kind();

    /**
     * Returns the multiply-accumulates of one example's forward pass: what dense and convolution
     * layers cost; element-wise layers count as 0. A transposed convolution counts only products of
     * real input pixels (no inserted zeros), as gan4j computes it.
     *
     * @param in the input shape, without the batch dimension
     * @return the multiply-accumulates of one example's forward pass: what dense and convolution layers cost;
     *     element-wise layers count as 0
     */
    default long forwardMacs(TensorShape in) {
        return 0;
    }

    /**
     * Returns the layer's settings in a short form for summaries, for example {@code 64, k4, s2, same}.
     *
     * @return the layer's settings in a short form for summaries, for example {@code 64, k4, s2, same}
     */
    default String settings() {
        return "";
    }

    /**
     * Returns whether the layer's weight is spectrally normalised (Miyato et al. 2018, "Spectral
     * Normalization for Generative Adversarial Networks"): the layer uses {@code W / σ(W)}, {@code σ}
     * the largest singular value of its weight matrix, estimated by one power iteration per training
     * forward pass. Only {@link Dense}, {@link Conv} and {@link ConvTranspose} can be; default false.
     *
     * @return whether the layer's weight is spectrally normalised
     */
    default boolean spectralNorm() {
        return false;
    }

    /**
     * Calls the method of {@code visitor} for this layer's kind and returns its result, for example
     * {@code layer.accept(onnxNodes)}: engines, exporters and writers handle layers this way rather
     * than by an {@code instanceof} chain, so a new layer kind is a compile error wherever it is not
     * handled instead of a throw at run time.
     *
     * @param visitor the visitor to call
     * @param <R> what the operation makes of a layer, for example an engine operation or a line of text
     * @return the visitor's result
     */
    <R> R accept(Visitor<R> visitor);

    /**
     * An operation over every layer kind, with one method per record of {@link Layer}. Adding a layer
     * kind adds a method here, and then every visitor (the DJL network, the ONNX exporter, the spec
     * text) fails to compile until it says what the new kind does.
     *
     * @param <R> what the operation makes of a layer, for example an engine operation or a line of text
     */
    interface Visitor<R> {
        /**
         * Handles a {@link Dense} layer.
         *
         * @param layer the layer
         * @return the visitor's result
         */
        R visitDense(Dense layer);

        /**
         * Handles a {@link Reshape} layer.
         *
         * @param layer the layer
         * @return the visitor's result
         */
        R visitReshape(Reshape layer);

        /**
         * Handles a {@link Flatten} layer.
         *
         * @param layer the layer
         * @return the visitor's result
         */
        R visitFlatten(Flatten layer);

        /**
         * Handles a {@link BatchNorm} layer.
         *
         * @param layer the layer
         * @return the visitor's result
         */
        R visitBatchNorm(BatchNorm layer);

        /**
         * Handles a {@link LeakyRelu} layer.
         *
         * @param layer the layer
         * @return the visitor's result
         */
        R visitLeakyRelu(LeakyRelu layer);

        /**
         * Handles a {@link Relu} layer.
         *
         * @param layer the layer
         * @return the visitor's result
         */
        R visitRelu(Relu layer);

        /**
         * Handles a {@link Tanh} layer.
         *
         * @param layer the layer
         * @return the visitor's result
         */
        R visitTanh(Tanh layer);

        /**
         * Handles a {@link Sigmoid} layer.
         *
         * @param layer the layer
         * @return the visitor's result
         */
        R visitSigmoid(Sigmoid layer);

        /**
         * Handles a {@link Conv} layer.
         *
         * @param layer the layer
         * @return the visitor's result
         */
        R visitConv(Conv layer);

        /**
         * Handles a {@link ConvTranspose} layer.
         *
         * @param layer the layer
         * @return the visitor's result
         */
        R visitConvTranspose(ConvTranspose layer);

        /**
         * Handles an {@link Upsample} layer.
         *
         * @param layer the layer
         * @return the visitor's result
         */
        R visitUpsample(Upsample layer);

        /**
         * Handles a {@link Dropout} layer.
         *
         * @param layer the layer
         * @return the visitor's result
         */
        R visitDropout(Dropout layer);
    }

    /**
     * A fully connected layer: {@code y = x W^T + b}, weights {@code [units, in]}.
     *
     * @param units the output size, at least 1
     * @param useBias whether a bias is added
     * @param spectralNorm whether the weight is divided by its largest singular value (Miyato et al.
     *     2018); the engine then keeps a vector {@code u} of {@code units} values as non-trainable state
     */
    record Dense(int units, boolean useBias, boolean spectralNorm) implements Layer {
        /**
         * Checks the units.
         *
         * @param units the output size, at least 1
         * @param useBias whether a bias is added
         * @param spectralNorm whether the weight is divided by its largest singular value (Miyato et al.
         *     2018); the engine then keeps a vector {@code u} of {@code units} values as non-trainable state
         */
        public Dense {
            Checks.atLeast("units", units, 1);
        }

        /**
         * A dense layer without spectral normalization, as before it existed.
         *
         * @param units the output size, at least 1
         * @param useBias whether a bias is added
         */
        public Dense(int units, boolean useBias) {
            this(units, useBias, false);
        }

        /**
         * Returns this layer with spectral normalization on or off.
         *
         * @param on whether the weight is spectrally normalised
         * @return this layer with spectral normalization on or off
         */
        public Dense withSpectralNorm(boolean on) {
            return new Dense(units, useBias, on);
        }

        @Override
        public TensorShape outputShape(TensorShape in) {
            requireRank(this, in, 1, "add flatten() before it");
            return TensorShape.of(units);
        }

        @Override
        public long trainableParameterCount(TensorShape in) {
            return (long) in.dim(0) * units + (useBias ? units : 0);
        }

        /** Spectral normalization's {@code u}, one value per unit; otherwise 0. */
        @Override
        public long nonTrainableParameterCount(TensorShape in) {
            return spectralNorm ? units : 0;
        }

        @Override
        public long forwardMacs(TensorShape in) {
            return (long) in.dim(0) * units;
        }

        @Override
        public String kind() {
            return "Dense";
        }

        @Override
        public String settings() {
            return units + (useBias ? "" : ", no bias") + (spectralNorm ? ", sn" : "");
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitDense(this);
        }
    }

    /**
     * Reshapes each example to {@code target}, which must hold as many elements.
     *
     * @param target the new shape, without the batch dimension
     */
    record Reshape(TensorShape target) implements Layer {
        /**
         * Checks the target is given.
         *
         * @param target the new shape, without the batch dimension
         */
        public Reshape {
            if (target == null) {
                throw new IllegalArgumentException("reshape target must not be null");
            }
        }

        @Override
        public TensorShape outputShape(TensorShape in) {
            if (in.size() != target.size()) {
                throw new IllegalArgumentException(
                        "Reshape cannot turn input " + in + " (" + in.size() + " elements) into " + target
                                + " (" + target.size() + " elements); the element counts must match");
            }
            return target;
        }

        @Override
        public long trainableParameterCount(TensorShape in) {
            return 0;
        }

        @Override
        public String kind() {
            return "Reshape";
        }

        @Override
        public String settings() {
            return target.toString();
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitReshape(this);
        }
    }

    /** Flattens each example to one dimension. */
    record Flatten() implements Layer {
        @Override
        public TensorShape outputShape(TensorShape in) {
            return TensorShape.of(Math.toIntExact(in.size()));
        }

        @Override
        public long trainableParameterCount(TensorShape in) {
            return 0;
        }

        @Override
        public String kind() {
            return "Flatten";
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitFlatten(this);
        }
    }

    /**
     * Batch normalisation over the channel axis (axis 0 of {@code (C)} or {@code (C, H, W)}), with a
     * learned scale and shift. Keras conventions: the running statistics move as {@code running =
     * momentum * running + (1 - momentum) * batch}.
     *
     * @param momentum in [0, 1); Keras's default is 0.99
     * @param epsilon added to the variance, &gt; 0; Keras's default is 0.001
     */
    record BatchNorm(float momentum, float epsilon) implements Layer {
        /**
         * Checks momentum and epsilon.
         *
         * @param momentum in [0, 1); Keras's default is 0.99
         * @param epsilon added to the variance, &gt; 0; Keras's default is 0.001
         */
        public BatchNorm {
            if (!(momentum >= 0f && momentum < 1f)) {
                throw new IllegalArgumentException("batchNorm momentum must be in [0, 1), got " + momentum);
            }
            if (!(epsilon > 0f) || Float.isInfinite(epsilon)) {
                throw new IllegalArgumentException("batchNorm epsilon must be > 0 and finite, got " + epsilon);
            }
        }

        @Override
        public TensorShape outputShape(TensorShape in) {
            if (in.rank() != 1 && in.rank() != 3) {
                throw new IllegalArgumentException(
                        "BatchNorm needs input (C) or (C, H, W), got " + in);
            }
            return in;
        }

        @Override
        public long trainableParameterCount(TensorShape in) {
            return 2L * in.dim(0);
        }

        @Override
        public long nonTrainableParameterCount(TensorShape in) {
            return 2L * in.dim(0);
        }

        @Override
        public String kind() {
            return "BatchNormalization";
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitBatchNorm(this);
        }
    }

    /**
     * Leaky ReLU: {@code x} for {@code x > 0}, else {@code alpha * x}.
     *
     * @param alpha the negative slope, in [0, 1]
     */
    record LeakyRelu(float alpha) implements Layer {
        /**
         * Checks alpha.
         *
         * @param alpha the negative slope, in [0, 1]
         */
        public LeakyRelu {
            if (!(alpha >= 0f && alpha <= 1f)) {
                throw new IllegalArgumentException("leakyRelu alpha must be in [0, 1], got " + alpha);
            }
        }

        @Override
        public TensorShape outputShape(TensorShape in) {
            return in;
        }

        @Override
        public long trainableParameterCount(TensorShape in) {
            return 0;
        }

        @Override
        public String kind() {
            return "LeakyReLU";
        }

        @Override
        public String settings() {
            return "alpha " + alpha;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitLeakyRelu(this);
        }
    }

    /** ReLU: {@code max(x, 0)}. */
    record Relu() implements Layer {
        @Override
        public TensorShape outputShape(TensorShape in) {
            return in;
        }

        @Override
        public long trainableParameterCount(TensorShape in) {
            return 0;
        }

        @Override
        public String kind() {
            return "ReLU";
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitRelu(this);
        }
    }

    /** Hyperbolic tangent, the usual last generator layer for images in [-1, 1]. */
    record Tanh() implements Layer {
        @Override
        public TensorShape outputShape(TensorShape in) {
            return in;
        }

        @Override
        public long trainableParameterCount(TensorShape in) {
            return 0;
        }

        @Override
        public String kind() {
            return "Tanh";
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitTanh(this);
        }
    }

    /** Logistic sigmoid, for generators of images in [0, 1]. */
    record Sigmoid() implements Layer {
        @Override
        public TensorShape outputShape(TensorShape in) {
            return in;
        }

        @Override
        public long trainableParameterCount(TensorShape in) {
            return 0;
        }

        @Override
        public String kind() {
            return "Sigmoid";
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitSigmoid(this);
        }
    }

    /**
     * A 2-D convolution over {@code (C, H, W)}; weights {@code [filters, C, kernel, kernel]}.
     *
     * @param filters output channels, at least 1
     * @param kernel the square kernel's side, at least 1
     * @param stride at least 1
     * @param padding {@link Padding#same()} or explicit
     * @param useBias whether a bias is added
     * @param spectralNorm whether the weight is divided by its largest singular value (Miyato et al.
     *     2018); the engine then keeps a vector {@code u} of {@code filters} values as non-trainable state
     */
    record Conv(int filters, int kernel, int stride, Padding padding, boolean useBias, boolean spectralNorm)
            implements Layer {
        /**
         * Checks every setting.
         *
         * @param filters output channels, at least 1
         * @param kernel the square kernel's side, at least 1
         * @param stride at least 1
         * @param padding {@link Padding#same()} or explicit
         * @param useBias whether a bias is added
         * @param spectralNorm whether the weight is divided by its largest singular value (Miyato et al.
         *     2018); the engine then keeps a vector {@code u} of {@code units} values as non-trainable state
         */
        public Conv {
            Checks.atLeast("conv filters", filters, 1);
            Checks.atLeast("conv kernel", kernel, 1);
            Checks.atLeast("conv stride", stride, 1);
            Checks.notNull("conv padding", padding);
        }

        /**
         * A convolution without spectral normalization, as before it existed.
         *
         * @param filters output channels, at least 1
         * @param kernel the square kernel's side, at least 1
         * @param stride at least 1
         * @param padding {@link Padding#same()} or explicit
         * @param useBias whether a bias is added
         */
        public Conv(int filters, int kernel, int stride, Padding padding, boolean useBias) {
            this(filters, kernel, stride, padding, useBias, false);
        }

        /**
         * Returns this layer with spectral normalization on or off.
         *
         * @param on whether the weight is spectrally normalised
         * @return this layer with spectral normalization on or off
         */
        public Conv withSpectralNorm(boolean on) {
            return new Conv(filters, kernel, stride, padding, useBias, on);
        }

        /**
         * Returns the resolved padding of one spatial axis of size {@code in}.
         *
         * @param in the input size along one spatial axis
         * @return the resolved padding of one spatial axis of size {@code in}
         */
        public Padding.Resolved resolvePadding(int in) {
            return padding.forConv(in, kernel, stride);
        }

        @Override
        public TensorShape outputShape(TensorShape in) {
            requireRank(this, in, 3, "reshape to (C, H, W) before it");
            return TensorShape.of(filters, outSize(in.dim(1), in), outSize(in.dim(2), in));
        }

        private int outSize(int size, TensorShape in) {
            Padding.Resolved p = resolvePadding(size);
            int out = (size + p.total() - kernel) / stride + 1;
            if (size + p.total() < kernel) {
                throw new IllegalArgumentException(
                        "Conv2D kernel " + kernel + " is larger than input " + in + " padded by "
                                + p.total() + "; use a smaller kernel or padding same");
            }
            return out;
        }

        @Override
        public long trainableParameterCount(TensorShape in) {
            return (long) filters * in.dim(0) * kernel * kernel + (useBias ? filters : 0);
        }

        /** Spectral normalization's {@code u}, one value per filter; otherwise 0. */
        @Override
        public long nonTrainableParameterCount(TensorShape in) {
            return spectralNorm ? filters : 0;
        }

        @Override
        public long forwardMacs(TensorShape in) {
            TensorShape out = outputShape(in);
            return (long) out.dim(1) * out.dim(2) * filters * in.dim(0) * kernel * kernel;
        }

        @Override
        public String kind() {
            return "Conv2D";
        }

        @Override
        public String settings() {
            return filters + ", k" + kernel + ", s" + stride + ", " + padding.describe()
                    + (useBias ? "" : ", no bias") + (spectralNorm ? ", sn" : "");
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitConv(this);
        }
    }

    /**
     * A 2-D transposed convolution with PyTorch's and ONNX's {@code ConvTranspose} semantics; weights
     * {@code [C, filters, kernel, kernel]}. Output size per axis: {@code (in - 1) * stride + kernel +
     * outputPadding - padBefore - padAfter}.
     *
     * @param filters output channels, at least 1
     * @param kernel the square kernel's side, at least 1
     * @param stride at least 1
     * @param padding {@link Padding#same()} (output {@code in * stride}) or explicit
     * @param outputPadding extra rows and columns at the end, in [0, stride)
     * @param useBias whether a bias is added
     * @param spectralNorm whether the weight is divided by its largest singular value (Miyato et al.
     *     2018); the engine then keeps a vector {@code u} of {@code filters} values as non-trainable state
     *     (PyTorch's {@code spectral_norm(dim=1)} for transposed convolutions: the matrix has one row
     *     per output channel, {@code [filters, C * kernel * kernel]})
     */
    record ConvTranspose(int filters, int kernel, int stride, Padding padding, int outputPadding, boolean useBias,
            boolean spectralNorm) implements Layer {
        /**
         * Checks every setting.
         *
         * @param filters output channels, at least 1
         * @param kernel the square kernel's side, at least 1
         * @param stride at least 1
         * @param padding {@link Padding#same()} or explicit
         * @param outputPadding extra rows and columns at the end, in [0, stride)
         * @param useBias whether a bias is added
         * @param spectralNorm whether the weight is divided by its largest singular value (Miyato et al.
         *     2018); the engine then keeps a vector {@code u} of {@code units} values as non-trainable state
         */
        public ConvTranspose {
            Checks.atLeast("convTranspose filters", filters, 1);
            Checks.atLeast("convTranspose kernel", kernel, 1);
            Checks.atLeast("convTranspose stride", stride, 1);
            Checks.notNull("convTranspose padding", padding);
            if (outputPadding < 0 || outputPadding >= stride) {
                throw new IllegalArgumentException(
                        "convTranspose outputPadding must be in [0, stride) = [0, " + stride + "), got "
                                + outputPadding);
            }
            // Resolving once here rejects impossible combinations (same with outputPadding) at build time.
            padding.forConvTranspose(1, kernel, stride, outputPadding);
        }

        /**
         * A transposed convolution without spectral normalization, as before it existed.
         *
         * @param filters output channels, at least 1
         * @param kernel the square kernel's side, at least 1
         * @param stride at least 1
         * @param padding {@link Padding#same()} or explicit
         * @param outputPadding extra rows and columns at the end, in [0, stride)
         * @param useBias whether a bias is added
         */
        public ConvTranspose(int filters, int kernel, int stride, Padding padding, int outputPadding, boolean useBias) {
            this(filters, kernel, stride, padding, outputPadding, useBias, false);
        }

        /**
         * Returns this layer with spectral normalization on or off.
         *
         * @param on whether the weight is spectrally normalised
         * @return this layer with spectral normalization on or off
         */
        public ConvTranspose withSpectralNorm(boolean on) {
            return new ConvTranspose(filters, kernel, stride, padding, outputPadding, useBias, on);
        }

        /**
         * Returns the resolved crop of one spatial axis of size {@code in}.
         *
         * @param in the input size along one spatial axis
         * @return the resolved crop of one spatial axis of size {@code in}
         */
        public Padding.Resolved resolvePadding(int in) {
            return padding.forConvTranspose(in, kernel, stride, outputPadding);
        }

        @Override
        public TensorShape outputShape(TensorShape in) {
            requireRank(this, in, 3, "reshape to (C, H, W) before it");
            return TensorShape.of(filters, outSize(in.dim(1), in), outSize(in.dim(2), in));
        }

        private int outSize(int size, TensorShape in) {
            Padding.Resolved p = resolvePadding(size);
            int out = (size - 1) * stride + kernel + outputPadding - p.total();
            if (out < 1) {
                throw new IllegalArgumentException(
                        "Conv2DTranspose padding " + p.total() + " leaves no output for input " + in
                                + "; use less padding");
            }
            return out;
        }

        @Override
        public long trainableParameterCount(TensorShape in) {
            return (long) in.dim(0) * filters * kernel * kernel + (useBias ? filters : 0);
        }

        /** Spectral normalization's {@code u}, one value per output channel; otherwise 0. */
        @Override
        public long nonTrainableParameterCount(TensorShape in) {
            return spectralNorm ? filters : 0;
        }

        @Override
        public long forwardMacs(TensorShape in) {
            // Every input pixel meets every tap once; products landing in the cropped border are
            // counted too, a small over-estimate.
            return (long) in.dim(1) * in.dim(2) * in.dim(0) * filters * kernel * kernel;
        }

        @Override
        public String kind() {
            return "Conv2DTranspose";
        }

        @Override
        public String settings() {
            return filters + ", k" + kernel + ", s" + stride + ", " + padding.describe()
                    + (outputPadding == 0 ? "" : ", outputPadding " + outputPadding)
                    + (useBias ? "" : ", no bias") + (spectralNorm ? ", sn" : "");
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitConvTranspose(this);
        }
    }

    /**
     * Nearest-neighbour upsampling of {@code (C, H, W)} by an integer factor.
     *
     * @param factor at least 1
     */
    record Upsample(int factor) implements Layer {
        /**
         * Checks the factor.
         *
         * @param factor at least 1
         */
        public Upsample {
            Checks.atLeast("upsample factor", factor, 1);
        }

        @Override
        public TensorShape outputShape(TensorShape in) {
            requireRank(this, in, 3, "reshape to (C, H, W) before it");
            return TensorShape.of(in.dim(0), in.dim(1) * factor, in.dim(2) * factor);
        }

        @Override
        public long trainableParameterCount(TensorShape in) {
            return 0;
        }

        @Override
        public String kind() {
            return "UpSampling2D";
        }

        @Override
        public String settings() {
            return "x" + factor;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitUpsample(this);
        }
    }

    /**
     * Drops activations with probability {@code rate} while training (scaling the rest by {@code 1 /
     * (1 - rate)}); the identity when generating and in exported models.
     *
     * @param rate in [0, 1)
     */
    record Dropout(float rate) implements Layer {
        /**
         * Checks the rate.
         *
         * @param rate in [0, 1)
         */
        public Dropout {
            if (!(rate >= 0f && rate < 1f)) {
                throw new IllegalArgumentException("dropout rate must be in [0, 1), got " + rate);
            }
        }

        @Override
        public TensorShape outputShape(TensorShape in) {
            return in;
        }

        @Override
        public long trainableParameterCount(TensorShape in) {
            return 0;
        }

        @Override
        public String kind() {
            return "Dropout";
        }

        @Override
        public String settings() {
            return "rate " + rate;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitDropout(this);
        }
    }

    private static void requireRank(Layer layer, TensorShape in, int rank, String advice) {
        if (in.rank() != rank) {
            throw new IllegalArgumentException(
                    layer.kind() + " needs an input of rank " + rank + ", got " + in + "; " + advice);
        }
    }
}
