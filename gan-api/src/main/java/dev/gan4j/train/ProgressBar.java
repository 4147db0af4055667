package dev.gan4j.train;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Prints training progress the way Keras's {@code fit} does: a bar per epoch with the live losses,
 * D(x), D(G(z)), the discriminator's accuracies and the generator's fool rate. On a terminal the bar
 * is redrawn in place; elsewhere (CI, log files) each report is a plain line.
 */
public final class ProgressBar implements TrainingListener {

    private static final int WIDTH = 30;

    private final PrintStream out;
    private final boolean redraw;

    private ProgressBar(PrintStream out, boolean redraw) {
        this.out = out;
        this.redraw = redraw;
    }

    /** Prints to standard output, redrawing in place when it is a terminal. */
    public static ProgressBar toConsole() {
        return new ProgressBar(System.out, System.console() != null);
    }

    /** Prints plain lines to {@code out}. */
    public static ProgressBar lines(PrintStream out) {
        return new ProgressBar(out, false);
    }

    @Override
    public void onEpochStart(int epoch, int stepsPerEpoch) {
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
        } else {
            out.println(line);
        }
    }

    @Override
    public void onEpochEnd(EpochSummary summary) {
        if (redraw) {
            out.println();
        }
        out.printf(Locale.ROOT, "epoch %d/%d done in %.1f s, means: %s%n",
                summary.epoch(), summary.epochs(), summary.seconds(), values(summary.mean()));
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
