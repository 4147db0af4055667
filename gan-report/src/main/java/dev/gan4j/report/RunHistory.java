package dev.gan4j.report;

import dev.gan4j.train.listener.StepMetrics;
import java.util.Arrays;

/**
 * The step reports of a run, column by column in primitive arrays: 13 numbers (56 bytes) per report,
 * grown by doubling, so that keeping a long run's history costs the training thread an array store
 * per value and no object per step.
 */
final class RunHistory {

    /** The measured columns, in the order of {@link #column}. */
    enum Column {
        DISCRIMINATOR_LOSS, GENERATOR_LOSS, REAL_SCORE, FAKE_SCORE, REAL_ACCURACY, FAKE_ACCURACY, FOOL_RATE,
        GENERATOR_GRADIENT_NORM, DISCRIMINATOR_GRADIENT_NORM, FAKE_DIVERSITY, REAL_DIVERSITY, GRADIENT_PENALTY
    }

    private long[] globalSteps = new long[256];
    private final float[][] columns = new float[Column.values().length][256];
    private int size;

    void add(StepMetrics m) {
        if (size == globalSteps.length) {
            globalSteps = Arrays.copyOf(globalSteps, size * 2);
            for (int c = 0; c < columns.length; c++) {
                columns[c] = Arrays.copyOf(columns[c], size * 2);
            }
        }
        globalSteps[size] = m.globalStep();
        int i = size;
        columns[0][i] = m.discriminatorLoss();
        columns[1][i] = m.generatorLoss();
        columns[2][i] = m.realScore();
        columns[3][i] = m.fakeScore();
        columns[4][i] = m.realAccuracy();
        columns[5][i] = m.fakeAccuracy();
        columns[6][i] = m.foolRate();
        columns[7][i] = m.generatorGradientNorm();
        columns[8][i] = m.discriminatorGradientNorm();
        columns[9][i] = m.fakeDiversity();
        columns[10][i] = m.realDiversity();
        columns[11][i] = m.gradientPenalty();
        size++;
    }

    int size() {
        return size;
    }

    void clear() {
        size = 0;
    }

    /** The global steps of the reports, as chart coordinates. */
    double[] steps() {
        double[] x = new double[size];
        for (int i = 0; i < size; i++) {
            x[i] = globalSteps[i];
        }
        return x;
    }

    /** A column as chart coordinates; NaN where a value was not finite, which the chart leaves as a gap. */
    double[] column(Column column) {
        float[] values = columns[column.ordinal()];
        double[] y = new double[size];
        for (int i = 0; i < size; i++) {
            y[i] = Float.isFinite(values[i]) ? values[i] : Double.NaN;
        }
        return y;
    }

    /** The critic's estimate of the Wasserstein distance, D(x) − D(G(z)), per report. */
    double[] criticEstimate() {
        double[] real = column(Column.REAL_SCORE);
        double[] fake = column(Column.FAKE_SCORE);
        double[] y = new double[size];
        for (int i = 0; i < size; i++) {
            y[i] = real[i] - fake[i];
        }
        return y;
    }

    /** Whether some report measured the column (a finite value). */
    boolean measured(Column column) {
        float[] values = columns[column.ordinal()];
        for (int i = 0; i < size; i++) {
            if (Float.isFinite(values[i])) {
                return true;
            }
        }
        return false;
    }
}
