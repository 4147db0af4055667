package dev.gan4j.internal.onnx;

import dev.gan4j.spec.Layer;
import dev.gan4j.spec.LayerStack;
import dev.gan4j.spi.HostTensor;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Folds spectral normalization (Miyato et al. 2018) into the weights: each spectrally normalised
 * layer's weight {@code W} becomes {@code W / σ} with {@code σ = ‖Wᵀu‖} from its saved vector {@code
 * u}, what the engine's inference forward pass computes (it does not iterate outside training). The
 * exported graph then needs no node for it, as with folded BatchNorm.
 *
 * <p>The weight matrix has one row per output unit, PyTorch's view: {@code [out, in]} for a dense
 * layer, {@code [out, in·k·k]} for a convolution ({@code [out, in, k, k]}) and, for a transposed
 * convolution ({@code [in, out, k, k]}), the output channels of axis 1 as rows (PyTorch's {@code
 * dim=1}).
 */
public final class SpectralNormFolding {

    private SpectralNormFolding() {}

    /**
     * Returns {@code weights} with every spectrally normalised layer's {@code <i>.weight} divided by its
     * {@code σ}; {@code weights} is not changed.
     *
     * @param stack the network's layers with their shapes
     * @param weights every parameter by name; a folded layer's weight and bias replaced (a bias added where
     *     it had none)
     * @return {@code weights} with every spectrally normalised layer's {@code <i>.weight} divided by its
     *     {@code σ}; {@code weights} is not changed
     * @throws IllegalStateException if a normalised layer's weight or {@code <i>.spectralU} is missing
     */
    public static Map<String, HostTensor> fold(LayerStack stack, Map<String, HostTensor> weights) {
        Map<String, HostTensor> out = new HashMap<>(weights);
        List<Layer> layers = stack.layers();
        for (int i = 0; i < layers.size(); i++) {
            Layer layer = layers.get(i);
            if (!layer.spectralNorm()) {
                continue;
            }
            HostTensor weight = required(weights, i + ".weight");
            float[] u = required(weights, i + ".spectralU").values();
            boolean rowsSecond = layer instanceof Layer.ConvTranspose;
            double sigma = sigma(weight.shape(), weight.values(), u, rowsSecond);
            float[] w = weight.values();
            float[] normalised = new float[w.length];
            for (int k = 0; k < w.length; k++) {
                normalised[k] = (float) (w[k] / sigma);
            }
            out.put(i + ".weight", new HostTensor(weight.name(), weight.trainable(), weight.shape(), normalised));
        }
        return out;
    }

    /**
     * Returns {@code ‖Wᵀu‖} in double precision, {@code W} the weight of {@code shape} as a matrix with
     * one row per output unit: axis 0, or axis 1 when {@code rowsSecond}.
     *
     * @param shape the weight's shape, PyTorch layout
     * @param w the weight's values, row-major
     * @param u the power iteration's left vector
     * @param rowsSecond whether the weight's rows are its second dimension (a transposed convolution) rather than its first
     * @return {@code ‖Wᵀu‖} in double precision, {@code W} the weight of {@code shape} as a matrix with one
     *     row per output unit: axis 0, or axis 1 when {@code rowsSecond}
     */
    public static double sigma(long[] shape, float[] w, float[] u, boolean rowsSecond) {
        int rows = Math.toIntExact(shape[rowsSecond ? 1 : 0]);
        if (u.length != rows) {
            throw new IllegalStateException(
                    "spectral normalization's u has " + u.length + " values for a weight with " + rows + " rows");
        }
        // [blocks, rows, run]: a dense or convolution weight is one block of rows of length in·k·k; a
        // transposed convolution's is one block per input channel, rows of length k·k.
        int blocks = rowsSecond ? Math.toIntExact(shape[0]) : 1;
        int run = w.length / (blocks * rows);
        double squares = 0;
        for (int b = 0; b < blocks; b++) {
            for (int r = 0; r < run; r++) {
                double sum = 0;
                for (int o = 0; o < rows; o++) {
                    sum += (double) u[o] * w[(b * rows + o) * run + r];
                }
                squares += sum * sum;
            }
        }
        return Math.sqrt(squares);
    }

    private static HostTensor required(Map<String, HostTensor> weights, String name) {
        HostTensor t = weights.get(name);
        if (t == null) {
            throw new IllegalStateException("no weights for parameter " + name);
        }
        return t;
    }
}
