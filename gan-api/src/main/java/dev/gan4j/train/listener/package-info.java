/**
 * Watching a training run: the {@link dev.gan4j.train.listener.TrainingListener} interface, the
 * events it receives ({@link dev.gan4j.train.listener.StepMetrics} every {@code logEvery} steps,
 * {@link dev.gan4j.train.listener.StepProfile} when steps are profiled,
 * {@link dev.gan4j.train.listener.EpochSummary} after each epoch) and ready-made listeners:
 * {@link dev.gan4j.train.listener.ProgressBar} (Keras-style progress on the console),
 * {@link dev.gan4j.train.listener.MetricsFile} (every report as a CSV row) and
 * {@link dev.gan4j.train.listener.SampleGrids} (a PNG grid of samples per epoch).
 *
 * <p>Listeners are called on the training thread by the engine-neutral training loop, the same way
 * on every engine; to write one, implement {@code TrainingListener} and override the events you need.
 *
 * <pre>{@code
 * builder.listener(ProgressBar.toConsole()).listener(MetricsFile.csv(Path.of("out/metrics.csv")));
 * }</pre>
 */
package dev.gan4j.train.listener;
