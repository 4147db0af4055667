package dev.gan4j.spi;

import dev.gan4j.health.Diagnosis;
import dev.gan4j.health.HealthMonitor;
import dev.gan4j.health.UnhealthyTrainingException;
import dev.gan4j.train.GanConfig;
import dev.gan4j.train.listener.StepMetrics;
import dev.gan4j.train.listener.TrainingListener;
import java.nio.file.Path;
import java.util.List;
import java.util.function.LongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds every metric report to the run's {@link HealthMonitor} and carries out the policy: tells the
 * listeners, logs to {@code dev.gan4j.health}, and stops training when the action is {@code STOP}.
 *
 * <p>Divergence costs no host synchronisation of its own: a NaN or infinity in the weights makes every
 * later loss and gradient non-finite, so the next report (at most {@code logEvery} steps later) shows it,
 * and the monitor names the steps since the last finite report.
 */
final class TrainingHealth {

    private static final Logger LOG = LoggerFactory.getLogger("dev.gan4j.health");

    private final HealthMonitor monitor;
    private final List<TrainingListener> listeners;
    private final LongFunction<Path> lastGoodCheckpoint;

    /**
     * @param lastGoodCheckpoint the newest checkpoint written before a global step, or {@code null} if
     *     there is none
     */
    TrainingHealth(GanConfig config, LongFunction<Path> lastGoodCheckpoint) {
        this.monitor = config.health().isOff() ? null : new HealthMonitor(config.health(), config.loss(), config.generator().outputShape());
        this.listeners = config.listeners();
        this.lastGoodCheckpoint = lastGoodCheckpoint;
    }

    /**
     * Judges one report.
     *
     * @throws UnhealthyTrainingException for the first diagnosis whose action is {@code STOP}, after every
     *     diagnosis of the report has been told and logged
     */
    void check(StepMetrics metrics) {
        if (monitor == null) {
            return;
        }
        UnhealthyTrainingException stop = null;
        for (Diagnosis d : monitor.observe(metrics)) {
            for (TrainingListener l : listeners) {
                l.onHealth(d);
            }
            switch (d.action()) {
                case LOG:
                    LOG.info("{}", d.message());
                    break;
                case WARN:
                    LOG.warn("{}", d.message());
                    break;
                case STOP:
                    LOG.error("{}", d.message());
                    if (stop == null) {
                        stop = new UnhealthyTrainingException(d, lastGoodCheckpoint.apply(d.sinceStep()));
                    }
                    break;
                default:
                    break;
            }
        }
        if (stop != null) {
            throw stop;
        }
    }
}
