package dev.gan4j.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AdamTest {

    @Test
    void shortFormsUseKerasDefaultsForTheRest() {
        assertThat(Adam.of(1e-4, 0.3)).isEqualTo(new Adam(1e-4, 0.3, 0.999, 1e-7));
        assertThat(Adam.of(1e-4, 0.3, 0.99)).isEqualTo(new Adam(1e-4, 0.3, 0.99, 1e-7));
    }

    @Test
    void describesItselfInOneLine() {
        assertThat(new Adam(2e-4, 0.5, 0.999, 1e-7).describe())
                .isEqualTo("Adam(lr=2.0E-4, beta1=0.5, beta2=0.999, eps=1.0E-7)");
    }

    @Test
    void acceptsZeroBetas() {
        assertThat(new Adam(0.1, 0, 0, 1e-8).beta1()).isZero();
    }

    @Test
    void rejectsLearningRateThatIsNotPositiveAndFinite() {
        assertThatThrownBy(() -> Adam.of(0, 0.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Adam learningRate must be > 0 and finite, got 0.0");
        assertThatThrownBy(() -> Adam.of(-1e-3, 0.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Adam learningRate must be > 0 and finite, got -0.001");
        assertThatThrownBy(() -> Adam.of(Double.POSITIVE_INFINITY, 0.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Adam learningRate must be > 0 and finite, got Infinity");
        assertThatThrownBy(() -> Adam.of(Double.NaN, 0.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Adam learningRate must be > 0 and finite, got NaN");
    }

    @Test
    void rejectsBetasOutsideZeroToOne() {
        assertThatThrownBy(() -> Adam.of(1e-4, 1.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Adam beta1 must be in [0, 1), got 1.0");
        assertThatThrownBy(() -> Adam.of(1e-4, -0.1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Adam beta1 must be in [0, 1), got -0.1");
        assertThatThrownBy(() -> Adam.of(1e-4, 0.5, 1.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Adam beta2 must be in [0, 1), got 1.0");
    }

    @Test
    void rejectsEpsilonThatIsNotPositiveAndFinite() {
        assertThatThrownBy(() -> new Adam(1e-4, 0.5, 0.999, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Adam epsilon must be > 0 and finite, got 0.0");
        assertThatThrownBy(() -> new Adam(1e-4, 0.5, 0.999, Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Adam epsilon must be > 0 and finite, got Infinity");
    }
}
