package dev.gan4j.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TensorShapeTest {

    @Test
    void reportsRankDimensionsAndElementCount() {
        TensorShape shape = TensorShape.of(1, 28, 28);

        assertThat(shape.rank()).isEqualTo(3);
        assertThat(shape.dim(0)).isEqualTo(1);
        assertThat(shape.dim(2)).isEqualTo(28);
        assertThat(shape.size()).isEqualTo(784);
        assertThat(shape.dims()).containsExactly(1, 28, 28);
    }

    @Test
    void printsAsKerasDoes() {
        assertThat(TensorShape.of(1, 28, 28)).hasToString("(1, 28, 28)");
        assertThat(TensorShape.of(100)).hasToString("(100)");
    }

    @Test
    void countsElementsBeyondIntRange() {
        TensorShape shape = TensorShape.of(65536, 65536);

        assertThat(shape.size()).isEqualTo(4_294_967_296L);
    }

    @Test
    void equalsByDimensions() {
        assertThat(TensorShape.of(3, 32, 32)).isEqualTo(TensorShape.of(3, 32, 32))
                .hasSameHashCodeAs(TensorShape.of(3, 32, 32))
                .isNotEqualTo(TensorShape.of(32, 32, 3))
                .isNotEqualTo(TensorShape.of(3, 32));
    }

    @Test
    void isNotChangedByTheArrayItCameFromOrGaveOut() {
        int[] dims = {1, 28, 28};
        TensorShape shape = TensorShape.of(dims);

        dims[0] = 3;
        shape.dims()[1] = 5;

        assertThat(shape).isEqualTo(TensorShape.of(1, 28, 28));
    }

    @Test
    void rejectsNoDimensions() {
        assertThatThrownBy(() -> TensorShape.of())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("shape must have at least one dimension, got none");
    }

    @Test
    void rejectsZeroOrNegativeDimension() {
        assertThatThrownBy(() -> TensorShape.of(1, 0, 28))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("shape [1, 0, 28] has dimension 0; every dimension must be >= 1");
        assertThatThrownBy(() -> TensorShape.of(-3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("shape [-3] has dimension -3; every dimension must be >= 1");
    }

    @Test
    void dimRejectsAnAxisOutsideTheShapeNamingTheValidRange() {
        TensorShape shape = TensorShape.of(1, 28, 28);

        assertThatThrownBy(() -> shape.dim(3))
                .isExactlyInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("axis 3 is not an axis of (1, 28, 28); valid axes are [0, 3)");
        assertThatThrownBy(() -> shape.dim(-1))
                .isExactlyInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("axis -1 is not an axis of (1, 28, 28); valid axes are [0, 3)");
    }
}
