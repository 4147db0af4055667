package dev.gan4j.cli;

import dev.gan4j.data.ImageDataset;
import dev.gan4j.health.UnhealthyTrainingException;
import dev.gan4j.quality.QualityMetric;
import dev.gan4j.quality.QualityReport;
import dev.gan4j.report.RunReport;
import dev.gan4j.train.GanTrainer;
import dev.gan4j.train.GanConfig;
import dev.gan4j.train.TrainedGan;
import dev.gan4j.train.listener.EpochSummary;
import dev.gan4j.train.listener.MetricsFile;
import dev.gan4j.train.listener.ProgressBar;
import dev.gan4j.train.listener.SampleGrids;
import dev.gan4j.train.listener.TrainingListener;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;

/**
 * What {@code train} and {@code resume} write into their output directory, and print: the listeners of
 * a run and, after it, the generator, its ONNX export, a final sample grid and the quality table.
 */
final class RunOutputs {

    private RunOutputs() {}

    /**
     * The listeners of a {@code train} or {@code resume} run writing into {@code out}, in the order they
     * are called: the console progress bar (with the whole run's ETA), a sample grid per epoch ({@code
     * epoch-001.png}...: see {@link #sampleGrids}), the metrics of every report ({@code metrics}) and
     * the run report ({@code report.html} and {@code progress.gif}, rewritten each epoch: docs/run-report.md).
     * The one place to add a listener to both commands.
     */
    static List<TrainingListener> listeners(Path out, MetricsFile metrics) {
        List<TrainingListener> listeners = new ArrayList<>();
        listeners.add(ProgressBar.toConsole());
        listeners.add(sampleGrids(out));
        listeners.add(metrics);
        listeners.add(RunReport.into(out));
        return listeners;
    }

    /**
     * A sample grid per epoch of latents of seed 2024: 64 images in 8 columns, or, from a generator
     * conditional on {@code k} classes, {@code k × k} images in {@code k} columns, so that each column is
     * one class (its labels are {@code i % k}). Which one is known when training starts: a resumed run's
     * generator comes from its checkpoint.
     */
    static TrainingListener sampleGrids(Path out) {
        return new TrainingListener() {
            private SampleGrids grids;

            @Override
            public void onTrainingStart(GanConfig config, int datasetSize) {
                int classes = config.generator().classes();
                grids = classes > 0 ? SampleGrids.into(out, classes * classes, classes, 2024)
                        : SampleGrids.into(out, 64, 8, 2024);
            }

            @Override
            public void onEpochEnd(EpochSummary summary) {
                grids.onEpochEnd(summary);
            }
        };
    }

    /** Prints each quality report as it comes, on one line. */
    static TrainingListener qualityLines(PrintWriter printer) {
        return new TrainingListener() {
            @Override
            public void onQuality(QualityReport report) {
                printer.println("quality " + report.describe());
                printer.flush();
            }
        };
    }

    /**
     * Trains, then writes and prints what {@link #finish} does; closes {@code metrics}. If health stops
     * the run, says where the metrics up to the stop are and rethrows, for {@link Gan4jCommand}'s
     * failure handling (exit 1).
     */
    static void train(GanTrainer trainer, ImageDataset images, Path out, MetricsFile metrics, QualityMetric quality,
            CommandLine commandLine) throws IOException {
        long start = System.nanoTime();
        try (metrics; TrainedGan gan = trainer.train(images)) {
            finish(gan, out, metrics, (System.nanoTime() - start) / 1e9, quality, commandLine.getOut());
        } catch (UnhealthyTrainingException e) {
            commandLine.getErr().println("metrics up to the stop: " + metrics.file().toAbsolutePath());
            throw e;
        }
    }

    /**
     * Writes the trained generator ({@code generator.gan4j}), its ONNX export ({@code generator.onnx})
     * and 100 samples of seed 7 ({@code samples.png}, 10 columns: one class per column from a generator
     * conditional on 10 classes) into {@code out}, and prints where they are; with a {@code quality}
     * metric, also its final report as a table, and a conditional generator's conditional accuracy (the
     * share of samples the classifier assigns to the class they were drawn for).
     */
    private static void finish(TrainedGan gan, Path out, MetricsFile metrics, double seconds, QualityMetric quality,
            PrintWriter printer) throws IOException {
        Path model = out.resolve("generator.gan4j");
        gan.save(model);
        Path onnx = out.resolve("generator.onnx");
        gan.exportOnnx(onnx);
        Path grid = out.resolve("samples.png");
        gan.generate(100, 7).writeGridPng(grid, 10);
        printer.printf(Locale.ROOT, "trained %d steps in %.1f s%n", gan.provenance().steps(), seconds);
        printer.println("sample grids per epoch: " + out.toAbsolutePath().resolve("epoch-*.png"));
        printer.println("metrics per report:     " + metrics.file().toAbsolutePath());
        printer.println("final samples:          " + grid.toAbsolutePath());
        printer.println("generator:              " + model.toAbsolutePath());
        printer.println("generator for ONNX:     " + onnx.toAbsolutePath());
        printer.println("run report:             " + out.toAbsolutePath().resolve("report.html"));
        if (quality != null) {
            printFinal(quality.score(gan), printer);
        }
        printer.flush();
    }

    /** The last report as a table: the generated images beside the held-out real ones. */
    private static void printFinal(QualityReport r, PrintWriter printer) {
        printer.printf(Locale.ROOT, "sample quality of %d generated images vs %d held-out real digits:%n",
                r.generated().samples(), r.real().samples());
        printer.printf(Locale.ROOT, "  %-28s %10s %10s%n", "", "generated", "real");
        printer.printf(Locale.ROOT, "  %-28s %10.2f %10.2f%n", "classifier score (max 10)",
                r.generated().classifierScore(), r.real().classifierScore());
        printer.printf(Locale.ROOT, "  %-28s %10.2f %10.2f%n", "Frechet distance",
                r.generated().frechetDistance(), r.real().frechetDistance());
        printer.printf(Locale.ROOT, "  %-28s %9.1f%% %9.1f%%%n", "recognizable (p >= 0.9)",
                100 * r.generated().recognizability(), 100 * r.real().recognizability());
        printer.printf(Locale.ROOT, "  %-28s %10s %10s%n", "classes covered (>= 5%)",
                r.generated().classesCovered() + "/10", r.real().classesCovered() + "/10");
        printer.printf(Locale.ROOT, "  %-28s %9.1f%% %9.1f%%%n", "smallest class share",
                100 * r.generated().smallestClassShare(), 100 * r.real().smallestClassShare());
        StringBuilder shares = new StringBuilder("  generated class shares:");
        for (int k = 0; k < r.generated().classShares().size(); k++) {
            shares.append(String.format(Locale.ROOT, " %d:%.1f%%", k, 100 * r.generated().classShares().get(k)));
        }
        printer.println(shares);
        if (r.isConditional()) {
            printer.printf(Locale.ROOT, "  %-28s %9.1f%%%n", "conditional accuracy", 100 * r.conditionalAccuracy());
        }
    }
}
