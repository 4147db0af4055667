package dev.gan4j.spec;

import static dev.gan4j.spec.GeneratorSpecTest.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * The named architectures, layer for layer, with parameter counts as Keras's {@code model.summary()}
 * reports them: weights plus biases trained, BatchNorm's scale and shift trained and its moving mean
 * and variance not.
 */
class PresetsTest {

    private static final TensorShape MNIST = TensorShape.of(1, 28, 28);

    // --- the Keras reference recipe ----------------------------------------------------------------

    @Test
    void kerasGeneratorIsTheReferenceRecipeLayerForLayer() {
        GeneratorSpec spec = GeneratorSpec.kerasDcgan().build();

        assertThat(spec.layers()).containsExactly(
                new Layer.Dense(7 * 7 * 512, true),
                new Layer.Reshape(TensorShape.of(512, 7, 7)),
                new Layer.BatchNorm(0.99f, 0.001f),
                new Layer.LeakyRelu(0.2f),
                new Layer.ConvTranspose(256, 3, 2, Padding.same(), 0, true),
                new Layer.LeakyRelu(0.2f),
                new Layer.ConvTranspose(128, 4, 2, Padding.same(), 0, true),
                new Layer.BatchNorm(0.99f, 0.001f),
                new Layer.LeakyRelu(0.2f),
                new Layer.Conv(1, 5, 1, Padding.same(), true),
                new Layer.Tanh());
        assertThat(spec.latentDim()).isEqualTo(100);
        assertThat(spec.recipe()).isEqualTo("kerasDcgan");
    }

    @Test
    void kerasGeneratorShapesEndInOneByTwentyEightByTwentyEight() {
        LayerStack stack = GeneratorSpec.kerasDcgan().build().stack();

        assertThat(stack.inputShape()).isEqualTo(TensorShape.of(100));
        assertThat(stack.outputShapeOf(0)).isEqualTo(TensorShape.of(25088));
        assertThat(stack.outputShapeOf(1)).isEqualTo(TensorShape.of(512, 7, 7));
        assertThat(stack.outputShapeOf(2)).isEqualTo(TensorShape.of(512, 7, 7));
        assertThat(stack.outputShapeOf(4)).isEqualTo(TensorShape.of(256, 14, 14));
        assertThat(stack.outputShapeOf(6)).isEqualTo(TensorShape.of(128, 28, 28));
        assertThat(stack.outputShapeOf(9)).isEqualTo(MNIST);
        assertThat(stack.outputShape()).isEqualTo(MNIST);
    }

    @Test
    void kerasGeneratorHasTheParameterCountsKerasReports() {
        LayerStack stack = GeneratorSpec.kerasDcgan().build().stack();
        long dense = 100L * 25088 + 25088;
        long bn512 = 2 * 512;
        long deconv256 = 512L * 256 * 3 * 3 + 256;
        long deconv128 = 256L * 128 * 4 * 4 + 128;
        long bn128 = 2 * 128;
        long conv1 = 128L * 1 * 5 * 5 + 1;

        assertThat(stack.layers().get(0).trainableParameterCount(stack.inputShapeOf(0))).isEqualTo(dense);
        assertThat(stack.layers().get(4).trainableParameterCount(stack.inputShapeOf(4))).isEqualTo(deconv256);
        assertThat(stack.layers().get(6).trainableParameterCount(stack.inputShapeOf(6))).isEqualTo(deconv128);
        assertThat(stack.layers().get(9).trainableParameterCount(stack.inputShapeOf(9))).isEqualTo(conv1);
        assertThat(stack.trainableParameterCount()).isEqualTo(dense + bn512 + deconv256 + deconv128 + bn128 + conv1)
                .isEqualTo(4_242_689);
        assertThat(stack.nonTrainableParameterCount()).isEqualTo(bn512 + bn128).isEqualTo(1_280);
        assertThat(GeneratorSpec.kerasDcgan().build().parameterCount()).isEqualTo(4_242_689);
    }

    @Test
    void kerasGeneratorSummaryShowsKerasTotals() {
        String summary = GeneratorSpec.kerasDcgan().build().summary();

        assertThat(summary.lines()).first().isEqualTo("Generator (kerasDcgan), latent 100");
        assertThat(summary.lines()).contains(
                row("0 Dense", "25088", "(25088)", "2,533,888"),
                row("2 BatchNormalization", "", "(512, 7, 7)", "2,048"),
                row("4 Conv2DTranspose", "256, k3, s2, same", "(256, 14, 14)", "1,179,904"),
                row("6 Conv2DTranspose", "128, k4, s2, same", "(128, 28, 28)", "524,416"),
                row("7 BatchNormalization", "", "(128, 28, 28)", "512"),
                row("9 Conv2D", "1, k5, s1, same", "(1, 28, 28)", "3,201"),
                "Total params: 4,243,969",
                "Trainable params: 4,242,689",
                "Non-trainable params: 1,280");
    }

    @Test
    void kerasDiscriminatorIsTheReferenceRecipeLayerForLayer() {
        DiscriminatorSpec spec = DiscriminatorSpec.kerasDcgan().build();

        assertThat(spec.layers()).containsExactly(
                new Layer.Conv(512, 5, 2, Padding.same(), true),
                new Layer.LeakyRelu(0.2f),
                new Layer.Dropout(0.3f),
                new Layer.Conv(256, 3, 2, Padding.same(), true),
                new Layer.LeakyRelu(0.2f),
                new Layer.Dropout(0.3f),
                new Layer.Conv(128, 3, 1, Padding.same(), true),
                new Layer.LeakyRelu(0.2f),
                new Layer.Dropout(0.3f),
                new Layer.Flatten(),
                new Layer.Dense(1, true));
        assertThat(spec.inputShape()).isEqualTo(MNIST);
        assertThat(spec.recipe()).isEqualTo("kerasDcgan");
    }

    @Test
    void kerasDiscriminatorShapesAndParameterCounts() {
        LayerStack stack = DiscriminatorSpec.kerasDcgan().build().stack();
        long conv512 = 1L * 512 * 5 * 5 + 512;
        long conv256 = 512L * 256 * 3 * 3 + 256;
        long conv128 = 256L * 128 * 3 * 3 + 128;
        long dense = 128L * 7 * 7 + 1;

        assertThat(stack.outputShapeOf(0)).isEqualTo(TensorShape.of(512, 14, 14));
        assertThat(stack.outputShapeOf(3)).isEqualTo(TensorShape.of(256, 7, 7));
        assertThat(stack.outputShapeOf(6)).isEqualTo(TensorShape.of(128, 7, 7));
        assertThat(stack.outputShapeOf(9)).isEqualTo(TensorShape.of(6272));
        assertThat(stack.outputShape()).isEqualTo(TensorShape.of(1));
        assertThat(stack.trainableParameterCount()).isEqualTo(conv512 + conv256 + conv128 + dense)
                .isEqualTo(1_494_529);
        assertThat(stack.nonTrainableParameterCount()).isZero();
    }

    @Test
    void kerasDiscriminatorSummaryShowsKerasTotals() {
        String summary = DiscriminatorSpec.kerasDcgan().build().summary();

        assertThat(summary.lines()).first().isEqualTo("Discriminator (kerasDcgan)");
        assertThat(summary.lines()).contains(
                row("0 Conv2D", "512, k5, s2, same", "(512, 14, 14)", "13,312"),
                row("3 Conv2D", "256, k3, s2, same", "(256, 7, 7)", "1,179,904"),
                row("6 Conv2D", "128, k3, s1, same", "(128, 7, 7)", "295,040"),
                row("9 Flatten", "", "(6272)", "0"),
                row("10 Dense", "1", "(1)", "6,273"),
                "Total params: 1,494,529",
                "Trainable params: 1,494,529",
                "Non-trainable params: 0");
    }

    @Test
    void kerasPresetsScaleWithLatentSizeWidthAndImageShape() {
        GeneratorSpec g = GeneratorSpec.kerasDcgan().latentDim(128).width(256).outputShape(3, 32, 32).build();
        DiscriminatorSpec d = DiscriminatorSpec.kerasDcgan().width(128).inputShape(3, 32, 32).dropout(0.25).build();

        assertThat(g.latentDim()).isEqualTo(128);
        assertThat(g.layers().get(0)).isEqualTo(new Layer.Dense(256 * 8 * 8, true));
        assertThat(g.layers().get(1)).isEqualTo(new Layer.Reshape(TensorShape.of(256, 8, 8)));
        assertThat(g.layers().get(4)).isEqualTo(new Layer.ConvTranspose(128, 3, 2, Padding.same(), 0, true));
        assertThat(g.layers().get(6)).isEqualTo(new Layer.ConvTranspose(64, 4, 2, Padding.same(), 0, true));
        assertThat(g.layers().get(9)).isEqualTo(new Layer.Conv(3, 5, 1, Padding.same(), true));
        assertThat(g.outputShape()).isEqualTo(TensorShape.of(3, 32, 32));
        assertThat(g.parameterCount()).isEqualTo(
                (128L * 16384 + 16384) + 512 + (256L * 128 * 9 + 128) + (128L * 64 * 16 + 64) + 128 + (64L * 3 * 25 + 3));
        assertThat(d.layers()).filteredOn(l -> l instanceof Layer.Dropout)
                .containsOnly(new Layer.Dropout(0.25f)).hasSize(3);
        assertThat(d.inputShape()).isEqualTo(TensorShape.of(3, 32, 32));
        assertThat(d.parameterCount()).isEqualTo(
                (3L * 128 * 25 + 128) + (128L * 64 * 9 + 64) + (64L * 32 * 9 + 32) + (32L * 8 * 8 + 1));
    }

    @Test
    void kerasPresetsRejectWidthBelowFour() {
        assertThatThrownBy(() -> GeneratorSpec.kerasDcgan().width(3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("width must be >= 4, got 3");
        assertThatThrownBy(() -> DiscriminatorSpec.kerasDcgan().width(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("width must be >= 4, got 0");
    }

    @Test
    void kerasGeneratorRejectsImageSidesNotDivisibleByFour() {
        assertThatThrownBy(() -> GeneratorSpec.kerasDcgan().outputShape(1, 30, 28))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("kerasDcgan outputShape (1, 30, 28) needs height and width divisible by 4 (two"
                        + " stride-2 upsamplings); for example (1, 28, 28) or (3, 32, 32)");
    }

    @Test
    void kerasPresetsRejectLatentDimAndDropoutOutOfRange() {
        assertThatThrownBy(() -> GeneratorSpec.kerasDcgan().latentDim(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("latentDim must be >= 1, got 0");
        assertThatThrownBy(() -> DiscriminatorSpec.kerasDcgan().dropout(1.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("dropout rate must be in [0, 1), got 1.0");
    }

    // --- the compact DCGAN -------------------------------------------------------------------------

    @Test
    void dcganGeneratorLeavesOutBiasesBeforeBatchNorm() {
        GeneratorSpec spec = GeneratorSpec.dcgan().build();

        assertThat(spec.layers()).containsExactly(
                new Layer.Dense(2 * 64 * 7 * 7, false),
                new Layer.Reshape(TensorShape.of(128, 7, 7)),
                new Layer.BatchNorm(0.99f, 0.001f),
                new Layer.Relu(),
                new Layer.ConvTranspose(64, 4, 2, Padding.same(), 0, false),
                new Layer.BatchNorm(0.99f, 0.001f),
                new Layer.Relu(),
                new Layer.ConvTranspose(1, 4, 2, Padding.same(), 0, true),
                new Layer.Tanh());
        assertThat(spec.recipe()).isEqualTo("dcgan");
        assertThat(spec.latentDim()).isEqualTo(100);
        assertThat(spec.stack().outputShapeOf(4)).isEqualTo(TensorShape.of(64, 14, 14));
        assertThat(spec.outputShape()).isEqualTo(MNIST);
    }

    @Test
    void dcganGeneratorParameterCounts() {
        LayerStack stack = GeneratorSpec.dcgan().build().stack();
        long dense = 100L * 6272;
        long bn128 = 2 * 128;
        long deconv64 = 128L * 64 * 4 * 4;
        long bn64 = 2 * 64;
        long deconv1 = 64L * 1 * 4 * 4 + 1;

        assertThat(stack.trainableParameterCount()).isEqualTo(dense + bn128 + deconv64 + bn64 + deconv1)
                .isEqualTo(759_681);
        assertThat(stack.nonTrainableParameterCount()).isEqualTo(bn128 + bn64).isEqualTo(384);
        assertThat(GeneratorSpec.dcgan().build().summary().lines()).contains(
                "Total params: 760,065", "Trainable params: 759,681", "Non-trainable params: 384");
    }

    @Test
    void dcganDiscriminatorLayersShapesAndParameterCounts() {
        DiscriminatorSpec spec = DiscriminatorSpec.dcgan().build();

        assertThat(spec.layers()).containsExactly(
                new Layer.Conv(64, 4, 2, Padding.same(), true),
                new Layer.LeakyRelu(0.2f),
                new Layer.Conv(128, 4, 2, Padding.same(), false),
                new Layer.BatchNorm(0.99f, 0.001f),
                new Layer.LeakyRelu(0.2f),
                new Layer.Flatten(),
                new Layer.Dense(1, true));
        assertThat(spec.stack().outputShapeOf(0)).isEqualTo(TensorShape.of(64, 14, 14));
        assertThat(spec.stack().outputShapeOf(2)).isEqualTo(TensorShape.of(128, 7, 7));
        assertThat(spec.parameterCount())
                .isEqualTo((1L * 64 * 16 + 64) + (64L * 128 * 16) + 2 * 128 + (128L * 7 * 7 + 1))
                .isEqualTo(138_689);
        assertThat(spec.stack().nonTrainableParameterCount()).isEqualTo(2 * 128);
        assertThat(spec.recipe()).isEqualTo("dcgan");
    }

    @Test
    void dcganPresetsScaleWithLatentSizeWidthAndImageShape() {
        GeneratorSpec g = GeneratorSpec.dcgan().latentDim(64).width(32).outputShape(3, 32, 32).build();
        DiscriminatorSpec d = DiscriminatorSpec.dcgan().width(32).inputShape(3, 32, 32).build();

        assertThat(g.layers().get(0)).isEqualTo(new Layer.Dense(2 * 32 * 8 * 8, false));
        assertThat(g.layers().get(1)).isEqualTo(new Layer.Reshape(TensorShape.of(64, 8, 8)));
        assertThat(g.outputShape()).isEqualTo(TensorShape.of(3, 32, 32));
        assertThat(g.parameterCount())
                .isEqualTo(64L * 4096 + 128 + 64L * 32 * 16 + 64 + (32L * 3 * 16 + 3));
        assertThat(d.stack().outputShapeOf(2)).isEqualTo(TensorShape.of(64, 8, 8));
        assertThat(d.parameterCount())
                .isEqualTo((3L * 32 * 16 + 32) + (32L * 64 * 16) + 2 * 64 + (64L * 8 * 8 + 1));
    }

    @Test
    void dcganDiscriminatorTakesDropoutAfterEachActivation() {
        DiscriminatorSpec spec = DiscriminatorSpec.dcgan().dropout(0.3).build();

        assertThat(spec.layers()).containsExactly(
                new Layer.Conv(64, 4, 2, Padding.same(), true),
                new Layer.LeakyRelu(0.2f),
                new Layer.Dropout(0.3f),
                new Layer.Conv(128, 4, 2, Padding.same(), false),
                new Layer.BatchNorm(0.99f, 0.001f),
                new Layer.LeakyRelu(0.2f),
                new Layer.Dropout(0.3f),
                new Layer.Flatten(),
                new Layer.Dense(1, true));
    }

    @Test
    void dcganDiscriminatorWithoutBatchNormHasABiasInstead() {
        DiscriminatorSpec spec = DiscriminatorSpec.dcgan().batchNorm(false).build();

        assertThat(spec.layers()).noneMatch(l -> l instanceof Layer.BatchNorm).hasSize(6);
        assertThat(spec.layers().get(2)).isEqualTo(new Layer.Conv(128, 4, 2, Padding.same(), true));
        assertThat(spec.parameterCount()).isEqualTo(138_561);
    }

    @Test
    void dcganGeneratorRejectsImageSidesNotDivisibleByFour() {
        assertThatThrownBy(() -> GeneratorSpec.dcgan().outputShape(1, 28, 30))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("dcgan outputShape (1, 28, 30) needs height and width divisible by 4 (two"
                        + " stride-2 upsamplings); for example (1, 28, 28) or (3, 32, 32)");
    }

    @Test
    void presetsRejectImagesOfMoreChannelsThanAPngHoldsAsSoonAsTheShapeIsSet() {
        assertThatThrownBy(() -> GeneratorSpec.dcgan().outputShape(5, 28, 28))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("outputShape channels must be 1 (grey), 2 (grey and alpha), 3 (RGB) or 4 (RGBA),"
                        + " got 5 in (5, 28, 28)");
        assertThatThrownBy(() -> GeneratorSpec.kerasDcgan().outputShape(5, 28, 28))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("outputShape channels must be 1 (grey), 2 (grey and alpha), 3 (RGB) or 4 (RGBA),"
                        + " got 5 in (5, 28, 28)");
        assertThatThrownBy(() -> DiscriminatorSpec.dcgan().inputShape(5, 28, 28))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("inputShape channels must be 1 (grey), 2 (grey and alpha), 3 (RGB) or 4 (RGBA),"
                        + " got 5 in (5, 28, 28)");
        assertThatThrownBy(() -> DiscriminatorSpec.kerasDcgan().inputShape(5, 28, 28))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("inputShape channels must be 1 (grey), 2 (grey and alpha), 3 (RGB) or 4 (RGBA),"
                        + " got 5 in (5, 28, 28)");
    }

    @Test
    void dcganPresetsRejectImpossibleOptions() {
        assertThatThrownBy(() -> GeneratorSpec.dcgan().width(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("width must be >= 1, got 0");
        assertThatThrownBy(() -> GeneratorSpec.dcgan().latentDim(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("latentDim must be >= 1, got -1");
        assertThatThrownBy(() -> GeneratorSpec.dcgan().outputShape(1, 0, 28))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("shape [1, 0, 28] has dimension 0; every dimension must be >= 1");
        assertThatThrownBy(() -> DiscriminatorSpec.dcgan().width(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("width must be >= 1, got 0");
        assertThatThrownBy(() -> DiscriminatorSpec.dcgan().dropout(-0.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("dropout rate must be in [0, 1), got -0.5");
    }

    @Test
    void presetGeneratorsFitTheirDiscriminators() {
        assertThat(GeneratorSpec.dcgan().build().outputShape()).isEqualTo(DiscriminatorSpec.dcgan().build().inputShape());
        assertThat(GeneratorSpec.kerasDcgan().build().outputShape())
                .isEqualTo(DiscriminatorSpec.kerasDcgan().build().inputShape());
    }
}
