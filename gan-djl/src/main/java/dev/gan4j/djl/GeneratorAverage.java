package dev.gan4j.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.gan4j.spi.HostTensor;
import java.util.List;

/**
 * An exponential moving average of the generator's weights (Yazıcı et al., 2019), kept on the
 * training device. Updated after each generator step, outside gradient recording; BatchNorm running
 * statistics are copied from the trained generator when the average is read.
 */
final class GeneratorAverage {

    private final Network live;
    private final Network average;
    private final double decay;
    private long updates;

    GeneratorAverage(Network live, NDManager manager, double decay) {
        this.live = live;
        this.decay = decay;
        this.average = live.copyTo(manager);
    }

    /** Folds the current weights in: {@code avg = d * avg + (1 - d) * w}, {@code d} warmed up. */
    void update() {
        updates++;
        // TensorFlow's ExponentialMovingAverage warm-up: the random start is forgotten within steps.
        float d = (float) Math.min(decay, (1.0 + updates) / (10.0 + updates));
        List<Param> weights = live.params();
        List<Param> averages = average.params();
        for (int i = 0; i < weights.size(); i++) {
            if (weights.get(i).trainable()) {
                try (NDArray scaled = weights.get(i).array().mul(1f - d)) {
                    averages.get(i).array().muli(d).addi(scaled);
                }
            }
        }
    }

    /** Returns the averaged network, with the trained generator's BatchNorm statistics. */
    Network synced() {
        List<Param> weights = live.params();
        List<Param> averages = average.params();
        for (int i = 0; i < weights.size(); i++) {
            if (!weights.get(i).trainable()) {
                weights.get(i).array().copyTo(averages.get(i).array());
            }
        }
        return average;
    }

    /** The updates folded in so far, on which the warm-up depends. */
    long updates() {
        return updates;
    }

    /**
     * Copies the averaged weights to the host, for a checkpoint; synced first, so that what is saved
     * does not depend on when the average was last read.
     */
    List<HostTensor> state() {
        return HostTensors.ofAll(synced().params());
    }

    /**
     * Continues from a checkpoint's average: its weights and update count.
     *
     * @throws IllegalArgumentException if the weights do not match the generator's by name and shape
     */
    void load(List<HostTensor> weights, long updateCount) {
        List<Param> averages = average.params();
        if (weights.size() != averages.size() || updateCount < 0) {
            throw new IllegalArgumentException("generator average holds " + weights.size() + " weights after "
                    + updateCount + " updates; the generator has " + averages.size() + " parameters");
        }
        for (int i = 0; i < averages.size(); i++) {
            HostTensor w = weights.get(i);
            Param p = averages.get(i);
            if (!HostTensors.fits(w, p)) {
                throw new IllegalArgumentException("generator average holds " + w.name() + " " + new Shape(w.shape())
                        + " where the generator has " + p.name() + " " + p.array().getShape());
            }
        }
        for (int i = 0; i < averages.size(); i++) {
            HostTensors.copyInto(weights.get(i), averages.get(i).array());
        }
        this.updates = updateCount;
    }
}
