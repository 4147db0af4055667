package dev.gan4j.djl;

import ai.djl.ndarray.NDArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * Every read of an array's values into Java memory that gan4j makes, counted: on a GPU each is a
 * device-to-host copy, which waits for the work queued before it. {@link dev.gan4j.train.listener.StepProfile#hostCopies()}
 * reports the count per report, so that a device check can show how often training synchronises.
 *
 * <p>The count is gan4j's own reads only: copies DJL or PyTorch make inside an operation are not
 * seen. It is process-wide, like torch's generator: reads of two trainings running at once in one
 * JVM add up.
 *
 * @see dev.gan4j.train.listener.StepProfile#hostCopies()
 */
final class HostReads {

    private static final LongAdder COUNT = new LongAdder();

    private HostReads() {}

    /** Copies all of {@code array}'s values to the host, counted. */
    static float[] floats(NDArray array) {
        COUNT.increment();
        return array.toFloatArray();
    }

    /**
     * Waits until {@code array} is computed, by reading one element, not counted: the profiler's
     * phase ends ({@link PhaseClock}), a synchronisation that unprofiled training does not make.
     */
    static void await(NDArray array) {
        array.getFloat(new long[array.getShape().dimension()]);
    }

    /** Returns the counted reads so far, over the whole process. */
    static long count() {
        return COUNT.sum();
    }
}
