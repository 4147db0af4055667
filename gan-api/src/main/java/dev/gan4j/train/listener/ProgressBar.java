package dev.gan4j.train.listener;

import dev.gan4j.health.Diagnosis;
import java.io.Console;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.util.Locale;

/**
 * Prints training progress the way Keras's {@code fit} does: a bar per epoch with the live losses,
 * D(x), D(G(z)), the discriminator's accuracies and the generator's fool rate, then the epoch's means.
 * On a terminal the bar is redrawn in place at every report. Elsewhere (CI, log files) it prints plain
 * lines, and only a few per epoch: the epoch's first report, then the first report in each further
 * tenth of the epoch.
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

    private ProgressBar(PrintStream out, boolean redraw) {
        this.out = out;
        this.redraw = redraw;
    }

    /**
     * Prints to standard output, redrawing in place when it is a terminal, else in plain lines.
     *
     * @return a progress bar on standard output
     */
    public static ProgressBar toConsole() {
        return new ProgressBar(System.out, isTerminal());
    }

    /**
     * Prints plain lines to {@code out}: a few per epoch and the epoch's summary.
     *
     * @param out the stream to print to
     * @return a progress bar printing plain lines
     */
    public static ProgressBar lines(PrintStream out) {
        return new ProgressBar(out, false);
    }

    /** Redraws in place on {@code out}, as on a terminal; for tests. */
    static ProgressBar redrawing(PrintStream out) {
        return new ProgressBar(out, true);
    }

    @Override
    public void onEpochStart(int epoch, int stepsPerEpoch) {
        lastTenth = -1;
        lastStep = 0;
        if (!redraw) {
            out.printf(Locale.ROOT, "epoch %d: %d steps%n", epoch, stepsPerEpoch);
        }
    }

    @Override
    public void onStep(StepMetrics m) {
        String line = String.format(Locale.ROOT, "%s %s", bar(m.step(), m.stepsPerEpoch()), values(m));
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
        out.printf(Locale.ROOT, "epoch %d/%d done in %.1f s, means: %s%n",
                summary.epoch(), summary.epochs(), summary.seconds(), values(summary.mean()));
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
