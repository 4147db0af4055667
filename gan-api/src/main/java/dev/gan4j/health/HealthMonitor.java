package dev.gan4j.health;

import dev.gan4j.spec.TensorShape;
import dev.gan4j.train.GanLoss;
import dev.gan4j.train.listener.StepMetrics;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Judges a training run's health from its metric reports, in pure Java; the training loop ({@link
 * dev.gan4j.spi.TrainingLoop}) feeds it every {@link StepMetrics} it reports and acts on what it
 * returns. Not thread-safe: one monitor per run.
 *
 * <p>Divergence is judged on every report. The other conditions are judged once the run is past
 * {@link HealthPolicy#warmup()} plus one {@link HealthPolicy#window()}, on the means of the reports of
 * the last window (at least the last three reports), so one noisy batch raises nothing. A condition is
 * reported when it starts to hold, and again only if it held at no report for a whole window in
 * between: a run that hovers around a threshold is not reported at every report.
 */
public final class HealthMonitor {

    /** The fewest reports a window averages, whatever {@code logEvery} is. */
    static final int MIN_REPORTS = 3;

    private final HealthPolicy policy;
    private final GanLoss loss;
    /** The largest estimate a 1-Lipschitz critic can give, times the policy's limit; NaN for other losses. */
    private final double criticBound;
    private final ArrayDeque<StepMetrics> window = new ArrayDeque<>();
    private final Map<HealthCondition, Long> lastHeld = new EnumMap<>(HealthCondition.class);
    private long lastStep;
    private long lastFiniteStep;

    /**
     * Creates a monitor that judges a run of the default loss ({@link GanLoss#nonSaturating()}) by {@code
     * policy}.
     *
     * @param policy what to do for each condition, and the thresholds
     */
    public HealthMonitor(HealthPolicy policy) {
        this(policy, GanLoss.nonSaturating(), null);
    }

    /**
     * Creates a monitor that judges a run of {@code loss} on images of {@code imageShape} by {@code
     * policy}: each diagnosis carries the advice for that loss, and a Wasserstein critic is judged by its
     * estimate ({@link HealthCondition#UNCONSTRAINED_CRITIC}), for which the image size sets the bound.
     *
     * @param imageShape the images' {@code (C, H, W)}; may be {@code null} unless {@code loss} is a
     *     Wasserstein critic
     * @param policy what to do for each condition, and the thresholds
     * @param loss the run's loss, which decides the advice and the conditions judged
     * @throws IllegalArgumentException if {@code loss} is a critic and {@code imageShape} is missing
     */
    public HealthMonitor(HealthPolicy policy, GanLoss loss, TensorShape imageShape) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.loss = Objects.requireNonNull(loss, "loss");
        if (LossAdvice.isCritic(loss)) {
            if (imageShape == null) {
                throw new IllegalArgumentException("a Wasserstein critic's health needs the image shape, got null");
            }
            // Any two images in [-1, 1]^n are at most 2·sqrt(n) apart in L2, so a 1-Lipschitz critic's
            // E[D(x)] - E[D(G(z))], bounded by the Wasserstein-1 distance, cannot exceed it.
            this.criticBound = 2 * Math.sqrt((double) imageShape.size()) * policy.criticEstimateLimit();
        } else {
            this.criticBound = Double.NaN;
        }
    }

    /**
     * Takes the next report and returns the conditions that start to hold with it, each with the
     * policy's action; none is returned for an ignored condition.
     *
     * @param metrics the next report
     * @return the conditions that start to hold with it, each with the policy's action; none is returned for
     *     an ignored condition
     * @throws IllegalArgumentException if {@code metrics} is not after the previous report
     */
    public List<Diagnosis> observe(StepMetrics metrics) {
        long now = metrics.globalStep();
        if (now <= lastStep) {
            throw new IllegalArgumentException(
                    "reports must come in step order: global step " + now + " after " + lastStep);
        }
        lastStep = now;
        List<Diagnosis> found = new ArrayList<>();
        String nonFinite = nonFinite(metrics);
        if (nonFinite == null) {
            lastFiniteStep = now;
        } else {
            judge(HealthCondition.DIVERGENCE, true, metrics, lastFiniteStep + 1,
                    () -> divergenceEvidence(nonFinite, now), found);
        }
        if (now > policy.warmup()) {
            window.addLast(metrics);
            while (window.size() > MIN_REPORTS && window.peekFirst().globalStep() <= now - policy.window()) {
                window.removeFirst();
            }
        }
        if (now >= (long) policy.warmup() + policy.window() && window.size() >= MIN_REPORTS) {
            judgeWindow(metrics, found);
        }
        return found;
    }

    private void judgeWindow(StepMetrics metrics, List<Diagnosis> found) {
        // The rate is the latest report's: no condition looks at it.
        StepMetrics m = StepMetrics.mean(List.copyOf(window), metrics.samplesPerSecond());
        long from = window.peekFirst().globalStep();
        String over = String.format(Locale.ROOT, "over the %d reports of global steps %d-%d",
                window.size(), from, metrics.globalStep());

        judge(HealthCondition.DISCRIMINATOR_OVERPOWERING, m.discriminatorAccuracy() > policy.overpoweringAccuracy(),
                metrics, from,
                () -> String.format(Locale.ROOT,
                        "the discriminator's accuracy averaged %.3f (real %.3f, fake %.3f) %s, above %.2f;"
                                + " the generator fooled it on %.1f%% of its images",
                        m.discriminatorAccuracy(), m.realAccuracy(), m.fakeAccuracy(), over,
                        policy.overpoweringAccuracy(), 100 * m.foolRate()),
                found);

        double ratio = (double) m.fakeDiversity() / m.realDiversity();
        judge(HealthCondition.GENERATOR_COLLAPSE, m.realDiversity() > 0 && ratio < policy.collapseRatio(), metrics,
                from,
                () -> String.format(Locale.ROOT,
                        "two generated images of a batch were %.3f apart on average against %.3f for real ones"
                                + " (%.1f%% of the real diversity, below %.0f%%) %s",
                        m.fakeDiversity(), m.realDiversity(), 100 * ratio, 100 * policy.collapseRatio(), over),
                found);

        judge(HealthCondition.VANISHING_GENERATOR_GRADIENTS, m.generatorGradientNorm() < policy.vanishingGradientNorm(),
                metrics, from,
                () -> String.format(Locale.ROOT, "the generator's gradient norm averaged %.3g %s, below %.3g",
                        m.generatorGradientNorm(), over, policy.vanishingGradientNorm()),
                found);

        // A critic's scores are raw, so D(x) - D(G(z)) is its estimate whatever penalty its loss carries.
        double estimate = (double) m.realScore() - m.fakeScore();
        judge(HealthCondition.UNCONSTRAINED_CRITIC, estimate > criticBound, metrics, from,
                () -> String.format(Locale.ROOT,
                        "the critic's estimate of the Wasserstein distance, D(x) - D(G(z)), averaged %.4g %s,"
                                + " above %.4g, the most a 1-Lipschitz critic can give between images in [-1, 1]",
                        estimate, over, criticBound),
                found);
    }

    /** The means of the window's reports that the conditions compare with their thresholds. */
    private void judge(
            HealthCondition condition,
            boolean holds,
            StepMetrics metrics,
            long since,
            Supplier<String> evidence,
            List<Diagnosis> found) {
        HealthAction action = policy.action(condition);
        if (!holds || action == HealthAction.IGNORE) {
            return;
        }
        long now = metrics.globalStep();
        Long previous = lastHeld.put(condition, now);
        if (previous == null || now - previous > policy.window()) {
            found.add(new Diagnosis(condition, action, metrics.epoch(), metrics.step(), now, since, evidence.get(),
                    condition.advice(loss)));
        }
    }

    private String divergenceEvidence(String nonFinite, long now) {
        long first = lastFiniteStep + 1;
        if (first == now) {
            return String.format(Locale.ROOT, "%s at global step %d", nonFinite, now);
        }
        String previous = lastFiniteStep == 0
                ? "no earlier report"
                : "the last report with finite values was at global step " + lastFiniteStep;
        return String.format(Locale.ROOT,
                "%s at global step %d; %s, so training diverged at a step in %d-%d (logEvery(1) names the step)",
                nonFinite, now, previous, first, now);
    }

    /** Names the non-finite signals, or returns {@code null} if all are finite. */
    private static String nonFinite(StepMetrics m) {
        List<String> bad = new ArrayList<>();
        check("discriminator loss", m.discriminatorLoss(), bad);
        check("generator loss", m.generatorLoss(), bad);
        check("discriminator gradient norm", m.discriminatorGradientNorm(), bad);
        check("generator gradient norm", m.generatorGradientNorm(), bad);
        return bad.isEmpty() ? null : String.join(", ", bad);
    }

    private static void check(String name, float value, List<String> bad) {
        if (!Float.isFinite(value)) {
            bad.add(name + " " + value);
        }
    }
}
