package dev.gan4j.train.listener;

import dev.gan4j.health.Diagnosis;
import dev.gan4j.train.GanConfig;
import java.io.Console;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Prints training progress the way Keras's {@code fit} does: a bar per epoch with the live losses,
 * D(x), D(G(z)), the discriminator's accuracies and the generator's fool rate, then the epoch's means.
 * On a terminal the bar is redrawn in place at every report. Elsewhere (CI, log files) it prints plain
 * lines, and only a few per epoch: the epoch's first report, then the first report in each further
 * tenth of the epoch.
 *
 * <p>Once training has started ({@link #onTrainingStart}) each report and each epoch's summary also
 * show the estimated time left: {@code ETA epoch 0:41, run 12:05} on a step, {@code run ETA 12:05} after
 * an epoch. The estimate is the mean time per step since this bar's first report times the steps left
 * in the epoch and in the whole run (epochs × steps per epoch); a resumed run counts from where it
 * resumed. Until a second report there is no rate, and no ETA.
 */
public final class ProgressBar implements TrainingListener {

    private static final int WIDTH = 30;
    private static final int LINES_PER_EPOCH = 10;

    private final PrintStream out;
    private final boolean redraw;
    /** Redrawing: a bar is on screen without its line end. */
    private boolean lineOpen;
    /** Plain lines: the step of the last report, to notice a new epoch. */
    private int lastStep;
    /** Plain lines: the tenth of the epoch last printed, or -1 before the epoch's first line. */
    private int lastTenth = -1;
    /** The clock for the ETA, in nanoseconds. */
    private final LongSupplier nanoTime;
    /** The run's epochs, from {@link #onTrainingStart}; 0 before it (no ETA). */
    private int epochs;
    /** The global step and the time of this bar's first report, or -1 before it. */
    private long firstStep = -1;
    private long firstNanos;
    /** The global step and the time of the latest report, for the epoch summary's ETA. */
    private long lastGlobalStep;
    private long lastNanos;
    private int stepsPerEpoch;

    private ProgressBar(PrintStream out, boolean redraw, LongSupplier nanoTime) {
        this.out = out;
        this.redraw = redraw;
        this.nanoTime = nanoTime;
    }

    /**
     * Prints to standard output, redrawing in place when it is a terminal, else in plain lines.
     *
     * @return a progress bar on standard output
     */
    public static ProgressBar toConsole() {
        return new ProgressBar(System.out, isTerminal(), System::nanoTime);
    }

    /**
     * Prints plain lines to {@code out}: a few per epoch and the epoch's summary.
     *
     * @param out the stream to print to
     * @return a progress bar printing plain lines
     */
    public static ProgressBar lines(PrintStream out) {
        return new ProgressBar(out, false, System::nanoTime);
    }

    /** Redraws in place on {@code out}, as on a terminal; for tests. */
    static ProgressBar redrawing(PrintStream out) {
        return new ProgressBar(out, true, System::nanoTime);
    }

    /** Plain lines on {@code out}, timed by {@code nanoTime}; for tests of the ETA. */
    static ProgressBar lines(PrintStream out, LongSupplier nanoTime) {
        return new ProgressBar(out, false, nanoTime);
    }

    /** Learns the run's epochs, which the whole run's ETA needs. */
    @Override
    public void onTrainingStart(GanConfig config, int datasetSize) {
        epochs = config.epochs();
        firstStep = -1;
    }

    @Override
    public void onEpochStart(int epoch, int stepsPerEpoch) {
        this.stepsPerEpoch = stepsPerEpoch;
        lastTenth = -1;
        lastStep = 0;
        if (!redraw) {
            out.printf(Locale.ROOT, "epoch %d: %d steps%n", epoch, stepsPerEpoch);
        }
    }

    @Override
    public void onStep(StepMetrics m) {
        long now = nanoTime.getAsLong();
        if (firstStep < 0) {
            firstStep = m.globalStep();
            firstNanos = now;
        }
        lastGlobalStep = m.globalStep();
        lastNanos = now;
        stepsPerEpoch = m.stepsPerEpoch();
        String line = String.format(Locale.ROOT, "%s %s", bar(m.step(), m.stepsPerEpoch()), values(m));
        double perStep = secondsPerStep();
        if (epochs > 0 && perStep >= 0) {
            long runLeft = Math.max(0, (long) epochs * m.stepsPerEpoch() - m.globalStep());
            line += "  ETA epoch " + duration(perStep * (m.stepsPerEpoch() - m.step())) + ", run "
                    + duration(perStep * runLeft);
        }
        if (redraw) {
            out.print("\r" + line);
            out.flush();
            lineOpen = true;
            return;
        }
        if (m.step() <= lastStep) {
            lastTenth = -1;
        }
        lastStep = m.step();
        int tenth = (int) ((long) LINES_PER_EPOCH * m.step() / m.stepsPerEpoch());
        if (tenth > lastTenth) {
            out.println(line);
            lastTenth = tenth;
        }
    }

    /** Ends the bar's line, so that the diagnosis, logged next, starts on a line of its own. */
    @Override
    public void onHealth(Diagnosis diagnosis) {
        endLine();
    }

    @Override
    public void onEpochEnd(EpochSummary summary) {
        endLine();
        String eta = "";
        double perStep = secondsPerStep();
        if (epochs > 0 && perStep >= 0 && summary.epoch() < summary.epochs()) {
            long runLeft = Math.max(0, (long) summary.epochs() * stepsPerEpoch - summary.globalStep());
            eta = ", run ETA " + duration(perStep * runLeft);
        }
        out.printf(Locale.ROOT, "epoch %d/%d done in %.1f s%s, means: %s%n",
                summary.epoch(), summary.epochs(), summary.seconds(), eta, values(summary.mean()));
    }

    /** The mean seconds per step since this bar's first report, or -1 while there is no rate yet. */
    private double secondsPerStep() {
        long steps = lastGlobalStep - firstStep;
        if (firstStep < 0 || steps <= 0) {
            return -1;
        }
        return (lastNanos - firstNanos) / 1e9 / steps;
    }

    /** {@code m:ss}, or {@code h:mm:ss} from an hour, rounded to the second. */
    static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s >= 3600) {
            return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
        }
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    private void endLine() {
        if (lineOpen) {
            out.println();
            lineOpen = false;
        }
    }

    /**
     * Whether standard output is an interactive terminal. Up to JDK 21 {@code System.console()} is null
     * otherwise; from JDK 22 it may exist anyway, and {@code Console.isTerminal()} (looked up by
     * reflection, as we compile for 17) tells.
     */
    private static boolean isTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (NoSuchMethodException e) {
            return true;
        } catch (IllegalAccessException | InvocationTargetException e) {
            return false;
        }
    }

    private static String bar(int step, int steps) {
        int filled = (int) ((long) WIDTH * step / steps);
        String width = Integer.toString(Integer.toString(steps).length());
        return String.format(Locale.ROOT, "%" + width + "d/%d [%s%s]",
                step, steps, "=".repeat(filled), ".".repeat(WIDTH - filled));
    }

    private static String values(StepMetrics m) {
        return String.format(Locale.ROOT,
                "d_loss %.4f  g_loss %.4f  D(x) %.3f  D(G(z)) %.3f  d_acc real %.2f fake %.2f  fool %.2f  %.0f img/s",
                m.discriminatorLoss(), m.generatorLoss(), m.realScore(), m.fakeScore(), m.realAccuracy(),
                m.fakeAccuracy(), m.foolRate(), m.samplesPerSecond());
    }
}
