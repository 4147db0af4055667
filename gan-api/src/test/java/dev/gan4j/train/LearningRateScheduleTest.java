package dev.gan4j.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LearningRateScheduleTest {

    @Test
    void constantIsOneAtEveryUpdate() {
        LearningRateSchedule s = LearningRateSchedule.constant();

        assertThat(s.factor(1, 100)).isEqualTo(1.0);
        assertThat(s.factor(100, 100)).isEqualTo(1.0);
        assertThat(s.factor(1000, 100)).as("past the end").isEqualTo(1.0);
    }

    @Test
    void linearFallsFromOneAtTheFirstUpdateToTheFinalFractionAtTheLast() {
        LearningRateSchedule s = LearningRateSchedule.linear(0.2);

        assertThat(s.factor(1, 101)).isEqualTo(1.0);
        assertThat(s.factor(51, 101)).isCloseTo(0.6, within(1e-12));
        assertThat(s.factor(101, 101)).isCloseTo(0.2, within(1e-12));
        assertThat(s.factor(500, 101)).as("past the end the last factor holds").isCloseTo(0.2, within(1e-12));
    }

    @Test
    void cosineFollowsHalfACosineToTheFinalFraction() {
        LearningRateSchedule s = LearningRateSchedule.cosine(0);

        assertThat(s.factor(1, 101)).isEqualTo(1.0);
        assertThat(s.factor(26, 101)).isCloseTo((1 + Math.cos(Math.PI / 4)) / 2, within(1e-12));
        assertThat(s.factor(51, 101)).isCloseTo(0.5, within(1e-12));
        assertThat(s.factor(101, 101)).isCloseTo(0, within(1e-12));
    }

    @Test
    void aWarmUpRisesLinearlyThenTheDecayRunsOverTheRest() {
        LearningRateSchedule s = LearningRateSchedule.linear(0).withWarmup(4);

        assertThat(s.factor(1, 14)).isEqualTo(0.25);
        assertThat(s.factor(2, 14)).isEqualTo(0.5);
        assertThat(s.factor(4, 14)).isEqualTo(1.0);
        assertThat(s.factor(5, 14)).as("first update after the warm-up").isEqualTo(1.0);
        assertThat(s.factor(14, 14)).isEqualTo(0.0);
        assertThat(s.factor(9, 14)).isCloseTo(1 - 4.0 / 9, within(1e-12));
        assertThat(LearningRateSchedule.constant().withWarmup(10).factor(5, 100)).isEqualTo(0.5);
    }

    @Test
    void aWarmUpAsLongAsTheRunEndsAtTheFullRate() {
        assertThat(LearningRateSchedule.cosine(0).withWarmup(10).factor(10, 10)).isEqualTo(1.0);
        assertThat(LearningRateSchedule.cosine(0).withWarmup(10).factor(11, 10)).as("past the end").isEqualTo(0.0);
    }

    @Test
    void rejectsValuesOutsideTheirRangeNamingThem() {
        assertThatThrownBy(() -> LearningRateSchedule.linear(1.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("learning-rate schedule finalFraction must be in [0, 1], got 1.5");
        assertThatThrownBy(() -> LearningRateSchedule.cosine(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LearningRateSchedule.constant().withWarmup(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("learning-rate warm-up must be >= 0 updates, got -1");
        assertThatThrownBy(() -> LearningRateSchedule.constant().factor(0, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("update 0 of 10: both must be >= 1");
    }

    @Test
    void adamDescribesItsScheduleOnlyWhenThereIsOne() {
        assertThat(Adam.of(2e-4, 0.5).describe()).isEqualTo("Adam(lr=2.0E-4, beta1=0.5, beta2=0.999, eps=1.0E-7)");
        assertThat(Adam.of(2e-4, 0.5).schedule(LearningRateSchedule.cosine(0).withWarmup(500)).describe())
                .isEqualTo("Adam(lr=2.0E-4, beta1=0.5, beta2=0.999, eps=1.0E-7,"
                        + " schedule=cosine(final=0.0, warmup=500))");
        assertThat(Adam.of(2e-4, 0.5).schedule(LearningRateSchedule.constant())).isEqualTo(Adam.of(2e-4, 0.5));
    }
}
