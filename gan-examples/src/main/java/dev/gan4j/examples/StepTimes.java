package dev.gan4j.examples;

import dev.gan4j.train.listener.StepMetrics;
import java.util.List;

/** The example programs' timings, read from the metric reports of a run. */
final class StepTimes {

    private StepTimes() {}

    /**
     * Returns the seconds per step over the reports after the first, which covers the warm-up. Each
     * report's rate is over the steps since the one before, whose count its global step gives (the
     * last report of an epoch may cover fewer steps than {@code logEvery}); each report is one device
     * synchronisation, so queued work is counted in the report it belongs to.
     *
     * @param imagesPerStep the real images of one step, {@code batchSize * discriminatorSteps}, as the
     *     reports' {@link StepMetrics#samplesPerSecond()} counts them
     * @throws IllegalArgumentException if there are fewer than two reports
     */
    static double secondsPerStep(List<StepMetrics> reports, int imagesPerStep) {
        if (reports.size() < 2) {
            throw new IllegalArgumentException("timing needs two reports or more, got " + reports.size());
        }
        double seconds = 0;
        long steps = 0;
        for (int i = 1; i < reports.size(); i++) {
            long covered = reports.get(i).globalStep() - reports.get(i - 1).globalStep();
            seconds += (double) covered * imagesPerStep / reports.get(i).samplesPerSecond();
            steps += covered;
        }
        return seconds / steps;
    }
}
