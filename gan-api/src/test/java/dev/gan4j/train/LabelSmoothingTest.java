package dev.gan4j.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LabelSmoothingTest {

    @Test
    void noneTargetsOneAndZero() {
        LabelSmoothing none = LabelSmoothing.none();

        assertThat(none.realTarget()).isEqualTo(1f);
        assertThat(none.fakeTarget()).isZero();
        assertThat(none).isEqualTo(LabelSmoothing.none());
    }

    @Test
    void oneSidedSmoothsOnlyTheRealTarget() {
        LabelSmoothing oneSided = LabelSmoothing.oneSided(0.9f);

        assertThat(oneSided.realTarget()).isEqualTo(0.9f);
        assertThat(oneSided.fakeTarget()).isZero();
    }

    @Test
    void twoSidedSmoothsBothTargetsAsTheKerasRecipe() {
        LabelSmoothing twoSided = LabelSmoothing.twoSided(0.9f, 0.1f);

        assertThat(twoSided.realTarget()).isEqualTo(0.9f);
        assertThat(twoSided.fakeTarget()).isEqualTo(0.1f);
    }

    @Test
    void acceptsTheEndsOfTheValidRanges() {
        assertThat(LabelSmoothing.oneSided(1f).realTarget()).isEqualTo(1f);
        assertThat(LabelSmoothing.twoSided(1f, 0f).fakeTarget()).isZero();
    }

    @Test
    void rejectsRealTargetOutsideHalfToOne() {
        assertThatThrownBy(() -> LabelSmoothing.oneSided(0.5f))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("labelSmoothing real target must be in (0.5, 1], got 0.5");
        assertThatThrownBy(() -> LabelSmoothing.oneSided(1.1f))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("labelSmoothing real target must be in (0.5, 1], got 1.1");
        assertThatThrownBy(() -> LabelSmoothing.twoSided(Float.NaN, 0.1f))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("labelSmoothing real target must be in (0.5, 1], got NaN");
    }

    @Test
    void rejectsFakeTargetOutsideZeroToHalf() {
        assertThatThrownBy(() -> LabelSmoothing.twoSided(0.9f, 0.5f))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("labelSmoothing fake target must be in [0, 0.5), got 0.5");
        assertThatThrownBy(() -> LabelSmoothing.twoSided(0.9f, -0.1f))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("labelSmoothing fake target must be in [0, 0.5), got -0.1");
    }
}
