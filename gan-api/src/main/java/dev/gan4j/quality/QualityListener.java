package dev.gan4j.quality;

import dev.gan4j.train.listener.EpochSummary;
import dev.gan4j.train.GanConfig;
import dev.gan4j.train.listener.TrainingListener;
import java.util.List;

/**
 * Runs a {@link QualityMetric} during training: prepares its classifier when training starts (so a
 * misfit shows before the first step), then scores the generator every {@code every} epochs and
 * after the last, and hands the report to every listener of the run, itself included.
 */
final class QualityListener implements TrainingListener {

    private final QualityMetric metric;
    private List<TrainingListener> listeners = List.of();

    QualityListener(QualityMetric metric) {
        this.metric = metric;
    }

    @Override
    public void onTrainingStart(GanConfig config, int datasetSize) {
        if (!config.generator().outputShape().equals(metric.classifierSpec().inputShape())) {
            throw new IllegalArgumentException("the generator makes images of shape "
                    + config.generator().outputShape() + " but the quality classifier takes "
                    + metric.classifierSpec().inputShape() + "; set a classifier for them with"
                    + " QualityMetric.Builder.classifier(spec, training)");
        }
        listeners = config.listeners();
        metric.classifier();
    }

    @Override
    public void onEpochEnd(EpochSummary summary) {
        if (summary.epoch() % metric.every() == 0 || summary.epoch() == summary.epochs()) {
            QualityReport report = metric.score(summary.generator(), summary.epoch(), summary.globalStep());
            for (TrainingListener l : listeners) {
                l.onQuality(report);
            }
        }
    }
}
