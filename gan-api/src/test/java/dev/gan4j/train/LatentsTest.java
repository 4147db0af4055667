package dev.gan4j.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class LatentsTest {

    @Test
    void sameSeedGivesTheSameLatents() {
        float[] a = Latents.normal(16, 100, 42L);
        float[] b = Latents.normal(16, 100, 42L);

        assertThat(a).hasSize(1600).containsExactly(b);
    }

    @Test
    void differentSeedsGiveDifferentLatents() {
        float[] a = Latents.normal(16, 100, 42L);
        float[] b = Latents.normal(16, 100, 43L);

        int same = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] == b[i]) {
                same++;
            }
        }
        assertThat(same).isZero();
    }

    @Test
    void samplesHaveMeanZeroAndStandardDeviationOne() {
        float[] z = Latents.normal(1000, 100, 7L);

        double mean = 0;
        for (float v : z) {
            mean += v;
        }
        mean /= z.length;
        double variance = 0;
        for (float v : z) {
            variance += (v - mean) * (v - mean);
        }
        double std = Math.sqrt(variance / (z.length - 1));

        assertThat(z).hasSize(100_000);
        assertThat(mean).isCloseTo(0.0, within(0.02));
        assertThat(std).isCloseTo(1.0, within(0.02));
    }

    @Test
    void samplesHaveTheTailsOfANormal() {
        float[] z = Latents.normal(1000, 100, 11L);

        long beyondOneSigma = Arrays.stream(box(z)).filter(v -> Math.abs(v) > 1).count();
        long beyondTwoSigma = Arrays.stream(box(z)).filter(v -> Math.abs(v) > 2).count();

        // P(|Z| > 1) = 0.3173, P(|Z| > 2) = 0.0455.
        assertThat(beyondOneSigma / 100_000.0).isCloseTo(0.3173, within(0.01));
        assertThat(beyondTwoSigma / 100_000.0).isCloseTo(0.0455, within(0.005));
        assertThat(Arrays.stream(box(z)).allMatch(Double::isFinite)).isTrue();
    }

    @Test
    void oddLengthsAreFilledToTheLastValue() {
        float[] three = Latents.normal(1, 3, 5L);
        float[] one = Latents.normal(1, 1, 5L);

        assertThat(three).hasSize(3);
        assertThat(three[2]).isNotZero();
        assertThat(one).hasSize(1);
        assertThat(one[0]).isNotZero().isEqualTo(three[0]);
    }

    @Test
    void moreLatentsFromTheSameSeedStartWithTheFewer() {
        float[] few = Latents.normal(3, 5, 9L);
        float[] many = Latents.normal(8, 5, 9L);

        assertThat(Arrays.copyOf(many, few.length)).containsExactly(few);
    }

    @Test
    void rejectsMoreLatentsThanTheLargestJavaArrayHolds() {
        assertThatThrownBy(() -> Latents.normal(Integer.MAX_VALUE, 100, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("count 2147483647 latent vectors of latentDim 100 are 214748364700 floats, more than the"
                        + " largest Java array (2147483639); draw them in parts");
    }

    @Test
    void rejectsCountOrLatentDimBelowOne() {
        assertThatThrownBy(() -> Latents.normal(0, 100, 1L))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("count must be >= 1, got 0");
        assertThatThrownBy(() -> Latents.normal(4, -1, 1L))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("latentDim must be >= 1, got -1");
    }

    private static double[] box(float[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }
}
