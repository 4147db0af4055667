package dev.gan4j.train;

/**
 * The targets the discriminator is trained towards: 1 for real and 0 for fake without smoothing.
 * Smoothing keeps the discriminator from growing over-confident (Salimans et al., 2016, "Improved
 * Techniques for Training GANs"). The generator's own targets are never smoothed.
 */
public sealed interface LabelSmoothing permits LabelSmoothing.None, LabelSmoothing.OneSided, LabelSmoothing.TwoSided {

    /**
     * Targets 1 and 0. The default.
     *
     * @return targets 1 and 0
     */
    static LabelSmoothing none() {
        return new None();
    }

    /**
     * Real target {@code real}, fake target 0, as Salimans et al. recommend.
     *
     * @param real in (0.5, 1]; 0.9 is usual
     * @return one-sided smoothing
     */
    static LabelSmoothing oneSided(float real) {
        return new OneSided(real);
    }

    /**
     * Real target {@code real} and fake target {@code fake}; the Keras recipe uses 0.9 and 0.1.
     *
     * @param real in (0.5, 1]
     * @param fake in [0, 0.5)
     * @return two-sided smoothing
     */
    static LabelSmoothing twoSided(float real, float fake) {
        return new TwoSided(real, fake);
    }

    /**
     * Returns the discriminator's target for real images.
     *
     * @return the discriminator's target for real images
     */
    float realTarget();

    /**
     * Returns the discriminator's target for generated images.
     *
     * @return the discriminator's target for generated images
     */
    float fakeTarget();

    /** No smoothing. */
    record None() implements LabelSmoothing {
        @Override
        public float realTarget() {
            return 1f;
        }

        @Override
        public float fakeTarget() {
            return 0f;
        }
    }

    /**
     * Smoothed real targets only.
     *
     * @param real the real target, in (0.5, 1]
     */
    record OneSided(float real) implements LabelSmoothing {
        /**
         * Checks the target.
         *
         * @param real in (0.5, 1]; 0.9 is usual
         */
        public OneSided {
            checkReal(real);
        }

        @Override
        public float realTarget() {
            return real;
        }

        @Override
        public float fakeTarget() {
            return 0f;
        }
    }

    /**
     * Smoothed real and fake targets.
     *
     * @param real the real target, in (0.5, 1]
     * @param fake the fake target, in [0, 0.5)
     */
    record TwoSided(float real, float fake) implements LabelSmoothing {
        /**
         * Checks both targets.
         *
         * @param real in (0.5, 1]; 0.9 is usual
         * @param fake in [0, 0.5)
         */
        public TwoSided {
            checkReal(real);
            if (!(fake >= 0f && fake < 0.5f)) {
                throw new IllegalArgumentException("labelSmoothing fake target must be in [0, 0.5), got " + fake);
            }
        }

        @Override
        public float realTarget() {
            return real;
        }

        @Override
        public float fakeTarget() {
            return fake;
        }
    }

    private static void checkReal(float real) {
        if (!(real > 0.5f && real <= 1f)) {
            throw new IllegalArgumentException("labelSmoothing real target must be in (0.5, 1], got " + real);
        }
    }
}
