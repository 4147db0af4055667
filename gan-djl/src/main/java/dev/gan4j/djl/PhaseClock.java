package dev.gan4j.djl;

import ai.djl.ndarray.NDArray;

/**
 * Times the phases of training steps for {@code profileSteps}, and counts gan4j's reads from the device
 * ({@link HostReads}) between reports. A phase ends by reading one element of an array it produced:
 * that copy waits for all work queued before it, so on a GPU the time is the phase's, not its
 * launch's. Only used when profiling: unprofiled steps never synchronise.
 */
final class PhaseClock {

    static final int DATA = 0;
    static final int DISCRIMINATOR = 1;
    static final int GENERATOR = 2;
    static final int METRICS = 3;

    private final long[] nanos = new long[4];
    private long last;
    /** {@link HostReads#count()} at the last drain, or -1 before the first step. */
    private long readsAtDrain = -1;

    /** Starts timing from now; the first call also starts counting host reads. */
    void start() {
        if (readsAtDrain < 0) {
            readsAtDrain = HostReads.count();
        }
        last = System.nanoTime();
    }

    /** Ends the current phase once {@code done} (may be {@code null}: nothing to wait for) is computed. */
    void lap(int phase, NDArray done) {
        if (done != null) {
            HostReads.await(done);
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

    /**
     * Returns the host reads since the last call (since the first step for the first call), and
     * restarts from zero: those of the steps and of whatever ran between them (listeners, checkpoints).
     */
    long drainHostReads() {
        long now = HostReads.count();
        long reads = readsAtDrain < 0 ? 0 : now - readsAtDrain;
        readsAtDrain = now;
        return reads;
    }
}
