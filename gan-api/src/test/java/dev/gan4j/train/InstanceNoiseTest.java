package dev.gan4j.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class InstanceNoiseTest {

    @Test
    void annealsLinearlyFromSigmaToZeroOverTheRun() {
        InstanceNoise noise = InstanceNoise.annealed(0.2);

        assertThat(noise.sigmaAt(0, 100)).isEqualTo(0.2);
        assertThat(noise.sigmaAt(25, 100)).isEqualTo(0.2 * 0.75);
        assertThat(noise.sigmaAt(99, 100)).isEqualTo(0.2 * (1 - 0.99));
        assertThat(noise.sigmaAt(100, 100)).isZero();
        assertThat(noise.sigmaAt(150, 100)).isZero();
        assertThat(noise.describe()).isEqualTo("annealed(0.2)");
    }

    @Test
    void noneAddsNothing() {
        assertThat(InstanceNoise.none().isOn()).isFalse();
        assertThat(InstanceNoise.none().sigmaAt(0, 10)).isZero();
        assertThat(InstanceNoise.none().describe()).isEqualTo("none");
    }

    @Test
    void rejectsASigmaOutsideItsRange() {
        for (double sigma : new double[] {0, -0.1, 2.5, Double.NaN}) {
            assertThatThrownBy(() -> InstanceNoise.annealed(sigma))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("instanceNoise sigma must be in (0, 2], got " + sigma);
        }
        assertThatThrownBy(() -> new InstanceNoise(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("instanceNoise sigma must be in [0, 2] (0 = off), got -1.0");
    }
}
