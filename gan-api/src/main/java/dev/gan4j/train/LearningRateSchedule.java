package dev.gan4j.train;

import java.util.Locale;

/**
 * How an optimiser's learning rate changes over a run: a factor of {@link Adam#learningRate()} for
 * each update {@code t = 1, 2, ..., T}, where {@code T} is the run's updates of that optimiser
 * ({@code epochs × stepsPerEpoch} for the generator, times {@code discriminatorSteps} for the
 * discriminator). An optional linear warm-up first raises the factor from {@code 1/W} to 1 over the
 * first {@code W} updates; the decay then runs over the remaining {@code T - W}, ending at {@code
 * finalFraction} at update {@code T}.
 *
 * <pre>{@code Adam.of(2e-4, 0.5).schedule(LearningRateSchedule.cosine(0).withWarmup(500))}</pre>
 *
 * <p>The factor depends only on the update count and {@code T}, both of which a checkpoint holds, so a
 * resumed run continues the schedule exactly; a resume that changes {@code epochs} changes {@code T},
 * and the schedule stretches to the new end from where it is.
 */
public sealed interface LearningRateSchedule
        permits LearningRateSchedule.Constant, LearningRateSchedule.Linear, LearningRateSchedule.Cosine {

    /**
     * The same learning rate throughout. The default.
     *
     * @return the same learning rate throughout
     */
    static LearningRateSchedule constant() {
        return new Constant(0);
    }

    /**
     * Linear decay, as DCGAN-style code's {@code LambdaLR} and the GAN papers that decay do (e.g.
     * CycleGAN's last half): factor {@code 1 - (1 - finalFraction) p} at progress {@code p} in [0, 1].
     *
     * @param finalFraction the factor at the last update, in [0, 1]
     * @return a linear decay
     * @throws IllegalArgumentException otherwise
     */
    static LearningRateSchedule linear(double finalFraction) {
        return new Linear(finalFraction, 0);
    }

    /**
     * Cosine decay (Loshchilov and Hutter, 2017, "SGDR", without restarts): factor {@code finalFraction
     * + (1 - finalFraction)(1 + cos(π p)) / 2} at progress {@code p} in [0, 1].
     *
     * @param finalFraction the factor at the last update, in [0, 1]
     * @return a cosine decay
     * @throws IllegalArgumentException otherwise
     */
    static LearningRateSchedule cosine(double finalFraction) {
        return new Cosine(finalFraction, 0);
    }

    /**
     * Returns the updates of the linear warm-up, 0 for none.
     *
     * @return the updates of the linear warm-up, 0 for none
     */
    int warmup();

    /**
     * Returns this schedule after a linear warm-up of {@code updates} updates: the factor is {@code t /
     * updates} for update {@code t <= updates}.
     *
     * @param updates the warm-up's updates, {@code >= 0}
     * @return this schedule after a linear warm-up of {@code updates} updates: the factor is {@code t /
     *     updates} for update {@code t <= updates}
     * @throws IllegalArgumentException if {@code updates < 0}
     */
    LearningRateSchedule withWarmup(int updates);

    /**
     * Returns the name as saved in checkpoints: {@code constant}, {@code linear} or {@code cosine}.
     *
     * @return the name as saved in checkpoints: {@code constant}, {@code linear} or {@code cosine}
     */
    String name();

    /**
     * Returns the factor at the last update, 1 for {@link #constant()}.
     *
     * @return the factor at the last update, 1 for {@link #constant()}
     */
    double finalFraction();

    /**
     * Returns the schedule with its settings, e.g. {@code cosine(final=0.0, warmup=500)}.
     *
     * @return the schedule with its settings
     */
    default String describe() {
        return String.format(Locale.ROOT, "%s(final=%s, warmup=%d)", name(), finalFraction(), warmup());
    }

    /**
     * Returns the factor of the learning rate at update {@code t} of {@code total}.
     *
     * @param t the update, from 1; past {@code total} the last factor holds
     * @param total the run's updates of this optimiser, at least 1
     * @return the factor of the learning rate at update {@code t} of {@code total}
     * @throws IllegalArgumentException if {@code t < 1} or {@code total < 1}
     */
    default double factor(long t, long total) {
        if (t < 1 || total < 1) {
            throw new IllegalArgumentException("update " + t + " of " + total + ": both must be >= 1");
        }
        int w = warmup();
        if (t <= w) {
            return (double) t / w;
        }
        // Progress through the decay: 0 at the first update after the warm-up, 1 at the last.
        long span = total - w - 1;
        double p = span <= 0 ? 1 : Math.min(1, (double) (t - w - 1) / span);
        return decay(p);
    }

    /**
     * The factor at progress {@code p} in [0, 1] of the decay.
     *
     * @param p the progress, in [0, 1]
     * @return the factor at progress {@code p} in [0, 1] of the decay
     */
    double decay(double p);

    private static void check(double finalFraction, int warmup) {
        if (!(finalFraction >= 0 && finalFraction <= 1)) {
            throw new IllegalArgumentException("learning-rate schedule finalFraction must be in [0, 1], got "
                    + finalFraction);
        }
        if (warmup < 0) {
            throw new IllegalArgumentException("learning-rate warm-up must be >= 0 updates, got " + warmup);
        }
    }

    /** A constant learning rate after the warm-up. */
    record Constant(int warmup) implements LearningRateSchedule {
        /**
         * @param warmup the updates of the linear warm-up, 0 for none
         * @throws IllegalArgumentException if {@code warmup < 0}
         */
        public Constant {
            check(1, warmup);
        }

        @Override
        public LearningRateSchedule withWarmup(int updates) {
            return new Constant(updates);
        }

        @Override
        public String name() {
            return "constant";
        }

        @Override
        public double finalFraction() {
            return 1;
        }

        @Override
        public double decay(double p) {
            return 1;
        }
    }

    /** Linear decay to {@code finalFraction}. */
    record Linear(double finalFraction, int warmup) implements LearningRateSchedule {
        /**
         * @param finalFraction the factor at the last update, in [0, 1]
         * @param warmup the updates of the linear warm-up, 0 for none
         * @throws IllegalArgumentException if a value is out of range
         */
        public Linear {
            check(finalFraction, warmup);
        }

        @Override
        public LearningRateSchedule withWarmup(int updates) {
            return new Linear(finalFraction, updates);
        }

        @Override
        public String name() {
            return "linear";
        }

        @Override
        public double decay(double p) {
            return 1 - (1 - finalFraction) * p;
        }
    }

    /** Cosine decay to {@code finalFraction}. */
    record Cosine(double finalFraction, int warmup) implements LearningRateSchedule {
        /**
         * @param finalFraction the factor at the last update, in [0, 1]
         * @param warmup the updates of the linear warm-up, 0 for none
         * @throws IllegalArgumentException if a value is out of range
         */
        public Cosine {
            check(finalFraction, warmup);
        }

        @Override
        public LearningRateSchedule withWarmup(int updates) {
            return new Cosine(finalFraction, updates);
        }

        @Override
        public String name() {
            return "cosine";
        }

        @Override
        public double decay(double p) {
            return finalFraction + (1 - finalFraction) * (1 + Math.cos(Math.PI * p)) / 2;
        }
    }
}
