package dev.gan4j.spec;

import static dev.gan4j.spec.GeneratorSpecTest.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DiscriminatorSpecTest {

    /** The example of the class Javadoc. */
    private static DiscriminatorSpec.Builder javadocExample() {
        return DiscriminatorSpec.builder().inputShape(1, 28, 28)
                .conv(64, 4, 2, Padding.same()).leakyRelu(0.2f).dropout(0.3f)
                .flatten().dense(1);
    }

    @Test
    void mapsAnImageToOneLogit() {
        DiscriminatorSpec spec = javadocExample().build();

        assertThat(spec.inputShape()).isEqualTo(TensorShape.of(1, 28, 28));
        assertThat(spec.stack().outputShapeOf(0)).isEqualTo(TensorShape.of(64, 14, 14));
        assertThat(spec.stack().outputShapeOf(3)).isEqualTo(TensorShape.of(64 * 14 * 14));
        assertThat(spec.stack().outputShape()).isEqualTo(TensorShape.of(1));
        assertThat(spec.parameterCount()).isEqualTo((64 * 16 + 64) + (64 * 14 * 14 + 1));
        assertThat(spec.recipe()).isEqualTo("custom");
        assertThat(spec).hasToString("DiscriminatorSpec[custom, (1, 28, 28) -> logit, 5 layers]");
    }

    @Test
    void defaultInputIsOneByTwentyEightByTwentyEight() {
        DiscriminatorSpec spec = DiscriminatorSpec.builder().flatten().dense(1).build();

        assertThat(spec.inputShape()).isEqualTo(TensorShape.of(1, 28, 28));
        assertThat(spec.parameterCount()).isEqualTo(784 + 1);
    }

    @Test
    void takesTheInputShapeAsATensorShape() {
        DiscriminatorSpec spec = DiscriminatorSpec.builder().inputShape(TensorShape.of(3, 32, 32))
                .flatten().dense(1).build();

        assertThat(spec.inputShape()).isEqualTo(TensorShape.of(3, 32, 32));
    }

    @Test
    void rejectsInputShapeThatIsNotAnImage() {
        assertThatThrownBy(() -> DiscriminatorSpec.builder().inputShape(TensorShape.of(784)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("discriminator inputShape must be (C, H, W), got (784)");
        assertThatThrownBy(() -> DiscriminatorSpec.builder().inputShape(1, 0, 28))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("shape [1, 0, 28] has dimension 0; every dimension must be >= 1");
        assertThatThrownBy(() -> DiscriminatorSpec.builder().inputShape(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("inputShape must not be null");
    }

    @Test
    void rejectsInputWithMoreChannelsThanAPngHoldsAsSoonAsItIsSet() {
        assertThatThrownBy(() -> DiscriminatorSpec.builder().inputShape(5, 8, 8))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("inputShape channels must be 1 (grey), 2 (grey and alpha), 3 (RGB) or 4 (RGBA),"
                        + " got 5 in (5, 8, 8)");
        assertThatThrownBy(() -> DiscriminatorSpec.builder().inputShape(TensorShape.of(5, 8, 8)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("inputShape channels must be 1 (grey), 2 (grey and alpha), 3 (RGB) or 4 (RGBA),"
                        + " got 5 in (5, 8, 8)");
    }

    @Test
    void saysWhetherALayerIsBatchNorm() {
        assertThat(DiscriminatorSpec.dcgan().build().hasBatchNorm()).isTrue();
        assertThat(DiscriminatorSpec.dcgan().batchNorm(false).build().hasBatchNorm()).isFalse();
        assertThat(DiscriminatorSpec.kerasDcgan().build().hasBatchNorm()).isFalse();
    }

    @Test
    void rejectsDenseDirectlyAfterTheImage() {
        assertThatThrownBy(() -> DiscriminatorSpec.builder().dense(1).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("discriminator layer 0 (Dense): Dense needs an input of rank 1, got (1, 28, 28);"
                        + " add flatten() before it");
    }

    @Test
    void rejectsOutputOtherThanOneLogit() {
        assertThatThrownBy(() -> DiscriminatorSpec.builder().flatten().dense(2).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("discriminator must end in one logit of shape (1), got (2); end with flatten().dense(1)");
        assertThatThrownBy(() -> DiscriminatorSpec.builder().conv(1, 28, 1, Padding.valid()).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("discriminator must end in one logit of shape (1), got (1, 1, 1);"
                        + " end with flatten().dense(1)");
    }

    @Test
    void rejectsEndingInSigmoid() {
        assertThatThrownBy(() -> DiscriminatorSpec.builder().flatten().dense(1).sigmoid().build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("discriminator must end in a logit, not sigmoid(): the loss applies the sigmoid;"
                        + " remove the last sigmoid()");
    }

    @Test
    void rejectsNoLayers() {
        assertThatThrownBy(() -> DiscriminatorSpec.builder().build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("discriminator has no layers; add at least one");
    }

    @Test
    void equalsByInputShapeAndLayers() {
        DiscriminatorSpec a = javadocExample().build();
        DiscriminatorSpec b = javadocExample().build();
        DiscriminatorSpec colour = javadocExample().inputShape(3, 28, 28).build();

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).isNotEqualTo(colour);
    }

    @Test
    void summaryListsEveryLayerAndTheTotals() {
        String summary = javadocExample().build().summary();

        assertThat(summary.lines()).first().isEqualTo("Discriminator (custom)");
        assertThat(summary.lines()).contains(
                row("input", "", "(1, 28, 28)", "0"),
                row("0 Conv2D", "64, k4, s2, same", "(64, 14, 14)", "1,088"),
                row("1 LeakyReLU", "alpha 0.2", "(64, 14, 14)", "0"),
                row("2 Dropout", "rate 0.3", "(64, 14, 14)", "0"),
                row("3 Flatten", "", "(12544)", "0"),
                row("4 Dense", "1", "(1)", "12,545"),
                "Total params: 13,633",
                "Trainable params: 13,633",
                "Non-trainable params: 0");
    }
}
