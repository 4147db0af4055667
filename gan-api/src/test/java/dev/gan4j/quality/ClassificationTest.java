package dev.gan4j.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ClassificationTest {

    @Test
    void readsProbabilitiesFeaturesAndPredictions() {
        Classification c = Classification.of(2, new float[] {0.3f, 0.7f, 0.5f, 0.5f}, 1, new float[] {4, 5});

        assertThat(c.count()).isEqualTo(2);
        assertThat(c.probability(0, 1)).isEqualTo(0.7f);
        assertThat(c.feature(1, 0)).isEqualTo(5);
        assertThat(c.predicted(0)).isEqualTo(1);
        assertThat(c.predicted(1)).as("a tie goes to the first class").isZero();
    }

    @Test
    void rowsAreChosenInOrder() {
        Classification c = Classification.of(2, new float[] {1, 0, 0, 1, 0.5f, 0.5f}, 1, new float[] {4, 5, 6});

        Classification rows = c.rows(new int[] {2, 0});

        assertThat(rows.count()).isEqualTo(2);
        assertThat(rows.feature(0, 0)).isEqualTo(6);
        assertThat(rows.feature(1, 0)).isEqualTo(4);
        assertThat(rows.probability(1, 0)).isEqualTo(1);
    }

    @Test
    void rejectsArraysThatDisagree() {
        assertThatThrownBy(() -> Classification.of(2, new float[] {1, 0, 0}, 1, new float[] {1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("probabilities has 3 values; it must be a positive multiple of classes 2");
        assertThatThrownBy(() -> Classification.of(2, new float[] {1, 0}, 2, new float[] {1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("features has 1 values; 1 images of 2 features need 2");
        assertThatThrownBy(() -> Classification.of(1, new float[] {1}, 1, new float[] {1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("classes must be >= 2, got 1");
    }
}
