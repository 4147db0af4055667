package dev.gan4j.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Shape inference and parameter counts of every layer kind, each computed by hand. */
class LayerTest {

    private static final TensorShape LATENT = TensorShape.of(100);
    private static final TensorShape MNIST = TensorShape.of(1, 28, 28);

    // --- dense, reshape, flatten ----------------------------------------------------------------

    @Test
    void denseMapsAVectorToUnitsWithWeightsAndBias() {
        Layer dense = new Layer.Dense(256, true);

        assertThat(dense.outputShape(LATENT)).isEqualTo(TensorShape.of(256));
        assertThat(dense.trainableParameterCount(LATENT)).isEqualTo(100 * 256 + 256);
        assertThat(dense.nonTrainableParameterCount(LATENT)).isZero();
        assertThat(dense.kind()).isEqualTo("Dense");
        assertThat(dense.settings()).isEqualTo("256");
    }

    @Test
    void denseWithoutBiasHasOnlyWeights() {
        Layer dense = new Layer.Dense(256, false);

        assertThat(dense.trainableParameterCount(LATENT)).isEqualTo(100 * 256);
        assertThat(dense.settings()).isEqualTo("256, no bias");
    }

    @Test
    void denseRejectsAnImageInput() {
        assertThatThrownBy(() -> new Layer.Dense(10, true).outputShape(MNIST))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Dense needs an input of rank 1, got (1, 28, 28); add flatten() before it");
    }

    @Test
    void reshapeKeepsTheElementsAndHasNoParameters() {
        Layer reshape = new Layer.Reshape(TensorShape.of(512, 7, 7));
        TensorShape in = TensorShape.of(512 * 7 * 7);

        assertThat(reshape.outputShape(in)).isEqualTo(TensorShape.of(512, 7, 7));
        assertThat(reshape.trainableParameterCount(in)).isZero();
        assertThat(reshape.kind()).isEqualTo("Reshape");
        assertThat(reshape.settings()).isEqualTo("(512, 7, 7)");
    }

    @Test
    void reshapeRejectsADifferentElementCount() {
        assertThatThrownBy(() -> new Layer.Reshape(TensorShape.of(1, 10, 11)).outputShape(LATENT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Reshape cannot turn input (100) (100 elements) into (1, 10, 11) (110 elements);"
                        + " the element counts must match");
    }

    @Test
    void reshapeRejectsNullTarget() {
        assertThatThrownBy(() -> new Layer.Reshape(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("reshape target must not be null");
    }

    @Test
    void flattenMakesOneVector() {
        Layer flatten = new Layer.Flatten();
        TensorShape in = TensorShape.of(128, 7, 7);

        assertThat(flatten.outputShape(in)).isEqualTo(TensorShape.of(6272));
        assertThat(flatten.outputShape(LATENT)).isEqualTo(LATENT);
        assertThat(flatten.trainableParameterCount(in)).isZero();
        assertThat(flatten.kind()).isEqualTo("Flatten");
        assertThat(flatten.settings()).isEmpty();
    }

    // --- batch norm and activations ------------------------------------------------------------

    @Test
    void batchNormHasScaleAndShiftTrainedAndRunningStatisticsNot() {
        Layer bn = new Layer.BatchNorm(0.99f, 0.001f);
        TensorShape image = TensorShape.of(512, 7, 7);
        TensorShape vector = TensorShape.of(64);

        assertThat(bn.outputShape(image)).isEqualTo(image);
        assertThat(bn.trainableParameterCount(image)).isEqualTo(2 * 512);
        assertThat(bn.nonTrainableParameterCount(image)).isEqualTo(2 * 512);
        assertThat(bn.outputShape(vector)).isEqualTo(vector);
        assertThat(bn.trainableParameterCount(vector)).isEqualTo(2 * 64);
        assertThat(bn.nonTrainableParameterCount(vector)).isEqualTo(2 * 64);
        assertThat(bn.kind()).isEqualTo("BatchNormalization");
    }

    @Test
    void batchNormRejectsRankTwo() {
        assertThatThrownBy(() -> new Layer.BatchNorm(0.99f, 0.001f).outputShape(TensorShape.of(10, 10)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("BatchNorm needs input (C) or (C, H, W), got (10, 10)");
    }

    @Test
    void activationsAndDropoutKeepTheShapeAndHaveNoParameters() {
        Layer[] layers = {
            new Layer.LeakyRelu(0.2f), new Layer.Relu(), new Layer.Tanh(), new Layer.Sigmoid(), new Layer.Dropout(0.3f)
        };

        for (Layer layer : layers) {
            assertThat(layer.outputShape(MNIST)).as(layer.kind()).isEqualTo(MNIST);
            assertThat(layer.outputShape(LATENT)).as(layer.kind()).isEqualTo(LATENT);
            assertThat(layer.trainableParameterCount(MNIST)).as(layer.kind()).isZero();
            assertThat(layer.nonTrainableParameterCount(MNIST)).as(layer.kind()).isZero();
        }
    }

    @Test
    void activationsAreNamedAsKerasNamesThem() {
        assertThat(new Layer.LeakyRelu(0.2f).kind()).isEqualTo("LeakyReLU");
        assertThat(new Layer.LeakyRelu(0.2f).settings()).isEqualTo("alpha 0.2");
        assertThat(new Layer.Relu().kind()).isEqualTo("ReLU");
        assertThat(new Layer.Tanh().kind()).isEqualTo("Tanh");
        assertThat(new Layer.Sigmoid().kind()).isEqualTo("Sigmoid");
        assertThat(new Layer.Dropout(0.3f).kind()).isEqualTo("Dropout");
        assertThat(new Layer.Dropout(0.3f).settings()).isEqualTo("rate 0.3");
    }

    // --- convolutions ------------------------------------------------------------------------------

    @Test
    void sameConvWithStrideTwoHalvesTheImageWithTensorFlowsAsymmetricPadding() {
        Layer.Conv conv = new Layer.Conv(64, 5, 2, Padding.same(), true);

        assertThat(conv.outputShape(MNIST)).isEqualTo(TensorShape.of(64, 14, 14));
        assertThat(conv.resolvePadding(28)).isEqualTo(new Padding.Resolved(1, 2));
        assertThat(conv.trainableParameterCount(MNIST)).isEqualTo(64 * 1 * 5 * 5 + 64);
        assertThat(conv.nonTrainableParameterCount(MNIST)).isZero();
        assertThat(conv.kind()).isEqualTo("Conv2D");
        assertThat(conv.settings()).isEqualTo("64, k5, s2, same");
    }

    @Test
    void sameConvRoundsOddSizesUp() {
        Layer conv = new Layer.Conv(8, 4, 2, Padding.same(), true);

        assertThat(conv.outputShape(TensorShape.of(3, 7, 9))).isEqualTo(TensorShape.of(8, 4, 5));
    }

    @Test
    void explicitConvFollowsTheFloorFormula() {
        // (in + 2p - k) / s + 1
        Layer valid = new Layer.Conv(16, 5, 1, Padding.valid(), true);
        Layer padded = new Layer.Conv(16, 5, 1, Padding.of(2), true);
        Layer strided = new Layer.Conv(16, 3, 2, Padding.valid(), false);

        assertThat(valid.outputShape(MNIST)).isEqualTo(TensorShape.of(16, 24, 24));
        assertThat(padded.outputShape(MNIST)).isEqualTo(TensorShape.of(16, 28, 28));
        assertThat(strided.outputShape(TensorShape.of(4, 7, 8))).isEqualTo(TensorShape.of(16, 3, 3));
        assertThat(strided.trainableParameterCount(TensorShape.of(4, 7, 8))).isEqualTo(16 * 4 * 3 * 3);
        assertThat(strided.settings()).isEqualTo("16, k3, s2, 0, no bias");
    }

    @Test
    void convRejectsAKernelLargerThanThePaddedInput() {
        Layer conv = new Layer.Conv(1, 5, 1, Padding.of(0), true);

        assertThatThrownBy(() -> conv.outputShape(TensorShape.of(1, 3, 3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Conv2D kernel 5 is larger than input (1, 3, 3) padded by 0;"
                        + " use a smaller kernel or padding same");
    }

    @Test
    void convRejectsAVectorInput() {
        assertThatThrownBy(() -> new Layer.Conv(1, 3, 1, Padding.same(), true).outputShape(LATENT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Conv2D needs an input of rank 3, got (100); reshape to (C, H, W) before it");
    }

    @Test
    void sameConvTransposeWithKernelThreeStrideTwoDoublesTheImageCroppingOnlyAfter() {
        Layer.ConvTranspose deconv = new Layer.ConvTranspose(256, 3, 2, Padding.same(), 0, true);
        TensorShape in = TensorShape.of(512, 7, 7);

        assertThat(deconv.outputShape(in)).isEqualTo(TensorShape.of(256, 14, 14));
        assertThat(deconv.resolvePadding(7)).isEqualTo(new Padding.Resolved(0, 1));
        assertThat(deconv.trainableParameterCount(in)).isEqualTo(512 * 256 * 3 * 3 + 256);
        assertThat(deconv.kind()).isEqualTo("Conv2DTranspose");
        assertThat(deconv.settings()).isEqualTo("256, k3, s2, same");
    }

    @Test
    void sameConvTransposeWithKernelFourStrideTwoDoublesTheImage() {
        Layer.ConvTranspose deconv = new Layer.ConvTranspose(1, 4, 2, Padding.same(), 0, false);
        TensorShape in = TensorShape.of(64, 14, 14);

        assertThat(deconv.outputShape(in)).isEqualTo(TensorShape.of(1, 28, 28));
        assertThat(deconv.resolvePadding(14)).isEqualTo(new Padding.Resolved(1, 1));
        assertThat(deconv.trainableParameterCount(in)).isEqualTo(64 * 1 * 4 * 4);
        assertThat(deconv.settings()).isEqualTo("1, k4, s2, same, no bias");
    }

    @Test
    void explicitConvTransposeFollowsPyTorchsFormula() {
        // (in - 1) * s - 2p + k + op
        Layer plain = new Layer.ConvTranspose(32, 4, 2, Padding.of(1), 0, true);
        Layer withOutputPadding = new Layer.ConvTranspose(32, 3, 2, Padding.of(1), 1, true);
        Layer valid = new Layer.ConvTranspose(32, 5, 3, Padding.valid(), 2, true);
        TensorShape in = TensorShape.of(16, 7, 5);

        assertThat(plain.outputShape(in)).isEqualTo(TensorShape.of(32, 6 * 2 - 2 + 4, 4 * 2 - 2 + 4));
        assertThat(plain.outputShape(in)).isEqualTo(TensorShape.of(32, 14, 10));
        assertThat(withOutputPadding.outputShape(in)).isEqualTo(TensorShape.of(32, 14, 10));
        assertThat(valid.outputShape(in)).isEqualTo(TensorShape.of(32, 6 * 3 + 5 + 2, 4 * 3 + 5 + 2));
        assertThat(withOutputPadding.trainableParameterCount(in)).isEqualTo(16 * 32 * 3 * 3 + 32);
        assertThat(withOutputPadding.settings()).isEqualTo("32, k3, s2, 1, outputPadding 1");
    }

    @Test
    void convTransposeRejectsPaddingThatLeavesNoOutput() {
        Layer deconv = new Layer.ConvTranspose(2, 1, 1, Padding.of(1), 0, true);

        assertThatThrownBy(() -> deconv.outputShape(TensorShape.of(4, 1, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Conv2DTranspose padding 2 leaves no output for input (4, 1, 1); use less padding");
    }

    @Test
    void upsampleRepeatsPixelsWithoutParameters() {
        Layer up = new Layer.Upsample(2);
        TensorShape in = TensorShape.of(64, 7, 5);

        assertThat(up.outputShape(in)).isEqualTo(TensorShape.of(64, 14, 10));
        assertThat(up.trainableParameterCount(in)).isZero();
        assertThat(up.kind()).isEqualTo("UpSampling2D");
        assertThat(up.settings()).isEqualTo("x2");
    }

    @Test
    void upsampleRejectsAVectorInput() {
        assertThatThrownBy(() -> new Layer.Upsample(2).outputShape(LATENT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("UpSampling2D needs an input of rank 3, got (100); reshape to (C, H, W) before it");
    }
}
