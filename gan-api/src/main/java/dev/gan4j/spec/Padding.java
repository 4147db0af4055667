package dev.gan4j.spec;

/**
 * How a convolution pads its input: {@link #same()} as Keras and TensorFlow do it, or an explicit
 * number of pixels on every side, as PyTorch and ONNX write it.
 *
 * <p>Every padding resolves to a {@link Resolved} amount before and after each spatial axis, which is
 * what the engine and the ONNX export use.
 */
public sealed interface Padding permits Padding.Same, Padding.Explicit {

    /**
     * TensorFlow's {@code "same"}: a convolution's output is {@code ceil(in / stride)}, a transposed
     * convolution's {@code in * stride}; the odd pixel of padding, if any, goes after (bottom, right).
     *
     * @return TensorFlow's {@code "same"} padding
     */
    static Padding same() {
        return Same.INSTANCE;
    }

    /**
     * No padding ({@code "valid"}).
     *
     * @return no padding
     */
    static Padding valid() {
        return new Explicit(0);
    }

    /**
     * Pads {@code pixels} on every side, as PyTorch's {@code padding=pixels}.
     *
     * @param pixels the pixels before and after each spatial axis
     * @return a padding of {@code pixels} on every side
     * @throws IllegalArgumentException if {@code pixels < 0}
     */
    static Padding of(int pixels) {
        return new Explicit(pixels);
    }

    /**
     * Resolves this padding for one spatial axis of a convolution.
     *
     * @param in the input size along the axis
     * @param kernel the kernel size
     * @param stride the stride
     * @return the pixels before and after
     */
    Resolved forConv(int in, int kernel, int stride);

    /**
     * Resolves this padding for one spatial axis of a transposed convolution: the pixels cropped from
     * the start and the end of the full output {@code (in - 1) * stride + kernel + outputPadding}.
     *
     * @param in the input size along the axis
     * @param kernel the kernel size
     * @param stride the stride
     * @param outputPadding extra rows and columns at the end, in [0, stride)
     * @return the pixels cropped before and after
     */
    Resolved forConvTranspose(int in, int kernel, int stride, int outputPadding);

    /**
     * The padding as written in a summary: {@code same} or the pixel count.
     *
     * @return the padding as written in a summary: {@code same} or the pixel count
     */
    String describe();

    /** Pixels before and after one spatial axis. */
    record Resolved(int before, int after) {
        /**
         * Checks both amounts are non-negative.
         *
         * @param before the pixels cropped before the axis's first output
         * @param after the pixels cropped after its last output
         */
        public Resolved {
            if (before < 0 || after < 0) {
                throw new IllegalArgumentException(
                        "padding must be >= 0, got before=" + before + ", after=" + after);
            }
        }

        /**
         * Returns {@code true} when as much is padded before as after.
         *
         * @return {@code true} when as much is padded before as after
         */
        public boolean symmetric() {
            return before == after;
        }

        /**
         * Returns the total padding.
         *
         * @return the total padding
         */
        public int total() {
            return before + after;
        }
    }

    /** TensorFlow's {@code "same"} padding. */
    final class Same implements Padding {
        private static final Same INSTANCE = new Same();

        private Same() {}

        @Override
        public Resolved forConv(int in, int kernel, int stride) {
            int out = (in + stride - 1) / stride;
            int total = Math.max((out - 1) * stride + kernel - in, 0);
            return new Resolved(total / 2, total - total / 2);
        }

        @Override
        public Resolved forConvTranspose(int in, int kernel, int stride, int outputPadding) {
            // The transposed convolution is the gradient of a "same" convolution from in*stride to in;
            // its crop is that convolution's padding, with the output padding taken from the end.
            if (kernel < stride) {
                throw new IllegalArgumentException(
                        "padding same needs kernel >= stride for a transposed convolution, got kernel "
                                + kernel + " and stride " + stride
                                + "; use Padding.of(p) with an outputPadding instead");
            }
            if (outputPadding != 0) {
                throw new IllegalArgumentException(
                        "padding same fixes the output at in * stride, so outputPadding must be 0, got "
                                + outputPadding + "; use Padding.of(p) to combine them");
            }
            int total = kernel - stride;
            return new Resolved(total / 2, total - total / 2);
        }

        @Override
        public String describe() {
            return "same";
        }

        @Override
        public String toString() {
            return "Padding.same()";
        }
    }

    /**
     * The same number of pixels on every side, as PyTorch's {@code padding=n}.
     *
     * @param pixels the pixels before and after each spatial axis
     */
    record Explicit(int pixels) implements Padding {
        /**
         * Checks that {@code pixels >= 0}.
         *
         * @param pixels the pixels before and after each spatial axis
         */
        public Explicit {
            if (pixels < 0) {
                throw new IllegalArgumentException("padding must be >= 0, got " + pixels);
            }
        }

        @Override
        public Resolved forConv(int in, int kernel, int stride) {
            return new Resolved(pixels, pixels);
        }

        @Override
        public Resolved forConvTranspose(int in, int kernel, int stride, int outputPadding) {
            return new Resolved(pixels, pixels);
        }

        @Override
        public String describe() {
            return Integer.toString(pixels);
        }
    }
}
