package dev.gan4j.report;

import dev.gan4j.health.Diagnosis;
import dev.gan4j.image.ImageBatch;
import dev.gan4j.internal.io.AtomicFiles;
import dev.gan4j.quality.QualityReport;
import dev.gan4j.train.GanConfig;
import dev.gan4j.train.Provenance;
import dev.gan4j.train.TrainingCancelledException;
import dev.gan4j.train.listener.EpochSummary;
import dev.gan4j.train.listener.StepMetrics;
import dev.gan4j.train.listener.TrainingListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Writes a self-contained {@code report.html} of a training run into a folder, and {@code progress.gif}
 * beside it: the losses, D(x) and D(G(z)), the accuracies and the fool rate (or, for a Wasserstein
 * critic, its estimate of the distance), the gradient norms, the samples' diversity, the quality
 * figures beside the real-data ceiling when a {@link dev.gan4j.quality.QualityMetric} runs, the health
 * conditions marked where they were raised, the fixed-latent samples after each epoch as an animated
 * GIF, the architectures, the configuration and the provenance.
 *
 * <pre>{@code
 * GanTrainer.builder()
 *     ...
 *     .listener(RunReport.into(Path.of("gan4j-out")))
 *     .build().train(data);
 * }</pre>
 *
 * <p>The page is rewritten, atomically, at the end of every epoch, after each quality report, and when
 * training ends, fails or is cancelled: open it in a browser while the run goes on (it reloads itself
 * every {@link Builder#refreshSeconds(int) refreshSeconds} while the run lasts). Every chart and image
 * is embedded, so the file opens offline, and can be mailed or archived alone.
 *
 * <p>Its cost on the training thread: a step report is 13 numbers appended to arrays; the charts, the
 * GIF and the page are drawn once per epoch (see {@code docs/run-report.md} for the time measured).
 * One instance serves one run at a time; a new run ({@link #onTrainingStart}) starts a new page.
 */
public final class RunReport implements TrainingListener {

    /** The page's file name in the folder. */
    public static final String REPORT_FILE = "report.html";
    /** The animated samples' file name in the folder. */
    public static final String GIF_FILE = "progress.gif";

    private final Path dir;
    private final String title;
    private final int samples;
    private final int columns;
    private final long sampleSeed;
    private final int frameMillis;
    private final int refreshSeconds;
    private final RunState state = new RunState();
    private long lastWriteNanos;

    private RunReport(Builder b) {
        this.dir = b.dir;
        this.title = b.title;
        this.samples = b.samples;
        this.columns = b.columns;
        this.sampleSeed = b.sampleSeed;
        this.frameMillis = b.frameMillis;
        this.refreshSeconds = b.refreshSeconds;
        state.reset();
    }

    /**
     * A report in {@code dir} with the default settings of {@link Builder}.
     *
     * @param dir the output directory of the run
     * @return a report in {@code dir} with the default settings of {@link Builder}
     * @throws NullPointerException with the message {@code "dir"} if {@code dir} is null
     */
    public static RunReport into(Path dir) {
        return builder(dir).build();
    }

    /**
     * A builder of a report in {@code dir}.
     *
     * @param dir the output directory of the run
     * @return a builder of a report in {@code dir}
     * @throws NullPointerException with the message {@code "dir"} if {@code dir} is null
     */
    public static Builder builder(Path dir) {
        return new Builder(Objects.requireNonNull(dir, "dir"));
    }

    /**
     * Returns the page's path, {@code dir/report.html}.
     *
     * @return the page's path, {@code dir/report.html}
     */
    public Path file() {
        return dir.resolve(REPORT_FILE);
    }

    /**
     * Returns the animated samples' path, {@code dir/progress.gif}.
     *
     * @return the animated samples' path, {@code dir/progress.gif}
     */
    public Path gifFile() {
        return dir.resolve(GIF_FILE);
    }

    /**
     * Returns how long the last writing of the page took (drawing the charts, the GIF and the page, and
     * writing both files), in milliseconds; 0 before the first.
     *
     * @return the milliseconds the last writing of the page took; 0 before the first
     */
    public double lastWriteMillis() {
        return lastWriteNanos / 1e6;
    }

    @Override
    public void onTrainingStart(GanConfig config, int datasetSize) {
        state.reset();
        state.config = config;
        state.datasetSize = datasetSize;
        state.epochs = config.epochs();
        state.status = RunState.Status.RUNNING;
    }

    @Override
    public void onEpochStart(int epoch, int stepsPerEpoch) {
        state.status = RunState.Status.RUNNING;
        state.epoch = epoch;
        state.stepsPerEpoch = stepsPerEpoch;
    }

    @Override
    public void onStep(StepMetrics metrics) {
        state.history.add(metrics);
        state.globalStep = metrics.globalStep();
        state.epoch = metrics.epoch();
        state.stepsPerEpoch = metrics.stepsPerEpoch();
    }

    @Override
    public void onHealth(Diagnosis diagnosis) {
        state.diagnoses.add(diagnosis);
    }

    /**
     * Draws the fixed-latent samples and rewrites the page.
     *
     * @throws UncheckedIOException if a file cannot be written, naming the epoch, the file and why
     */
    @Override
    public void onEpochEnd(EpochSummary summary) {
        state.status = RunState.Status.RUNNING;
        state.epoch = summary.epoch();
        state.epochs = summary.epochs();
        state.globalStep = summary.globalStep();
        state.epochEnds.add(new long[] {summary.epoch(), summary.globalStep()});
        state.epochSeconds.add(summary.seconds());
        ImageBatch batch = summary.generator().generate(samples, sampleSeed);
        state.lastGrid = batch.toGrid(columns);
        state.frames.add(ProgressGif.indexed(state.lastGrid));
        state.gridEpochs.add(summary.epoch());
        write("epoch " + summary.epoch());
    }

    /** Adds the report and rewrites the page (the epoch's page was written before the report came). */
    @Override
    public void onQuality(QualityReport report) {
        state.quality.add(report);
        write("quality report of epoch " + report.epoch());
    }

    @Override
    public void onTrainingEnd(Provenance provenance) {
        state.provenance = provenance;
        state.status = RunState.Status.FINISHED;
        write("the end of training");
    }

    /** Writes the page once more, saying how the run ended; a failure to write is added to {@code error}. */
    @Override
    public void onTrainingFailed(Throwable error) {
        state.status = error instanceof TrainingCancelledException ? RunState.Status.CANCELLED
                : RunState.Status.FAILED;
        state.failure = error.getClass().getSimpleName() + (error.getMessage() == null ? "" : ": " + error.getMessage());
        write("the end of a failed run");
    }

    private void write(String when) {
        long start = System.nanoTime();
        Path target = file();
        try {
            if (state.gifFrames != state.frames.size()) {
                state.gif = ProgressGif.encode(state.frames, frameMillis);
                state.gifFrames = state.frames.size();
            }
            byte[] gif = state.gif;
            String html = ReportPage.render(state, title, refreshSeconds, gif);
            if (gif != null) {
                target = gifFile();
                AtomicFiles.write(target, out -> out.write(gif));
            }
            target = file();
            byte[] page = html.getBytes(StandardCharsets.UTF_8);
            AtomicFiles.write(target, out -> out.write(page));
        } catch (IOException e) {
            // AtomicFiles' message names the file and the reason; UncheckedIOException's own would hide it.
            throw new UncheckedIOException("run report after " + when + ": " + e.getMessage(), e);
        }
        lastWriteNanos = System.nanoTime() - start;
    }

    /** The report's settings; every one has a default. */
    public static final class Builder {

        private final Path dir;
        private String title = "gan4j run";
        private int samples = 64;
        private int columns = 8;
        private long sampleSeed = 2024;
        private int frameMillis = 400;
        private int refreshSeconds = 30;

        private Builder(Path dir) {
            this.dir = dir;
        }

        /**
         * The page's heading and title; default {@code "gan4j run"}.
         *
         * @param title the page's heading and title
         * @return this builder
         * @throws NullPointerException with the message {@code "title"} if {@code title} is null
         */
        public Builder title(String title) {
            this.title = Objects.requireNonNull(title, "title");
            return this;
        }

        /**
         * The samples drawn after each epoch, always from the same latent vectors, and the grid's columns;
         * default 64 in 8 columns.
         *
         * @param columns the grid's columns
         * @param count the samples drawn after each epoch
         * @return this builder
         * @throws IllegalArgumentException if {@code count} is not in [1, 1024] or {@code columns < 1}
         */
        public Builder samples(int count, int columns) {
            if (count < 1 || count > 1024) {
                throw new IllegalArgumentException("samples count must be in [1, 1024], got " + count);
            }
            if (columns < 1) {
                throw new IllegalArgumentException("samples columns must be >= 1, got " + columns);
            }
            this.samples = count;
            this.columns = columns;
            return this;
        }

        /**
         * The seed of the samples' latent vectors; default 2024 (that of {@code TrainMnist}'s sample grids).
         *
         * @param seed the seed the latents are drawn from
         * @return this builder
         */
        public Builder sampleSeed(long seed) {
            this.sampleSeed = seed;
            return this;
        }

        /**
         * How long the GIF shows each epoch's samples, in milliseconds (the last frame at least 1.5 s);
         * default 400.
         *
         * @param millis how long each frame shows, in milliseconds
         * @return this builder
         * @throws IllegalArgumentException if {@code millis} is not in [10, 60000]
         */
        public Builder frameMillis(int millis) {
            if (millis < 10 || millis > 60_000) {
                throw new IllegalArgumentException("frameMillis must be in [10, 60000], got " + millis);
            }
            this.frameMillis = millis;
            return this;
        }

        /**
         * How often an open page reloads itself while the run lasts, in seconds, or 0 for never; a
         * finished page never reloads. Default 30.
         *
         * @param seconds the seconds between reloads, or 0 for never
         * @return this builder
         * @throws IllegalArgumentException if {@code seconds < 0}
         */
        public Builder refreshSeconds(int seconds) {
            if (seconds < 0) {
                throw new IllegalArgumentException("refreshSeconds must be >= 0, got " + seconds);
            }
            this.refreshSeconds = seconds;
            return this;
        }

        /**
         * Returns the report.
         *
         * @return the report
         */
        public RunReport build() {
            return new RunReport(this);
        }
    }
}
