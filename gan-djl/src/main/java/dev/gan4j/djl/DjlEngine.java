package dev.gan4j.djl;

import ai.djl.engine.Engine;
import dev.gan4j.train.GanException;

/** Finds DJL's PyTorch engine, loading its natives on first use. */
final class DjlEngine {

    static final String NAME = "PyTorch";

    private DjlEngine() {}

    static Engine get() {
        try {
            return Engine.getEngine(NAME);
        } catch (RuntimeException e) {
            throw new GanException(
                    "DJL's PyTorch engine did not load: put ai.djl.pytorch:pytorch-native-cpu (classifier"
                            + " linux-x86_64) and ai.djl.pytorch:pytorch-jni on the class path, or a CUDA"
                            + " build for GPUs (see README): " + e.getMessage(), e);
        }
    }

    static String describe(Engine engine) {
        return "DJL " + Engine.getDjlVersion() + " / PyTorch " + engine.getVersion();
    }
}
