package dev.gan4j.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * Spectral normalization of one layer's weight (Miyato et al. 2018, "Spectral Normalization for
 * Generative Adversarial Networks"): the layer uses {@code W / σ(W)}, {@code σ} the largest singular
 * value of its weight matrix, estimated by power iteration with a persistent vector {@code u}.
 *
 * <p>A training forward pass runs one power iteration, as PyTorch's {@code
 * torch.nn.utils.spectral_norm} does: {@code v = normalize(Wᵀu)}, {@code u = normalize(Wv)}, {@code σ =
 * uᵀWv}, with {@code u} and {@code v} constants for the gradient, which flows through {@code W} in the
 * numerator and in {@code σ}. Since {@code u = Wv / ‖Wv‖}, {@code uᵀWv = ‖Wv‖}, and the gradient of
 * {@code ‖Wv‖} with respect to {@code W} is {@code u vᵀ}, the same as that of {@code uᵀWv} with
 * {@code u} held constant: so {@code σ} is computed as {@code ‖Wv‖}, which saves a product. The new
 * {@code u} replaces the stored one without a copy ({@code intern} hands its native tensor over).
 *
 * <p>An evaluation pass does not iterate: {@code σ = ‖Wᵀu‖} from the stored {@code u}, which is
 * {@code uᵀWv} for {@code v = normalize(Wᵀu)} (PyTorch keeps {@code v} too; we derive it, so the
 * state is {@code u} alone). The ONNX export folds the same {@code W / ‖Wᵀu‖} into the weights.
 *
 * <p>The weight matrix has one row per output unit, as PyTorch's: a dense weight {@code [out, in]} as
 * it is, a convolution's {@code [out, in, k, k]} as {@code [out, in·k·k]} (PyTorch's {@code dim=0}),
 * a transposed convolution's {@code [in, out, k, k]} as {@code [out, in·k·k]} (PyTorch's {@code
 * dim=1} for {@code ConvTranspose}), reached through batched products without copying the weight.
 */
final class SpectralNorm {

    /** PyTorch's {@code spectral_norm} default: the floor of a norm we divide by. */
    static final double EPSILON = 1e-12;

    private final NDArray u;
    private final boolean rowsSecond;

    /**
     * @param u the persistent vector, one value per output unit, updated by training passes
     * @param rowsSecond whether the weight's output units are its second axis (a transposed
     *     convolution's {@code [in, out, k, k]}) rather than its first
     */
    SpectralNorm(NDArray u, boolean rowsSecond) {
        this.u = u;
        this.rowsSecond = rowsSecond;
    }

    /**
     * Returns {@code w / σ}, attached to {@code manager} (the step's); in training, first moves {@code
     * u} one power iteration on.
     */
    NDArray normalized(NDArray w, NDManager manager, boolean training) {
        // An op's result lands in its receiver's manager: whatever is derived from a parameter (w, u)
        // is moved into the step's manager at once, never the parameter itself.
        NDArray matrix = view(w);
        if (matrix != w) {
            in(manager, matrix);
        }
        NDArray sigma;
        if (training) {
            NDArray constant = in(manager, w.stopGradient());
            NDArray wtu = in(manager, u.matMul(view(constant)));
            NDArray v = (rowsSecond ? wtu.reshape(-1) : wtu).normalize(2, 0, EPSILON);
            NDArray wv = in(manager, times(matrix, v));
            sigma = wv.norm();
            u.intern(wv.stopGradient().normalize(2, 0, EPSILON));
        } else {
            sigma = in(manager, u.matMul(matrix)).norm();
        }
        return in(manager, w.div(sigma));
    }

    /**
     * The weight as a matrix whose rows are output units, or for a transposed convolution as {@code
     * [in, out, k·k]}, whose product with {@code u} on the left is still {@code Wᵀu} (one {@code [out]}
     * by {@code [out, k·k]} product per input channel).
     */
    private NDArray view(NDArray w) {
        long rows = w.getShape().get(rowsSecond ? 1 : 0);
        if (rowsSecond) {
            return w.reshape(w.getShape().get(0), rows, -1);
        }
        return w.getShape().dimension() == 2 ? w : w.reshape(rows, -1);
    }

    /** {@code W v} for the flat {@code v}, one value per output unit. */
    private NDArray times(NDArray matrix, NDArray v) {
        if (!rowsSecond) {
            return matrix.matMul(v);
        }
        // [in, out, k·k] times [in, k·k, 1], summed over the input channels: [out].
        long in = matrix.getShape().get(0);
        return matrix.matMul(v.reshape(in, -1, 1)).sum(new int[] {0, 2});
    }

    /** Moves a fresh array derived from a parameter into {@code manager}, where ops on it then stay. */
    private static NDArray in(NDManager manager, NDArray array) {
        if (array.getManager() != manager) {
            array.attach(manager);
        }
        return array;
    }
}
