package dev.gan4j.djl;

import ai.djl.pytorch.jni.JniUtils;

/**
 * Torch's thread-local autograd switch. DJL turns it off only on the thread that loads the engine, so
 * inference sets it explicitly: no graph is recorded for images that are never differentiated.
 */
final class GradMode {

    private GradMode() {}

    /** Returns whether grad mode is on for this thread: whether ops now record a graph. */
    static boolean isEnabled() {
        return JniUtils.isGradMode();
    }

    /** Sets grad mode on this thread and returns what it was. */
    static boolean set(boolean enabled) {
        boolean was = JniUtils.isGradMode();
        JniUtils.setGradMode(enabled);
        return was;
    }
}
