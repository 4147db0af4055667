package dev.gan4j.health;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * How training health is judged and what happens when a condition is found: an action per {@link
 * HealthCondition} and the thresholds. Windows are counted in generator steps, so {@code logEvery}
 * changes how many reports a window holds, not what it means.
 *
 * <pre>{@code
 * HealthPolicy strict = HealthPolicy.builder()
 *     .action(HealthCondition.GENERATOR_COLLAPSE, HealthAction.STOP)
 *     .build();
 * }</pre>
 *
 * @param actions what to do for each condition; every condition has one
 * @param warmup the first steps, in which only divergence is judged: a fresh discriminator beats a
 *     random generator in healthy runs too
 * @param window the steps over which the other conditions average the metrics
 * @param overpoweringAccuracy the discriminator's mean accuracy above which it is overpowering
 * @param collapseRatio the share of the real images' diversity below which the generator has collapsed
 * @param vanishingGradientNorm the generator's mean gradient norm below which its gradient has vanished
 * @param criticEstimateLimit the multiple of the largest distance a 1-Lipschitz critic can report (the
 *     diameter of the image cube [-1, 1]^(C·H·W)) above which a Wasserstein critic is unconstrained
 */
public record HealthPolicy(
        Map<HealthCondition, HealthAction> actions,
        int warmup,
        int window,
        double overpoweringAccuracy,
        double collapseRatio,
        double vanishingGradientNorm,
        double criticEstimateLimit) {

    /** Default {@link #warmup()}: 200 steps. */
    public static final int DEFAULT_WARMUP = 200;
    /** Default {@link #window()}: 200 steps. */
    public static final int DEFAULT_WINDOW = 200;
    /** Default {@link #overpoweringAccuracy()}: 0.95, the top of keras-io's healthy 0.8-0.95. */
    public static final double DEFAULT_OVERPOWERING_ACCURACY = 0.95;
    /** Default {@link #collapseRatio()}: 0.15 of the real images' mean pairwise distance. */
    public static final double DEFAULT_COLLAPSE_RATIO = 0.15;
    /** Default {@link #vanishingGradientNorm()}: 0.01. */
    public static final double DEFAULT_VANISHING_GRADIENT_NORM = 1e-2;
    /** Default {@link #criticEstimateLimit()}: 1, the bound itself. */
    public static final double DEFAULT_CRITIC_ESTIMATE_LIMIT = 1;

    /**
     * Checks every setting.
     *
     * @param actions what to do for each condition; every condition has one
     * @param warmup the first steps, in which only divergence is judged: a fresh discriminator beats a random
     *     generator in healthy runs too
     * @param window the steps over which the other conditions average the metrics
     * @param overpoweringAccuracy the discriminator's mean accuracy above which it is overpowering
     * @param collapseRatio the share of the real images' diversity below which the generator has collapsed
     * @param vanishingGradientNorm the generator's mean gradient norm below which its gradient has vanished
     * @param criticEstimateLimit the multiple of the largest distance a 1-Lipschitz critic can report (the
     *     diameter of the image cube [-1, 1]^(C·H·W)) above which a Wasserstein critic is unconstrained
     * @throws IllegalArgumentException if a condition has no action or a setting is out of range
     */
    public HealthPolicy {
        Objects.requireNonNull(actions, "actions");
        for (HealthCondition c : HealthCondition.values()) {
            if (actions.get(c) == null) {
                throw new IllegalArgumentException("health policy has no action for " + c + "; give every condition one");
            }
        }
        actions = Map.copyOf(actions);
        if (warmup < 0) {
            throw new IllegalArgumentException("health warmup must be >= 0 steps, got " + warmup);
        }
        if (window < 1) {
            throw new IllegalArgumentException("health window must be >= 1 step, got " + window);
        }
        if (!(overpoweringAccuracy >= 0.5 && overpoweringAccuracy < 1)) {
            throw new IllegalArgumentException("overpoweringAccuracy must be in [0.5, 1), got " + overpoweringAccuracy);
        }
        if (!(collapseRatio > 0 && collapseRatio < 1)) {
            throw new IllegalArgumentException("collapseRatio must be in (0, 1), got " + collapseRatio);
        }
        if (!(vanishingGradientNorm > 0 && Double.isFinite(vanishingGradientNorm))) {
            throw new IllegalArgumentException("vanishingGradientNorm must be > 0 and finite, got " + vanishingGradientNorm);
        }
        if (!(criticEstimateLimit > 0 && Double.isFinite(criticEstimateLimit))) {
            throw new IllegalArgumentException("criticEstimateLimit must be > 0 and finite, got " + criticEstimateLimit);
        }
    }

    /**
     * A policy with the default {@link #criticEstimateLimit()}, as policies were before it existed.
     *
     * @param actions what to do for each condition; every condition has one
     * @param warmup the first steps, in which only divergence is judged: a fresh discriminator beats a random
     *     generator in healthy runs too
     * @param window the steps over which the other conditions average the metrics
     * @param overpoweringAccuracy the discriminator's mean accuracy above which it is overpowering
     * @param collapseRatio the share of the real images' diversity below which the generator has collapsed
     * @param vanishingGradientNorm the generator's mean gradient norm below which its gradient has vanished
     * @throws IllegalArgumentException as the canonical constructor
     */
    public HealthPolicy(
            Map<HealthCondition, HealthAction> actions,
            int warmup,
            int window,
            double overpoweringAccuracy,
            double collapseRatio,
            double vanishingGradientNorm) {
        this(withDefaultCriticAction(actions), warmup, window, overpoweringAccuracy, collapseRatio,
                vanishingGradientNorm, DEFAULT_CRITIC_ESTIMATE_LIMIT);
    }

    /** Gives {@link HealthCondition#UNCONSTRAINED_CRITIC}, newer than the other conditions, its default action. */
    private static Map<HealthCondition, HealthAction> withDefaultCriticAction(Map<HealthCondition, HealthAction> actions) {
        Objects.requireNonNull(actions, "actions");
        if (actions.containsKey(HealthCondition.UNCONSTRAINED_CRITIC)) {
            return actions;
        }
        Map<HealthCondition, HealthAction> all = new EnumMap<>(HealthCondition.class);
        all.putAll(actions);
        all.put(HealthCondition.UNCONSTRAINED_CRITIC, HealthAction.WARN);
        return all;
    }

    /**
     * Returns the default policy: divergence stops training; discriminator overpowering, generator
     * collapse, vanishing generator gradients and an unconstrained critic are warnings; thresholds as the
     * {@code DEFAULT_} constants.
     *
     * @return the default policy: divergence stops training; discriminator overpowering, generator collapse,
     *     vanishing generator gradients and an unconstrained critic are warnings; thresholds as the {@code
     *     DEFAULT_} constants
     */
    public static HealthPolicy defaults() {
        return builder().build();
    }

    /**
     * Returns a policy that ignores every condition: no diagnosis is made, nothing is stopped.
     *
     * @return a policy that ignores every condition: no diagnosis is made, nothing is stopped
     */
    public static HealthPolicy off() {
        Builder b = builder();
        for (HealthCondition c : HealthCondition.values()) {
            b.action(c, HealthAction.IGNORE);
        }
        return b.build();
    }

    /**
     * Returns a builder holding the {@link #defaults()}.
     *
     * @return this builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns what happens when {@code condition} is diagnosed.
     *
     * @param condition what was found
     * @return what happens when {@code condition} is diagnosed
     */
    public HealthAction action(HealthCondition condition) {
        return actions.get(Objects.requireNonNull(condition, "condition"));
    }

    /**
     * Returns whether every condition is ignored.
     *
     * @return whether every condition is ignored
     */
    public boolean isOff() {
        return actions.values().stream().allMatch(a -> a == HealthAction.IGNORE);
    }

    /** Builds a {@link HealthPolicy}, starting from the defaults; each setter rejects a bad value at once. */
    public static final class Builder {
        private final Map<HealthCondition, HealthAction> actions = new EnumMap<>(HealthCondition.class);
        private int warmup = DEFAULT_WARMUP;
        private int window = DEFAULT_WINDOW;
        private double overpoweringAccuracy = DEFAULT_OVERPOWERING_ACCURACY;
        private double collapseRatio = DEFAULT_COLLAPSE_RATIO;
        private double vanishingGradientNorm = DEFAULT_VANISHING_GRADIENT_NORM;
        private double criticEstimateLimit = DEFAULT_CRITIC_ESTIMATE_LIMIT;

        Builder() {
            actions.put(HealthCondition.DISCRIMINATOR_OVERPOWERING, HealthAction.WARN);
            actions.put(HealthCondition.GENERATOR_COLLAPSE, HealthAction.WARN);
            actions.put(HealthCondition.VANISHING_GENERATOR_GRADIENTS, HealthAction.WARN);
            actions.put(HealthCondition.UNCONSTRAINED_CRITIC, HealthAction.WARN);
            actions.put(HealthCondition.DIVERGENCE, HealthAction.STOP);
        }

        /**
         * Sets what happens when {@code condition} is diagnosed. Defaults: {@code STOP} for divergence,
         * {@code WARN} for the others.
         *
         * @param condition what was found
         * @param action what the policy does about it
         * @return this builder
         */
        public Builder action(HealthCondition condition, HealthAction action) {
            actions.put(Objects.requireNonNull(condition, "condition"), Objects.requireNonNull(action, "action"));
            return this;
        }

        /**
         * Sets the first steps in which only divergence is judged. Default 200.
         *
         * @param steps the first steps in which only divergence is judged
         * @return this builder
         * @throws IllegalArgumentException if {@code steps < 0}
         */
        public Builder warmup(int steps) {
            if (steps < 0) {
                throw new IllegalArgumentException("health warmup must be >= 0 steps, got " + steps);
            }
            this.warmup = steps;
            return this;
        }

        /**
         * Sets the steps over which metrics are averaged. A window holds at least the last three reports,
         * so with {@code logEvery} above a third of it the window is longer. Default 200.
         *
         * @param steps the steps over which metrics are averaged
         * @return this builder
         * @throws IllegalArgumentException if {@code steps < 1}
         */
        public Builder window(int steps) {
            if (steps < 1) {
                throw new IllegalArgumentException("health window must be >= 1 step, got " + steps);
            }
            this.window = steps;
            return this;
        }

        /**
         * Sets the discriminator's mean accuracy above which it is overpowering. Default 0.95.
         *
         * @param accuracy the discriminator's mean accuracy above which it is overpowering
         * @return this builder
         * @throws IllegalArgumentException if not in [0.5, 1)
         */
        public Builder overpoweringAccuracy(double accuracy) {
            if (!(accuracy >= 0.5 && accuracy < 1)) {
                throw new IllegalArgumentException("overpoweringAccuracy must be in [0.5, 1), got " + accuracy);
            }
            this.overpoweringAccuracy = accuracy;
            return this;
        }

        /**
         * Sets the share of the real images' diversity below which the generator has collapsed. Default
         * 0.15.
         *
         * @param ratio the share of the real images' diversity below which the generator has collapsed
         * @return this builder
         * @throws IllegalArgumentException if not in (0, 1)
         */
        public Builder collapseRatio(double ratio) {
            if (!(ratio > 0 && ratio < 1)) {
                throw new IllegalArgumentException("collapseRatio must be in (0, 1), got " + ratio);
            }
            this.collapseRatio = ratio;
            return this;
        }

        /**
         * Sets the generator's mean gradient norm below which its gradient has vanished. Default 0.01.
         *
         * @param norm the generator's mean gradient norm below which its gradient has vanished
         * @return this builder
         * @throws IllegalArgumentException if not positive and finite
         */
        public Builder vanishingGradientNorm(double norm) {
            if (!(norm > 0 && Double.isFinite(norm))) {
                throw new IllegalArgumentException("vanishingGradientNorm must be > 0 and finite, got " + norm);
            }
            this.vanishingGradientNorm = norm;
            return this;
        }

        /**
         * Sets the multiple of the image cube's diameter above which a Wasserstein critic's mean estimate
         * shows that it is not Lipschitz. Default 1: the bound itself, which no 1-Lipschitz critic can
         * pass on images in [-1, 1]; augmentations that leave that range (colour, instance noise) widen
         * the cube a little.
         *
         * @param limit the multiple of the image cube's diameter above which a Wasserstein critic's mean
         *     estimate shows that it is not Lipschitz
         * @return this builder
         * @throws IllegalArgumentException if not positive and finite
         */
        public Builder criticEstimateLimit(double limit) {
            if (!(limit > 0 && Double.isFinite(limit))) {
                throw new IllegalArgumentException("criticEstimateLimit must be > 0 and finite, got " + limit);
            }
            this.criticEstimateLimit = limit;
            return this;
        }

        /**
         * Returns the policy.
         *
         * @return the policy
         */
        public HealthPolicy build() {
            return new HealthPolicy(actions, warmup, window, overpoweringAccuracy, collapseRatio, vanishingGradientNorm,
                    criticEstimateLimit);
        }
    }
}
