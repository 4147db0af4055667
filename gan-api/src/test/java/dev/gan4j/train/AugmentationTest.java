package dev.gan4j.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gan4j.train.Augmentation.Policy;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AugmentationTest {

    @Test
    void noneChangesNothing() {
        Augmentation none = Augmentation.none();

        assertThat(none.isOn()).isFalse();
        assertThat(none.policies()).isEmpty();
        assertThat(none.describe()).isEqualTo("none");
        assertThat(none.policyText()).isEqualTo("none");
    }

    @Test
    void diffAugmentAppliesItsPoliciesInTheReferenceOrderWhateverTheOrderGiven() {
        Augmentation a = Augmentation.diffAugment(Policy.CUTOUT, Policy.COLOR, Policy.TRANSLATION);

        assertThat(a.isOn()).isTrue();
        assertThat(a.probability()).isEqualTo(1);
        assertThat(a.describe()).isEqualTo("diffAugment(color,translation,cutout)");
        assertThat(a).isEqualTo(Augmentation.diffAugment(Policy.COLOR, Policy.TRANSLATION, Policy.CUTOUT));
        assertThat(a.has(Policy.CUTOUT)).isTrue();
    }

    @Test
    void aProbabilityBelowOneIsDescribedAndZeroTurnsItOff() {
        Augmentation a = Augmentation.diffAugment(Policy.TRANSLATION).withProbability(0.25);

        assertThat(a.describe()).isEqualTo("diffAugment(translation) p=0.25");
        assertThat(a.withProbability(0).isOn()).isFalse();
    }

    @Test
    void rejectsAProbabilityOutsideZeroToOne() {
        Augmentation a = Augmentation.diffAugment(Policy.COLOR);
        for (double p : new double[] {-0.01, 1.5, Double.NaN}) {
            assertThatThrownBy(() -> a.withProbability(p))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("augmentation probability must be in [0, 1], got " + p);
        }
    }

    @Test
    void rejectsDiffAugmentWithoutPolicies() {
        assertThatThrownBy(Augmentation::diffAugment)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("diffAugment needs at least one policy (color, translation, cutout);"
                        + " use Augmentation.none() for none");
    }

    @Test
    void policiesParseFromTheirNamesAndAnUnknownOneIsNamed() {
        assertThat(Policy.parse("translation,cutout,color"))
                .containsExactlyInAnyOrder(Policy.TRANSLATION, Policy.CUTOUT, Policy.COLOR);
        assertThat(Policy.parse(" cutout ")).isEqualTo(Set.of(Policy.CUTOUT));
        assertThatThrownBy(() -> Policy.parse("translation,flip"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("augmentation policy 'flip' is unknown; expected color, translation or cutout");
    }
}
