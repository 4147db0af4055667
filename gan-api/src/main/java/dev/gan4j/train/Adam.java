package dev.gan4j.train;

/**
 * The Adam optimiser (Kingma and Ba, 2015), with a learning rate that is constant or follows a {@link
 * LearningRateSchedule}.
 *
 * <pre>{@code
 * Adam.of(1e-4, 0.3)                                                      // the Keras recipe
 * Adam.of(2e-4, 0.5).schedule(LearningRateSchedule.linear(0).withWarmup(500))
 * }</pre>
 *
 * @param learningRate the step size, &gt; 0 and finite (the peak, with a schedule)
 * @param beta1 the first-moment decay, in [0, 1)
 * @param beta2 the second-moment decay, in [0, 1)
 * @param epsilon added to the root of the second moment, &gt; 0
 * @param schedule how the learning rate changes over the run; {@link LearningRateSchedule#constant()}
 *     by default
 */
public record Adam(double learningRate, double beta1, double beta2, double epsilon, LearningRateSchedule schedule)
        implements Optimizer {

    /**
     * Adam with a constant learning rate.
     *
     * @param learningRate the step size, &gt; 0 and finite (the peak, with a schedule)
     * @param beta1 the first-moment decay, in [0, 1)
     * @param beta2 the second-moment decay, in [0, 1)
     * @param epsilon added to the root of the second moment, &gt; 0
     */
    public Adam(double learningRate, double beta1, double beta2, double epsilon) {
        this(learningRate, beta1, beta2, epsilon, LearningRateSchedule.constant());
    }

    /**
     * Checks every value.
     *
     * @param learningRate the step size, &gt; 0 and finite (the peak, with a schedule)
     * @param beta1 the first-moment decay, in [0, 1)
     * @param beta2 the second-moment decay, in [0, 1)
     * @param epsilon added to the root of the second moment, &gt; 0
     * @param schedule how the learning rate changes over the run; {@link LearningRateSchedule#constant()} by
     *     default
     */
    public Adam {
        java.util.Objects.requireNonNull(schedule, "schedule");
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("Adam learningRate must be > 0 and finite, got " + learningRate);
        }
        if (!(beta1 >= 0 && beta1 < 1)) {
            throw new IllegalArgumentException("Adam beta1 must be in [0, 1), got " + beta1);
        }
        if (!(beta2 >= 0 && beta2 < 1)) {
            throw new IllegalArgumentException("Adam beta2 must be in [0, 1), got " + beta2);
        }
        if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
            throw new IllegalArgumentException("Adam epsilon must be > 0 and finite, got " + epsilon);
        }
    }

    /**
     * Adam with {@code beta2 = 0.999} and {@code epsilon = 1e-7} (Keras's defaults).
     *
     * @param learningRate the step size, &gt; 0 and finite (the peak, with a schedule)
     * @param beta1 the first-moment decay, in [0, 1)
     * @return Adam with {@code beta2 = 0.999} and {@code epsilon = 1e-7} (Keras's defaults)
     */
    public static Adam of(double learningRate, double beta1) {
        return new Adam(learningRate, beta1, 0.999, 1e-7);
    }

    /**
     * Adam with {@code epsilon = 1e-7}.
     *
     * @param learningRate the step size, &gt; 0 and finite (the peak, with a schedule)
     * @param beta1 the first-moment decay, in [0, 1)
     * @param beta2 the second-moment decay, in [0, 1)
     * @return Adam with {@code epsilon = 1e-7}
     */
    public static Adam of(double learningRate, double beta1, double beta2) {
        return new Adam(learningRate, beta1, beta2, 1e-7);
    }

    /**
     * Returns this Adam with its learning rate following {@code schedule}.
     *
     * @param schedule how the learning rate changes over the run; {@link LearningRateSchedule#constant()} by
     *     default
     * @return this Adam with its learning rate following {@code schedule}
     */
    public Adam schedule(LearningRateSchedule schedule) {
        return new Adam(learningRate, beta1, beta2, epsilon, schedule);
    }

    @Override
    public String describe() {
        String settings = "lr=" + learningRate + ", beta1=" + beta1 + ", beta2=" + beta2 + ", eps=" + epsilon;
        // A constant rate without warm-up reads as it did before schedules existed.
        return "Adam(" + settings + (schedule.equals(LearningRateSchedule.constant()) ? ""
                : ", schedule=" + schedule.describe()) + ")";
    }
}
