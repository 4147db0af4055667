package dev.gan4j.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GeneratorSpecTest {

    /** The example of the class Javadoc. */
    private static GeneratorSpec.Builder javadocExample() {
        return GeneratorSpec.builder().latentDim(100)
                .dense(7 * 7 * 128).reshape(128, 7, 7).batchNorm().relu()
                .convTranspose(64, 4, 2, Padding.same()).batchNorm().relu()
                .convTranspose(1, 4, 2, Padding.same()).tanh();
    }

    @Test
    void infersTheShapeAfterEveryLayer() {
        GeneratorSpec spec = javadocExample().build();

        LayerStack stack = spec.stack();
        assertThat(stack.inputShape()).isEqualTo(TensorShape.of(100));
        assertThat(stack.outputShapeOf(0)).isEqualTo(TensorShape.of(6272));
        assertThat(stack.outputShapeOf(1)).isEqualTo(TensorShape.of(128, 7, 7));
        assertThat(stack.outputShapeOf(4)).isEqualTo(TensorShape.of(64, 14, 14));
        assertThat(stack.inputShapeOf(0)).isEqualTo(TensorShape.of(100));
        assertThat(stack.inputShapeOf(4)).isEqualTo(TensorShape.of(128, 7, 7));
        assertThat(spec.outputShape()).isEqualTo(TensorShape.of(1, 28, 28));
        assertThat(spec.latentDim()).isEqualTo(100);
        assertThat(spec.recipe()).isEqualTo("custom");
    }

    @Test
    void countsTrainableAndFrozenParameters() {
        GeneratorSpec spec = javadocExample().build();

        long dense = 100L * 6272 + 6272;
        long bn1 = 2 * 128;
        long deconv1 = 128L * 64 * 4 * 4 + 64;
        long bn2 = 2 * 64;
        long deconv2 = 64L * 1 * 4 * 4 + 1;
        assertThat(spec.parameterCount()).isEqualTo(dense + bn1 + deconv1 + bn2 + deconv2);
        assertThat(spec.parameterCount()).isEqualTo(766_017);
        assertThat(spec.stack().trainableParameterCount()).isEqualTo(spec.parameterCount());
        assertThat(spec.stack().nonTrainableParameterCount()).isEqualTo(2 * 128 + 2 * 64);
    }

    @Test
    void defaultLatentSizeIsOneHundred() {
        GeneratorSpec spec = GeneratorSpec.builder().reshape(1, 10, 10).build();

        assertThat(spec.latentDim()).isEqualTo(100);
        assertThat(spec.outputShape()).isEqualTo(TensorShape.of(1, 10, 10));
    }

    @Test
    void rejectsNoLayers() {
        assertThatThrownBy(() -> GeneratorSpec.builder().build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("generator has no layers; add at least one");
    }

    @Test
    void rejectsLatentDimBelowOne() {
        assertThatThrownBy(() -> GeneratorSpec.builder().latentDim(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("latentDim must be >= 1, got 0");
    }

    @Test
    void rejectsOutputThatIsNotAnImage() {
        assertThatThrownBy(() -> GeneratorSpec.builder().dense(784).tanh().build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("generator output must be an image (C, H, W), got (784);"
                        + " end with a reshape or convolution to (C, H, W)");
    }

    @Test
    void rejectsOutputWithMoreChannelsThanAPngHolds() {
        assertThatThrownBy(() -> GeneratorSpec.builder().latentDim(4).dense(5 * 2 * 2).reshape(5, 2, 2).tanh().build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("outputShape channels must be 1 (grey), 2 (grey and alpha), 3 (RGB) or 4 (RGBA),"
                        + " got 5 in (5, 2, 2)");
    }

    @Test
    void buildsImagesOfOneToFourChannels() {
        for (int channels = 1; channels <= 4; channels++) {
            GeneratorSpec spec = GeneratorSpec.builder().latentDim(4).dense(channels * 4).reshape(channels, 2, 2).build();

            assertThat(spec.outputShape()).isEqualTo(TensorShape.of(channels, 2, 2));
        }
    }

    @Test
    void namesTheLayerThatCannotTakeItsInput() {
        assertThatThrownBy(() -> GeneratorSpec.builder().latentDim(100).dense(64).reshape(1, 10, 11).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("generator layer 1 (Reshape): Reshape cannot turn input (64) (64 elements) into"
                        + " (1, 10, 11) (110 elements); the element counts must match");
    }

    @Test
    void namesAConvolutionOnAVector() {
        assertThatThrownBy(() -> GeneratorSpec.builder().dense(64).convTranspose(1, 4, 2, Padding.same()).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("generator layer 1 (Conv2DTranspose): Conv2DTranspose needs an input of rank 3,"
                        + " got (64); reshape to (C, H, W) before it");
    }

    @Test
    void isNotChangedByLaterUseOfItsBuilder() {
        GeneratorSpec.Builder builder = GeneratorSpec.builder().latentDim(16).reshape(1, 4, 4);
        GeneratorSpec first = builder.build();

        GeneratorSpec second = builder.tanh().build();

        assertThat(first.layers()).hasSize(1);
        assertThat(second.layers()).hasSize(2);
        assertThatThrownBy(() -> first.layers().add(new Layer.Relu()))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void equalsByLatentSizeAndLayers() {
        GeneratorSpec a = javadocExample().build();
        GeneratorSpec b = javadocExample().build();
        GeneratorSpec otherLatent = javadocExample().latentDim(64).build();

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).isNotEqualTo(otherLatent);
    }

    @Test
    void describesItselfInOneLine() {
        assertThat(javadocExample().build())
                .hasToString("GeneratorSpec[custom, latent 100 -> (1, 28, 28), 9 layers]");
    }

    @Test
    void summaryListsEveryLayerWithShapeAndParametersAndTheTotals() {
        String summary = javadocExample().build().summary();

        assertThat(summary.lines()).first().isEqualTo("Generator (custom), latent 100");
        assertThat(summary.lines()).contains(
                row("Layer (type)", "Settings", "Output Shape", "Param #"),
                row("input", "", "(100)", "0"),
                row("0 Dense", "6272", "(6272)", "633,472"),
                row("1 Reshape", "(128, 7, 7)", "(128, 7, 7)", "0"),
                row("2 BatchNormalization", "", "(128, 7, 7)", "512"),
                row("3 ReLU", "", "(128, 7, 7)", "0"),
                row("4 Conv2DTranspose", "64, k4, s2, same", "(64, 14, 14)", "131,136"),
                row("7 Conv2DTranspose", "1, k4, s2, same", "(1, 28, 28)", "1,025"),
                row("8 Tanh", "", "(1, 28, 28)", "0"),
                "Total params: 766,401",
                "Trainable params: 766,017",
                "Non-trainable params: 384");
    }

    /** One summary row, laid out as {@link LayerStack} does, without the line end. */
    static String row(String layer, String settings, String shape, String params) {
        return String.format("%-24s %-22s %-18s %12s", layer, settings, shape, params);
    }
}
