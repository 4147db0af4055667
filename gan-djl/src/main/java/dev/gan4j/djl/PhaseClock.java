package dev.gan4j.djl;

import ai.djl.ndarray.NDArray;

/**
 * Times the phases of training steps for {@code profileSteps}. A phase ends by reading one element of
 * an array it produced: that copy waits for all work queued before it, so on a GPU the time is the
 * phase's, not its launch's. Only used when profiling: unprofiled steps never synchronise.
 */
final class PhaseClock {

    static final int DATA = 0;
    static final int DISCRIMINATOR = 1;
    static final int GENERATOR = 2;
    static final int METRICS = 3;

    private final long[] nanos = new long[4];
    private long last;

    /** Starts timing from now. */
    void start() {
        last = System.nanoTime();
    }

    /** Ends the current phase once {@code done} (may be {@code null}: nothing to wait for) is computed. */
    void lap(int phase, NDArray done) {
        if (done != null) {
            done.getFloat(new long[done.getShape().dimension()]);
        }
        long now = System.nanoTime();
        nanos[phase] += now - last;
        last = now;
    }

    /** Returns the seconds of each phase since the last call, and restarts from zero. */
    double[] drain() {
        double[] seconds = new double[nanos.length];
        for (int i = 0; i < nanos.length; i++) {
            seconds[i] = nanos[i] / 1e9;
            nanos[i] = 0;
        }
        return seconds;
    }
}
