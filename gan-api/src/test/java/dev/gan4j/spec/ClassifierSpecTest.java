package dev.gan4j.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ClassifierSpecTest {

    @Test
    void mnistPresetMapsDigitsToTenLogitsThrough128Features() {
        ClassifierSpec spec = ClassifierSpec.mnist();

        assertThat(spec.recipe()).isEqualTo("mnist");
        assertThat(spec.inputShape()).isEqualTo(TensorShape.of(1, 28, 28));
        assertThat(spec.classes()).isEqualTo(10);
        assertThat(spec.featureSize()).isEqualTo(128);
        assertThat(spec.parameterCount()).isEqualTo(422_378);
        assertThat(spec.stack().forwardMacs()).isEqualTo(156_800 + 903_168 + 401_408 + 1_280);
    }

    @Test
    void textNamesTheInputAndEveryLayerExactly() {
        ClassifierSpec spec = ClassifierSpec.builder().inputShape(1, 4, 4)
                .conv(2, 3, 2, Padding.same(), false).batchNorm(0.9f, 1e-3f).relu().flatten().dense(3)
                .build();

        assertThat(spec.text()).isEqualTo("gan4j-classifier 1\n"
                + "inputShape 1,4,4\n"
                + "conv filters=2 kernel=3 stride=2 padding=same bias=false\n"
                + "batchNorm momentum=0.9 epsilon=0.001\n"
                + "relu\n"
                + "flatten\n"
                + "dense units=3 bias=true\n");
    }

    @Test
    void rejectsAnOutputThatIsNotOneLogitPerClass() {
        assertThatThrownBy(() -> ClassifierSpec.builder().flatten().dense(10).relu().build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("classifier must end in one logit per class, dense(classes) with classes >= 2, got ReLU"
                        + " (10); end with flatten().dense(10) or similar");
        assertThatThrownBy(() -> ClassifierSpec.builder().flatten().dense(1).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("classifier must end in one logit per class");
    }

    @Test
    void rejectsDropout() {
        assertThatThrownBy(() -> ClassifierSpec.builder().flatten().dropout(0.5f).dense(10).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("classifier layer 1 is a dropout; classifiers take no dropout (it would draw from the"
                        + " random stream of the GAN being trained); remove it");
    }

    @Test
    void rejectsALayerThatCannotTakeItsInput() {
        assertThatThrownBy(() -> ClassifierSpec.builder().dense(10).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("classifier layer 0 (Dense)");
    }
}
