/**
 * gan4j's run report: a {@link dev.gan4j.train.listener.TrainingListener} that writes a self-contained
 * {@code report.html} of a training run (charts, samples, health, configuration, provenance).
 *
 * <p>XChart draws the charts; it is this module's dependency alone, so gan-api stays free of it. The
 * report writes its files with gan-api's {@code dev.gan4j.internal.io.AtomicFiles}, which gan-api
 * exports to this module.
 */
module dev.gan4j.report {
    requires transitive dev.gan4j.api;
    requires org.knowm.xchart;

    exports dev.gan4j.report;
}
