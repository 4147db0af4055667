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
    void adaptiveStartsAtZeroWithThePapersSettingsAndIsOnThere() {
        Augmentation ada = Augmentation.diffAugment(Policy.COLOR).adaptive();

        assertThat(ada.adaptation()).contains(new Augmentation.Adaptive(0.6, 4, 500_000));
        assertThat(ada.probability()).isZero();
        assertThat(ada.isOn()).isTrue();
        assertThat(ada.withProbability(0.2).adaptation()).isEqualTo(ada.adaptation());
        assertThat(ada.describe())
                .isEqualTo("diffAugment(color) p=0.0 adaptive(target=0.6, interval=4, speedImages=500000)");
        assertThat(new Augmentation.Adaptive(0.6, 4, 500_000).stepPerImage()).isEqualTo(1.0 / 500_000);
    }

    @Test
    void rejectsAdaptiveSettingsOutsideTheirRangesAndWithoutAPolicy() {
        Augmentation a = Augmentation.diffAugment(Policy.CUTOUT);
        assertThatThrownBy(() -> a.adaptive(1, 4, 1000)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("adaptive augmentation target must be in (0, 1), got 1.0");
        assertThatThrownBy(() -> a.adaptive(0.6, 0, 1000)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("adaptive augmentation interval must be >= 1 step, got 0");
        assertThatThrownBy(() -> a.adaptive(0.6, 4, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("adaptive augmentation speedImages must be >= 1, got 0");
        assertThatThrownBy(() -> Augmentation.none().adaptive()).isInstanceOf(IllegalStateException.class)
                .hasMessage("adaptive augmentation needs a policy; use Augmentation.diffAugment(...).adaptive()");
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
