package dev.gan4j.train.listener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class StepMetricsTest {

    private static StepMetrics report(int step, float v) {
        return new StepMetrics(2, step, 30, 30 + step, v, 2 * v, 0.5f, 0.25f, 1f, 0f, v, 100, 3 * v, 4 * v, v, 2f);
    }

    @Test
    void meanAveragesTheMeasuredValuesAndKeepsTheLastCounters() {
        StepMetrics mean = StepMetrics.mean(List.of(report(10, 1f), report(20, 3f)), 555);

        assertThat(mean).isEqualTo(new StepMetrics(2, 20, 30, 50, 2f, 4f, 0.5f, 0.25f, 1f, 0f, 2f, 555, 6f, 8f, 2f, 2f));
        assertThat(mean.discriminatorAccuracy()).isEqualTo(0.5f);
    }

    @Test
    void meanOfNoReportsIsRejected() {
        assertThatThrownBy(() -> StepMetrics.mean(List.of(), 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("reports is empty; the mean needs at least one");
    }
}
