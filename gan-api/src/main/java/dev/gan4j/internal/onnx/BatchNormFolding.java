package dev.gan4j.internal.onnx;

import dev.gan4j.spec.Layer;
import dev.gan4j.spec.LayerStack;
import dev.gan4j.spi.HostTensor;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Folds inference-mode BatchNorm into the weights of the dense, convolution or transposed convolution
 * before it: {@code y = s * (Wx + b - mean) + beta} with {@code s = gamma / sqrt(var + eps)} is the
 * linear layer with {@code W' = s * W} and {@code b' = s * (b - mean) + beta}, per output channel.
 *
 * <p>Reshapes between a dense layer and its BatchNorm are allowed (the Keras recipe's {@code Dense →
 * Reshape → BatchNorm}): a reshape keeps the NCHW element order, so dense unit {@code u} lands in
 * channel {@code u / (units / channels)}. A BatchNorm after anything else is left alone.
 */
final class BatchNormFolding {

    /**
     * The folded weights and which BatchNorm layers disappeared into them.
     *
     * @param weights every parameter by name; a folded layer's weight and bias replaced (a bias added
     *     where it had none)
     * @param folded the indices of the folded BatchNorm layers
     */
    record Result(Map<String, HostTensor> weights, Set<Integer> folded) {}

    private BatchNormFolding() {}

    /** Folds every BatchNorm of {@code stack} that follows a linear layer; {@code weights} is not changed. */
    static Result fold(LayerStack stack, Map<String, HostTensor> weights) {
        Map<String, HostTensor> out = new HashMap<>(weights);
        Set<Integer> folded = new HashSet<>();
        for (int i = 0; i < stack.layers().size(); i++) {
            if (!(stack.layers().get(i) instanceof Layer.BatchNorm)) {
                continue;
            }
            int j = i - 1;
            while (j >= 0 && stack.layers().get(j) instanceof Layer.Reshape) {
                j--;
            }
            if (j < 0 || folded.contains(j)) {
                continue;
            }
            Layer linear = stack.layers().get(j);
            boolean reshaped = j != i - 1;
            if (linear instanceof Layer.Dense || (!reshaped && (linear instanceof Layer.Conv || linear instanceof Layer.ConvTranspose))) {
                foldInto(stack, i, j, out);
                folded.add(i);
            }
        }
        return new Result(out, folded);
    }

    private static void foldInto(LayerStack stack, int bn, int linear, Map<String, HostTensor> weights) {
        Layer.BatchNorm norm = (Layer.BatchNorm) stack.layers().get(bn);
        String b = bn + ".";
        float[] gamma = weights.get(b + "gamma").values();
        float[] beta = weights.get(b + "beta").values();
        float[] mean = weights.get(b + "runningMean").values();
        float[] var = weights.get(b + "runningVar").values();
        int channels = gamma.length;
        double[] scale = new double[channels];
        for (int c = 0; c < channels; c++) {
            scale[c] = gamma[c] / Math.sqrt((double) var[c] + norm.epsilon());
        }

        String l = linear + ".";
        HostTensor weight = weights.get(l + "weight");
        float[] w = weight.values().clone();
        float[] bias = weights.containsKey(l + "bias") ? weights.get(l + "bias").values().clone() : null;
        Layer layer = stack.layers().get(linear);
        int outputs;
        // Where output unit o's weights sit in the flat weight array, and which channel it feeds.
        int blocks;
        int blockStride;
        int run;
        if (layer instanceof Layer.Dense) {
            outputs = ((Layer.Dense) layer).units();
            blocks = 1;
            run = w.length / outputs;
            blockStride = 0;
        } else if (layer instanceof Layer.Conv) {
            outputs = ((Layer.Conv) layer).filters();
            blocks = 1;
            run = w.length / outputs;
            blockStride = 0;
        } else {
            // [Cin, Cout, k, k]: output channel o owns the k*k run at o of every input channel's block.
            outputs = ((Layer.ConvTranspose) layer).filters();
            int k = ((Layer.ConvTranspose) layer).kernel();
            run = k * k;
            blocks = w.length / (outputs * run);
            blockStride = outputs * run;
        }
        int perChannel = outputs / channels;
        if (bias == null) {
            bias = new float[outputs];
        }
        for (int o = 0; o < outputs; o++) {
            int c = o / perChannel;
            double s = scale[c];
            for (int blk = 0; blk < blocks; blk++) {
                int start = blk * blockStride + o * run;
                for (int r = 0; r < run; r++) {
                    w[start + r] = (float) (w[start + r] * s);
                }
            }
            bias[o] = (float) ((bias[o] - (double) mean[c]) * s + beta[c]);
        }
        weights.put(l + "weight", new HostTensor(weight.name(), true, weight.shape(), w));
        weights.put(l + "bias", new HostTensor(l + "bias", true, new long[] {outputs}, bias));
    }
}
