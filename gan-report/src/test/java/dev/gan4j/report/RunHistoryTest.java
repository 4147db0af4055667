package dev.gan4j.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gan4j.report.RunHistory.Column;
import dev.gan4j.train.listener.StepMetrics;
import org.junit.jupiter.api.Test;

/** The compact step history behind the charts: each field in its column, past the first array's size. */
class RunHistoryTest {

    private static StepMetrics report(int i) {
        return new StepMetrics(1, i, 1000, i, i + 0.01f, i + 0.02f, i + 0.03f, i + 0.04f, i + 0.05f, i + 0.06f,
                i + 0.07f, 99, i + 0.08f, i + 0.09f, i + 0.10f, i + 0.11f, i + 0.12f);
    }

    @Test
    void keepsEveryFieldInItsColumnAcrossGrowth() {
        RunHistory history = new RunHistory();
        for (int i = 1; i <= 1000; i++) {
            history.add(report(i));
        }

        assertThat(history.size()).isEqualTo(1000);
        assertThat(history.steps()[999]).isEqualTo(1000);
        float[] offsets = {0.01f, 0.02f, 0.03f, 0.04f, 0.05f, 0.06f, 0.07f, 0.08f, 0.09f, 0.10f, 0.11f, 0.12f};
        for (Column c : Column.values()) {
            for (int i : new int[] {0, 255, 256, 999}) {
                assertThat(history.column(c)[i]).as("%s at %d", c, i).isEqualTo((double) (i + 1 + offsets[c.ordinal()]));
            }
        }
        assertThat(history.criticEstimate()[0]).isEqualTo((double) (1.03f) - (double) (1.04f));
    }

    @Test
    void nonFiniteValuesBecomeGapsAndUnmeasuredColumnsSaySo() {
        RunHistory history = new RunHistory();
        history.add(new StepMetrics(1, 1, 10, 1, Float.POSITIVE_INFINITY, 1, 1, 1, Float.NaN, Float.NaN, Float.NaN, 1,
                1, 1, 1, 1));

        assertThat(history.column(Column.DISCRIMINATOR_LOSS)).containsExactly(Double.NaN);
        assertThat(history.measured(Column.REAL_ACCURACY)).isFalse();
        assertThat(history.measured(Column.GRADIENT_PENALTY)).isFalse();
        assertThat(history.measured(Column.GENERATOR_LOSS)).isTrue();
    }
}
