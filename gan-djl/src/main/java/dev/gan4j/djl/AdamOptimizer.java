package dev.gan4j.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.gan4j.spi.HostTensor;
import dev.gan4j.spi.OptimizerState;
import dev.gan4j.train.Adam;
import dev.gan4j.train.LearningRateSchedule;
import java.util.ArrayList;
import java.util.List;

/**
 * Adam for one network's trainable parameters, holding its own state: per parameter the first and
 * second moments and the step count, which a checkpoint saves and restores (DJL's {@code Adam} keeps
 * them private). Each update is still one fused native call per parameter: DJL's own Adam kernel
 * ({@code NDArrayEx.adamUpdate}), handed our moment arrays, which also zeroes the gradient. Its
 * formulation is Keras's: the bias correction folded into the step size, epsilon added to the root of
 * the raw second moment; the arithmetic is DJL's Adam's to the bit. A {@link LearningRateSchedule}
 * scales the learning rate per update on the host, from the step count the checkpoint saves: no
 * device work, and a resumed run continues the schedule exactly.
 */
final class AdamOptimizer {

    private final float learningRate;
    private final LearningRateSchedule schedule;
    private final long totalUpdates;
    private final float beta1;
    private final float beta2;
    private final float epsilon;
    private final List<Param> params;
    private final List<NDArray> means;
    private final List<NDArray> variances;
    private final long[] steps;

    /**
     * Creates zero moments for every trainable parameter of {@code network}, in {@code manager}.
     *
     * @param totalUpdates the updates of the run, over which the schedule runs; at least 1
     */
    AdamOptimizer(Adam spec, Network network, NDManager manager, long totalUpdates) {
        // DJL's Adam holds its settings as floats: so do we, for the same arithmetic.
        this.learningRate = (float) spec.learningRate();
        this.schedule = spec.schedule();
        this.totalUpdates = Math.max(1, totalUpdates);
        this.beta1 = (float) spec.beta1();
        this.beta2 = (float) spec.beta2();
        this.epsilon = (float) spec.epsilon();
        this.params = network.params().stream().filter(Param::trainable).toList();
        this.means = new ArrayList<>(params.size());
        this.variances = new ArrayList<>(params.size());
        for (Param p : params) {
            means.add(manager.zeros(p.array().getShape()));
            variances.add(manager.zeros(p.array().getShape()));
        }
        this.steps = new long[params.size()];
    }

    /** Updates every trainable parameter from its gradient, then zeroes the gradient. */
    void update() {
        for (int i = 0; i < params.size(); i++) {
            NDArray weight = params.get(i).array();
            long t = ++steps[i];
            double coef1 = 1.0 - Math.pow(beta1, t);
            double coef2 = 1.0 - Math.pow(beta2, t);
            // A constant schedule's factor is exactly 1: the same floats as without schedules.
            float lr = (float) (learningRate * schedule.factor(t, totalUpdates));
            float stepSize = (float) (lr * Math.sqrt(coef2) / coef1);
            try (NDArray grad = weight.getGradient()) {
                // Weight decay 0, gradient rescale 1, no clipping (-1): DJL's defaults, as before.
                weight.getNDArrayInternal().adamUpdate(
                        new NDList(weight, grad, means.get(i), variances.get(i)),
                        new NDList(weight),
                        lr, stepSize, 0f, 1f, -1f, beta1, beta2, epsilon, true, false);
            }
        }
    }

    /** Returns the updates made so far (restored from a checkpoint on resume). */
    long updates() {
        return steps.length == 0 ? 0 : steps[0];
    }

    /** Copies the state to the host: moments named after their parameters, and step counts. */
    OptimizerState state() {
        List<HostTensor> m = new ArrayList<>(params.size());
        List<HostTensor> v = new ArrayList<>(params.size());
        for (int i = 0; i < params.size(); i++) {
            m.add(HostTensors.of(params.get(i).name(), true, means.get(i)));
            v.add(HostTensors.of(params.get(i).name(), true, variances.get(i)));
        }
        return new OptimizerState(m, v, steps.clone());
    }

    /**
     * Replaces the state with {@code state}, whose moments must match the trainable parameters by
     * name and shape.
     *
     * @throws IllegalArgumentException naming the first mismatch
     */
    void load(OptimizerState state) {
        if (state.means().size() != params.size() || state.variances().size() != params.size()
                || state.steps().length != params.size()) {
            throw new IllegalArgumentException("optimizer state holds " + state.means().size() + " moments and "
                    + state.steps().length + " step counts; the network has " + params.size() + " trainable parameters");
        }
        for (int i = 0; i < params.size(); i++) {
            check(state.means().get(i), params.get(i));
            check(state.variances().get(i), params.get(i));
            if (state.steps()[i] < 0) {
                throw new IllegalArgumentException(
                        "optimizer step count of " + params.get(i).name() + " is " + state.steps()[i]);
            }
        }
        for (int i = 0; i < params.size(); i++) {
            HostTensors.copyInto(state.means().get(i), means.get(i));
            HostTensors.copyInto(state.variances().get(i), variances.get(i));
        }
        System.arraycopy(state.steps(), 0, steps, 0, steps.length);
    }

    private static void check(HostTensor from, Param param) {
        if (!HostTensors.fits(from, param)) {
            throw new IllegalArgumentException("optimizer state holds " + from.name() + " " + new Shape(from.shape())
                    + " where the network has " + param.name() + " " + param.array().getShape());
        }
    }
}
