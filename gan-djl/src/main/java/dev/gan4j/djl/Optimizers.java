package dev.gan4j.djl;

import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import dev.gan4j.train.Adam;

/** Maps gan4j's optimiser settings to DJL's optimisers. */
final class Optimizers {

    private Optimizers() {}

    /**
     * DJL's Adam runs as one fused native call per parameter, with the bias correction folded into
     * the step size and epsilon added to the root of the raw second moment: Keras's formulation.
     */
    static Optimizer create(dev.gan4j.train.Optimizer spec) {
        if (spec instanceof Adam) {
            Adam adam = (Adam) spec;
            return ai.djl.training.optimizer.Adam.builder()
                    .optLearningRateTracker(Tracker.fixed((float) adam.learningRate()))
                    .optBeta1((float) adam.beta1())
                    .optBeta2((float) adam.beta2())
                    .optEpsilon((float) adam.epsilon())
                    .build();
        }
        throw new IllegalArgumentException("optimizer " + spec.describe() + " is not supported by the DJL engine");
    }
}
