package dev.gan4j.train.listener;

import dev.gan4j.internal.io.AtomicFiles;
import dev.gan4j.train.GanConfig;
import dev.gan4j.train.Provenance;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Writes every metric report of a run to a CSV file, one row per report (every {@code logEvery} steps
 * and at the end of each epoch), flushed after each row so that the file can be followed while training
 * runs and survives a crash. The file is created (or emptied) when training starts and closed when it
 * ends.
 *
 * <p>The first line names the {@link #COLUMNS}: every {@link StepMetrics} component in order, then
 * {@code elapsedSeconds}, the wall-clock seconds since training started, then {@code gradientPenalty}
 * (added after {@code elapsedSeconds} so that the earlier columns keep their places; NaN without a
 * penalty). Numbers are written as Java
 * prints them ({@code 0.6931}, {@code 1.5E-4}, {@code NaN}, {@code Infinity}), with a dot as the decimal
 * separator; pandas' {@code read_csv} and spreadsheets read them as they are.
 *
 * <pre>{@code
 * builder.listener(MetricsFile.csv(Path.of("out/metrics.csv")));
 * }</pre>
 */
public final class MetricsFile implements TrainingListener, Closeable {

    /** The column names of the header line, in order. */
    public static final List<String> COLUMNS = List.of(
            "epoch", "step", "stepsPerEpoch", "globalStep",
            "discriminatorLoss", "generatorLoss", "realScore", "fakeScore",
            "realAccuracy", "fakeAccuracy", "foolRate", "samplesPerSecond",
            "generatorGradientNorm", "discriminatorGradientNorm", "fakeDiversity", "realDiversity",
            "elapsedSeconds", "gradientPenalty");

    private final Path file;
    private Writer out;
    private long start;

    private MetricsFile(Path file) {
        this.file = file;
    }

    /**
     * Returns a listener that writes CSV to {@code file}, creating its directory when training starts.
     *
     * @param file the CSV file to write
     * @return a listener that writes CSV to {@code file}, creating its directory when training starts
     */
    public static MetricsFile csv(Path file) {
        return new MetricsFile(Objects.requireNonNull(file, "file"));
    }

    /**
     * Returns the file written.
     *
     * @return the file written
     */
    public Path file() {
        return file;
    }

    /**
     * Creates or empties the file and writes the header.
     *
     * @throws UncheckedIOException if the file cannot be written, naming it and saying why ({@code
     *     "cannot write metrics file out/metrics.csv: No space left on device"}), or if it is a directory
     */
    @Override
    public void onTrainingStart(GanConfig config, int datasetSize) {
        close();
        start = System.nanoTime();
        if (Files.isDirectory(file)) {
            throw new UncheckedIOException("cannot write metrics file " + file + ": it is a directory; choose a file"
                    + " path", new FileSystemException(file.toString(), null, "is a directory"));
        }
        try {
            AtomicFiles.createParents(file);
            out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            write(String.join(",", COLUMNS));
        } catch (IOException e) {
            throw failure(e);
        }
    }

    /**
     * Writes the report's row and flushes it.
     *
     * @throws IllegalStateException if training has not started
     * @throws UncheckedIOException if the file cannot be written, naming it and saying why, as {@link
     *     #onTrainingStart} does
     */
    @Override
    public void onStep(StepMetrics m) {
        if (out == null) {
            throw new IllegalStateException("metrics file " + file + " is not open: onTrainingStart was not called");
        }
        String row = m.epoch() + "," + m.step() + "," + m.stepsPerEpoch() + "," + m.globalStep()
                + "," + m.discriminatorLoss() + "," + m.generatorLoss() + "," + m.realScore() + "," + m.fakeScore()
                + "," + m.realAccuracy() + "," + m.fakeAccuracy() + "," + m.foolRate()
                + "," + String.format(Locale.ROOT, "%.1f", m.samplesPerSecond())
                + "," + m.generatorGradientNorm() + "," + m.discriminatorGradientNorm()
                + "," + m.fakeDiversity() + "," + m.realDiversity()
                + "," + String.format(Locale.ROOT, "%.3f", (System.nanoTime() - start) / 1e9)
                + "," + m.gradientPenalty();
        try {
            write(row);
        } catch (IOException e) {
            throw failure(e);
        }
    }

    /** Closes the file. */
    @Override
    public void onTrainingEnd(Provenance provenance) {
        close();
    }

    /** Closes the file: the rows up to the failure are kept. */
    @Override
    public void onTrainingFailed(Throwable error) {
        close();
    }

    /**
     * Closes the file if it is open; training closes it when it ends or fails, and every row is
     * flushed as written. Idempotent.
     *
     * @throws UncheckedIOException if closing fails, naming the file
     */
    @Override
    public void close() {
        if (out == null) {
            return;
        }
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close metrics file " + file + ": " + AtomicFiles.describe(e), e);
        } finally {
            out = null;
        }
    }

    /** The message says why: UncheckedIOException's own is all that shows where training rethrows it. */
    private UncheckedIOException failure(IOException e) {
        return new UncheckedIOException("cannot write metrics file " + file + ": " + AtomicFiles.describe(e), e);
    }

    private void write(String line) throws IOException {
        out.write(line);
        out.write('\n');
        out.flush();
    }
}
