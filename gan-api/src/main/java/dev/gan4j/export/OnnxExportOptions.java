package dev.gan4j.export;

import java.util.Objects;

/**
 * How {@link dev.gan4j.train.TrainedGan#exportOnnx(java.nio.file.Path, OnnxExportOptions)} writes a
 * generator. Immutable; {@link #defaults()} gives opset 17, a dynamic batch dimension, images in the
 * trained range [-1, 1] and BatchNorm folded into the preceding weights.
 *
 * <pre>{@code
 * gan.exportOnnx(Path.of("generator.onnx"),
 *         OnnxExportOptions.builder().opset(13).fixedBatchSize(64).outputRange(OutputRange.UNIT).build());
 * }</pre>
 */
public final class OnnxExportOptions {

    /** The lowest opset written: ONNX 1.8, onnxruntime 1.6 and later. */
    public static final int MIN_OPSET = 13;

    /**
     * The highest opset written: the newest that Debian's onnx 1.12 checker, which validates every
     * export in our tests, knows.
     */
    public static final int MAX_OPSET = 17;

    /** The default opset. */
    public static final int DEFAULT_OPSET = 17;

    /** The range of the exported {@code image} output. */
    public enum OutputRange {
        /** As trained: the generator's {@code tanh} range, [-1, 1]. */
        TRAINED("[-1, 1]"),
        /** Rescaled to [0, 1] inside the graph ({@code (x + 1) / 2}), ready to multiply by 255. */
        UNIT("[0, 1]");

        private final String interval;

        OutputRange(String interval) {
            this.interval = interval;
        }

        /**
         * Returns the interval as written into the model's metadata, e.g. {@code [0, 1]}.
         *
         * @return the interval as written into the model's metadata
         */
        public String interval() {
            return interval;
        }
    }

    /** How BatchNorm layers, with their running statistics, appear in the graph. */
    public enum BatchNormExport {
        /**
         * Folded into the weights and bias of the dense, convolution or transposed convolution right
         * before it, where there is one (a BatchNorm elsewhere becomes a node): fewer nodes, faster.
         */
        FOLD,
        /** One {@code BatchNormalization} node per layer, with the running statistics as inputs. */
        NODES
    }

    private final int opset;
    private final int fixedBatchSize;
    private final OutputRange outputRange;
    private final BatchNormExport batchNorm;

    private OnnxExportOptions(Builder b) {
        this.opset = b.opset;
        this.fixedBatchSize = b.fixedBatchSize;
        this.outputRange = b.outputRange;
        this.batchNorm = b.batchNorm;
    }

    /**
     * Returns the default options.
     *
     * @return the default options
     */
    public static OnnxExportOptions defaults() {
        return builder().build();
    }

    /**
     * Returns a builder holding the defaults.
     *
     * @return this builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the ONNX opset of the default domain, in [{@value #MIN_OPSET}, {@value #MAX_OPSET}].
     *
     * @return the ONNX opset of the default domain, in [{@value #MIN_OPSET}, {@value #MAX_OPSET}]
     */
    public int opset() {
        return opset;
    }

    /**
     * Returns whether the batch dimension is dynamic ({@code batch}) rather than fixed.
     *
     * @return whether the batch dimension is dynamic ({@code batch}) rather than fixed
     */
    public boolean dynamicBatch() {
        return fixedBatchSize == 0;
    }

    /**
     * Returns the fixed batch size, or 0 for a dynamic batch dimension.
     *
     * @return the fixed batch size, or 0 for a dynamic batch dimension
     */
    public int fixedBatchSize() {
        return fixedBatchSize;
    }

    /**
     * Returns the range of the {@code image} output.
     *
     * @return the range of the {@code image} output
     */
    public OutputRange outputRange() {
        return outputRange;
    }

    /**
     * Returns how BatchNorm layers are exported.
     *
     * @return how BatchNorm layers are exported
     */
    public BatchNormExport batchNorm() {
        return batchNorm;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OnnxExportOptions
                && ((OnnxExportOptions) o).opset == opset
                && ((OnnxExportOptions) o).fixedBatchSize == fixedBatchSize
                && ((OnnxExportOptions) o).outputRange == outputRange
                && ((OnnxExportOptions) o).batchNorm == batchNorm;
    }

    @Override
    public int hashCode() {
        return Objects.hash(opset, fixedBatchSize, outputRange, batchNorm);
    }

    @Override
    public String toString() {
        return "OnnxExportOptions[opset " + opset + ", batch " + (dynamicBatch() ? "dynamic" : fixedBatchSize)
                + ", output " + outputRange.interval() + ", batchNorm " + batchNorm + "]";
    }

    /** Builds {@link OnnxExportOptions}; each setter checks its value at once. */
    public static final class Builder {
        private int opset = DEFAULT_OPSET;
        private int fixedBatchSize = 0;
        private OutputRange outputRange = OutputRange.TRAINED;
        private BatchNormExport batchNorm = BatchNormExport.FOLD;

        private Builder() {}

        /**
         * Sets the opset; default {@value #DEFAULT_OPSET}. Lower opsets load in older runtimes; the
         * graph is the same for every supported opset.
         *
         * @param opset the opset of the default domain
         * @return this builder
         * @throws IllegalArgumentException if outside [{@value #MIN_OPSET}, {@value #MAX_OPSET}]
         */
        public Builder opset(int opset) {
            if (opset < MIN_OPSET || opset > MAX_OPSET) {
                throw new IllegalArgumentException(
                        "opset must be in [" + MIN_OPSET + ", " + MAX_OPSET + "], got " + opset);
            }
            this.opset = opset;
            return this;
        }

        /**
         * Makes the batch dimension dynamic, named {@code batch}: the default.
         *
         * @return this builder
         */
        public Builder dynamicBatch() {
            this.fixedBatchSize = 0;
            return this;
        }

        /**
         * Fixes the batch dimension, for runtimes or accelerators that want static shapes; default
         * dynamic.
         *
         * @param batchSize the fixed batch size, at least 1
         * @return this builder
         * @throws IllegalArgumentException if {@code batchSize < 1}
         */
        public Builder fixedBatchSize(int batchSize) {
            if (batchSize < 1) {
                throw new IllegalArgumentException("fixedBatchSize must be >= 1, got " + batchSize);
            }
            this.fixedBatchSize = batchSize;
            return this;
        }

        /**
         * Sets the output range; default {@link OutputRange#TRAINED}.
         *
         * @param range the output range
         * @return this builder
         */
        public Builder outputRange(OutputRange range) {
            this.outputRange = Objects.requireNonNull(range, "outputRange");
            return this;
        }

        /**
         * Sets how BatchNorm is exported; default {@link BatchNormExport#FOLD}.
         *
         * @param batchNorm how BatchNorm is exported
         * @return this builder
         */
        public Builder batchNorm(BatchNormExport batchNorm) {
            this.batchNorm = Objects.requireNonNull(batchNorm, "batchNorm");
            return this;
        }

        /**
         * Returns the options.
         *
         * @return the options
         */
        public OnnxExportOptions build() {
            return new OnnxExportOptions(this);
        }
    }
}
