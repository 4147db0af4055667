package dev.gan4j.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import dev.gan4j.train.GanLoss;

/** The GAN losses on discriminator logits, in numerically stable forms. */
final class Losses {

    private Losses() {}

    /** {@code log(1 + exp(x))}: torch's softplus, linear above 20, so it never overflows. */
    static NDArray softplus(NDArray x) {
        return Activation.softPlus(x);
    }

    /**
     * Mean binary cross-entropy of logits against per-example targets: {@code softplus(l) - l * t},
     * which equals {@code -t log s(l) - (1 - t) log(1 - s(l))}.
     */
    static NDArray binaryCrossEntropy(NDArray logits, NDArray targets) {
        return softplus(logits).sub(logits.mul(targets)).mean();
    }

    /** The generator's loss on the discriminator's logits for its images. */
    static NDArray generatorLoss(GanLoss loss, NDArray fakeLogits) {
        if (loss instanceof GanLoss.NonSaturating) {
            // -log s(l) = softplus(-l)
            return softplus(fakeLogits.neg()).mean();
        }
        if (loss instanceof GanLoss.Minimax) {
            // log(1 - s(l)) = -softplus(l)
            return softplus(fakeLogits).mean().neg();
        }
        throw new IllegalArgumentException("loss " + loss.name() + " is not supported by the DJL engine");
    }
}
