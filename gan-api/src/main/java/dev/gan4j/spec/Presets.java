package dev.gan4j.spec;

/**
 * Builders of the named architectures: {@code dcgan} (compact, fast on CPU) and {@code kerasDcgan}
 * (the Keras DCGAN reference recipe, layer for layer). Each takes the latent size, the image shape
 * and a width that scales every layer's channel count.
 */
public final class Presets {

    private Presets() {}

    /** Output shape checks shared by the generator presets: two stride-2 upsamplings need H, W % 4 == 0. */
    private static TensorShape imageShape(String preset, int channels, int height, int width) {
        TensorShape shape = TensorShape.of(channels, height, width).requireImage("outputShape");
        if (height % 4 != 0 || width % 4 != 0) {
            throw new IllegalArgumentException(
                    preset + " outputShape " + shape + " needs height and width divisible by 4 (two"
                            + " stride-2 upsamplings); for example (1, 28, 28) or (3, 32, 32)");
        }
        return shape;
    }

    /** The compact DCGAN generator. */
    public static final class DcganGenerator {
        private int latentDim = 100;
        private TensorShape outputShape = TensorShape.of(1, 28, 28);
        private int width = 64;

        private Conditioning conditioning = Conditioning.none();

        DcganGenerator() {}

        /**
         * Sets the latent size. Default 100.
         *
         * @param latentDim the latent size
         * @return this builder
         */
        public DcganGenerator latentDim(int latentDim) {
            Checks.atLeast("latentDim", latentDim, 1);
            this.latentDim = latentDim;
            return this;
        }

        /**
         * Sets the image shape: 1 to 4 channels (grey, grey and alpha, RGB, RGBA), height and width
         * divisible by 4. Default {@code (1, 28, 28)}.
         *
         * @param channels the channels, 1 to 4
         * @param height the height in pixels
         * @param width the width in pixels
         * @return this builder
         * @throws IllegalArgumentException if a dimension is below 1, there are more than 4 channels or
         *     a side is not divisible by 4
         */
        public DcganGenerator outputShape(int channels, int height, int width) {
            this.outputShape = imageShape("dcgan", channels, height, width);
            return this;
        }

        /**
         * Sets the channel count of the last hidden layer; the first has twice as many. Default 64.
         *
         * @param width the channel count
         * @return this builder
         */
        public DcganGenerator width(int width) {
            Checks.atLeast("width", width, 1);
            this.width = width;
            return this;
        }

        /**
         * Makes the generator class-conditional on {@code classes} classes: {@link
         * Conditioning#labelEmbedding labelEmbedding(classes, 50)}, the label's embedding concatenated
         * after z. Unconditional by default.
         *
         * @param classes the number of classes, at least 2
         * @return this builder
         * @throws IllegalArgumentException if {@code classes < 2}
         */
        public DcganGenerator conditional(int classes) {
            this.conditioning = Conditioning.labelEmbedding(classes, Conditioning.DEFAULT_EMBEDDING_DIM);
            return this;
        }

        /**
         * Sets how the generator takes a class label. Default {@link Conditioning#none()}.
         *
         * @param conditioning how the network takes a class label
         * @return this builder
         * @throws IllegalArgumentException if {@code conditioning} is null or a discriminator's scheme
         */
        public DcganGenerator conditioning(Conditioning conditioning) {
            GeneratorSpec.builder().conditioning(conditioning);
            this.conditioning = conditioning;
            return this;
        }

        /**
         * Builds the spec.
         *
         * @return the spec
         */
        public GeneratorSpec build() {
            int h = outputShape.dim(1) / 4;
            int w = outputShape.dim(2) / 4;
            // Biases before BatchNorm are cancelled by its mean subtraction: leave them out (DCGAN paper).
            return GeneratorSpec.builder().recipe("dcgan").latentDim(latentDim).conditioning(conditioning)
                    .dense(2 * width * h * w, false).reshape(2 * width, h, w).batchNorm().relu()
                    .convTranspose(width, 4, 2, Padding.same(), 0, false).batchNorm().relu()
                    .convTranspose(outputShape.dim(0), 4, 2, Padding.same()).tanh()
                    .build();
        }
    }

    /** The compact DCGAN discriminator. */
    public static final class DcganDiscriminator {
        private TensorShape inputShape = TensorShape.of(1, 28, 28);
        private int width = 64;
        private float dropout = 0f;
        private Boolean batchNorm;
        private boolean spectralNorm;

        private Conditioning conditioning = Conditioning.none();

        DcganDiscriminator() {}

        /**
         * Sets the image shape: 1 to 4 channels (grey, grey and alpha, RGB, RGBA). Default {@code (1, 28,
         * 28)}.
         *
         * @param channels the channels, 1 to 4
         * @param height the height in pixels
         * @param width the width in pixels
         * @return this builder
         * @throws IllegalArgumentException if a dimension is below 1 or there are more than 4 channels
         */
        public DcganDiscriminator inputShape(int channels, int height, int width) {
            this.inputShape = TensorShape.of(channels, height, width).requireImage("inputShape");
            return this;
        }

        /**
         * Sets the channel count of the first convolution; the second has twice as many. Default 64.
         *
         * @param width the channel count
         * @return this builder
         */
        public DcganDiscriminator width(int width) {
            Checks.atLeast("width", width, 1);
            this.width = width;
            return this;
        }

        /**
         * Sets the dropout rate after each convolution's activation; 0 means no dropout layers. Default 0.
         *
         * @param rate in [0, 1)
         * @return this builder
         */
        public DcganDiscriminator dropout(double rate) {
            this.dropout = new Layer.Dropout((float) rate).rate();
            return this;
        }

        /**
         * Sets whether the second convolution is batch-normalised (never the first, which sees the
         * images: Radford et al.). Default true, or false with {@link #spectralNorm(boolean)} on. The
         * engine then shows the discriminator real and fake images in separate batches, as
         * pytorch/examples' DCGAN does.
         *
         * @param batchNorm whether the second convolution is batch-normalised
         * @return this builder
         */
        public DcganDiscriminator batchNorm(boolean batchNorm) {
            this.batchNorm = batchNorm;
            return this;
        }

        /**
         * Sets whether every convolution and the dense layer are spectrally normalised (Miyato et al.
         * 2018), SNGAN's discriminator. Default false. With it on, the BatchNorm is left out unless
         * {@link #batchNorm(boolean)} asks for it explicitly: SNGAN's discriminator has none, the
         * normalization already bounds each layer's Lipschitz constant, and without BatchNorm the
         * discriminator sees real and fake images in one batch (one power iteration per pass).
         *
         * @param spectralNorm whether the layers are spectrally normalised
         * @return this builder
         */
        public DcganDiscriminator spectralNorm(boolean spectralNorm) {
            this.spectralNorm = spectralNorm;
            return this;
        }

        /**
         * Makes the discriminator class-conditional on {@code classes} classes: {@link
         * Conditioning#projection projection(classes)} on the features entering the last dense(1)
         * (Miyato &amp; Koyama 2018). Unconditional by default.
         *
         * @param classes the number of classes, at least 2
         * @return this builder
         * @throws IllegalArgumentException if {@code classes < 2}
         */
        public DcganDiscriminator conditional(int classes) {
            this.conditioning = Conditioning.projection(classes);
            return this;
        }

        /**
         * Sets how the discriminator takes a class label. Default {@link Conditioning#none()}.
         *
         * @param conditioning how the network takes a class label
         * @return this builder
         * @throws IllegalArgumentException if {@code conditioning} is null or a generator's scheme
         */
        public DcganDiscriminator conditioning(Conditioning conditioning) {
            DiscriminatorSpec.builder().conditioning(conditioning);
            this.conditioning = conditioning;
            return this;
        }

        /**
         * Builds the spec.
         *
         * @return the spec
         */
        public DiscriminatorSpec build() {
            boolean batchNorm = this.batchNorm != null ? this.batchNorm : !spectralNorm;
            DiscriminatorSpec.Builder b = DiscriminatorSpec.builder().recipe("dcgan").inputShape(inputShape).conditioning(conditioning)
                    .spectralNormAll(spectralNorm);
            b.conv(width, 4, 2, Padding.same()).leakyRelu(0.2f);
            if (dropout > 0) {
                b.dropout(dropout);
            }
            // A bias before BatchNorm is cancelled by its mean subtraction.
            b.conv(2 * width, 4, 2, Padding.same(), !batchNorm);
            if (batchNorm) {
                b.batchNorm();
            }
            b.leakyRelu(0.2f);
            if (dropout > 0) {
                b.dropout(dropout);
            }
            return b.flatten().dense(1).build();
        }
    }

    /** The Keras DCGAN reference generator. */
    public static final class KerasDcganGenerator {
        private int latentDim = 100;
        private TensorShape outputShape = TensorShape.of(1, 28, 28);
        private int width = 512;

        private Conditioning conditioning = Conditioning.none();

        KerasDcganGenerator() {}

        /**
         * Sets the latent size. Default 100.
         *
         * @param latentDim the latent size
         * @return this builder
         */
        public KerasDcganGenerator latentDim(int latentDim) {
            Checks.atLeast("latentDim", latentDim, 1);
            this.latentDim = latentDim;
            return this;
        }

        /**
         * Sets the image shape: 1 to 4 channels (grey, grey and alpha, RGB, RGBA), height and width
         * divisible by 4. Default {@code (1, 28, 28)}.
         *
         * @param channels the channels, 1 to 4
         * @param height the height in pixels
         * @param width the width in pixels
         * @return this builder
         * @throws IllegalArgumentException if a dimension is below 1, there are more than 4 channels or
         *     a side is not divisible by 4
         */
        public KerasDcganGenerator outputShape(int channels, int height, int width) {
            this.outputShape = imageShape("kerasDcgan", channels, height, width);
            return this;
        }

        /**
         * Sets the channels after the dense layer; the transposed convolutions have w/2 and w/4. Default 512.
         *
         * @param width the channel count
         * @return this builder
         */
        public KerasDcganGenerator width(int width) {
            Checks.atLeast("width", width, 4);
            this.width = width;
            return this;
        }

        /**
         * Makes the generator class-conditional on {@code classes} classes: {@link
         * Conditioning#labelEmbedding labelEmbedding(classes, 50)}, the label's embedding concatenated
         * after z. Unconditional by default.
         *
         * @param classes the number of classes, at least 2
         * @return this builder
         * @throws IllegalArgumentException if {@code classes < 2}
         */
        public KerasDcganGenerator conditional(int classes) {
            this.conditioning = Conditioning.labelEmbedding(classes, Conditioning.DEFAULT_EMBEDDING_DIM);
            return this;
        }

        /**
         * Sets how the generator takes a class label. Default {@link Conditioning#none()}.
         *
         * @param conditioning how the network takes a class label
         * @return this builder
         * @throws IllegalArgumentException if {@code conditioning} is null or a discriminator's scheme
         */
        public KerasDcganGenerator conditioning(Conditioning conditioning) {
            GeneratorSpec.builder().conditioning(conditioning);
            this.conditioning = conditioning;
            return this;
        }

        /**
         * Builds the spec.
         *
         * @return the spec
         */
        public GeneratorSpec build() {
            int h = outputShape.dim(1) / 4;
            int w = outputShape.dim(2) / 4;
            return GeneratorSpec.builder().recipe("kerasDcgan").latentDim(latentDim).conditioning(conditioning)
                    .dense(width * h * w).reshape(width, h, w).batchNorm().leakyRelu(0.2f)
                    .convTranspose(width / 2, 3, 2, Padding.same()).leakyRelu(0.2f)
                    .convTranspose(width / 4, 4, 2, Padding.same()).batchNorm().leakyRelu(0.2f)
                    .conv(outputShape.dim(0), 5, 1, Padding.same()).tanh()
                    .build();
        }
    }

    /** The Keras DCGAN reference discriminator. */
    public static final class KerasDcganDiscriminator {
        private TensorShape inputShape = TensorShape.of(1, 28, 28);
        private int width = 512;
        private float dropout = 0.3f;
        private boolean spectralNorm;

        private Conditioning conditioning = Conditioning.none();

        KerasDcganDiscriminator() {}

        /**
         * Sets the image shape: 1 to 4 channels (grey, grey and alpha, RGB, RGBA). Default {@code (1, 28,
         * 28)}.
         *
         * @param channels the channels, 1 to 4
         * @param height the height in pixels
         * @param width the width in pixels
         * @return this builder
         * @throws IllegalArgumentException if a dimension is below 1 or there are more than 4 channels
         */
        public KerasDcganDiscriminator inputShape(int channels, int height, int width) {
            this.inputShape = TensorShape.of(channels, height, width).requireImage("inputShape");
            return this;
        }

        /**
         * Sets the first convolution's filters; the next have w/2 and w/4. Default 512.
         *
         * @param width the channel count
         * @return this builder
         */
        public KerasDcganDiscriminator width(int width) {
            Checks.atLeast("width", width, 4);
            this.width = width;
            return this;
        }

        /**
         * Sets the dropout rate after each convolution. Default 0.3, as the recipe.
         *
         * @param rate in [0, 1)
         * @return this builder
         */
        public KerasDcganDiscriminator dropout(double rate) {
            this.dropout = new Layer.Dropout((float) rate).rate();
            return this;
        }

        /**
         * Sets whether every convolution and the dense layer are spectrally normalised (Miyato et al.
         * 2018). Default false.
         *
         * @param spectralNorm whether the layers are spectrally normalised
         * @return this builder
         */
        public KerasDcganDiscriminator spectralNorm(boolean spectralNorm) {
            this.spectralNorm = spectralNorm;
            return this;
        }

        /**
         * Makes the discriminator class-conditional on {@code classes} classes: {@link
         * Conditioning#projection projection(classes)} on the features entering the last dense(1)
         * (Miyato &amp; Koyama 2018). Unconditional by default.
         *
         * @param classes the number of classes, at least 2
         * @return this builder
         * @throws IllegalArgumentException if {@code classes < 2}
         */
        public KerasDcganDiscriminator conditional(int classes) {
            this.conditioning = Conditioning.projection(classes);
            return this;
        }

        /**
         * Sets how the discriminator takes a class label. Default {@link Conditioning#none()}.
         *
         * @param conditioning how the network takes a class label
         * @return this builder
         * @throws IllegalArgumentException if {@code conditioning} is null or a generator's scheme
         */
        public KerasDcganDiscriminator conditioning(Conditioning conditioning) {
            DiscriminatorSpec.builder().conditioning(conditioning);
            this.conditioning = conditioning;
            return this;
        }

        /**
         * Builds the spec.
         *
         * @return the spec
         */
        public DiscriminatorSpec build() {
            return DiscriminatorSpec.builder().recipe("kerasDcgan").inputShape(inputShape).conditioning(conditioning).spectralNormAll(spectralNorm)
                    .conv(width, 5, 2, Padding.same()).leakyRelu(0.2f).dropout(dropout)
                    .conv(width / 2, 3, 2, Padding.same()).leakyRelu(0.2f).dropout(dropout)
                    .conv(width / 4, 3, 1, Padding.same()).leakyRelu(0.2f).dropout(dropout)
                    .flatten().dense(1)
                    .build();
        }
    }
}
