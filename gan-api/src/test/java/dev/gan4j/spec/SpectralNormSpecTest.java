package dev.gan4j.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Spectral normalization in the specs: per layer, for a whole network, the presets, text, summaries. */
class SpectralNormSpecTest {

    @Test
    void theLayerJustAddedIsNormalised() {
        DiscriminatorSpec d = DiscriminatorSpec.builder().inputShape(1, 8, 8)
                .conv(4, 3, 2, Padding.same()).spectralNorm().leakyRelu(0.2f)
                .conv(4, 3, 2, Padding.same()).leakyRelu(0.2f)
                .flatten().dense(1).spectralNorm()
                .build();

        assertThat(d.layers()).extracting(Layer::spectralNorm)
                .containsExactly(true, false, false, false, false, true);
        assertThat(d.layers().get(0)).isEqualTo(new Layer.Conv(4, 3, 2, Padding.same(), true, true));
    }

    @Test
    void aTransposedConvolutionCanBeNormalised() {
        GeneratorSpec g = GeneratorSpec.builder().latentDim(4).dense(8).reshape(2, 2, 2)
                .convTranspose(1, 4, 2, Padding.same()).spectralNorm().tanh().build();

        assertThat(g.layers().get(2)).isEqualTo(new Layer.ConvTranspose(1, 4, 2, Padding.same(), 0, true, true));
    }

    @Test
    void spectralNormRefusesALayerWithoutWeights() {
        DiscriminatorSpec.Builder b = DiscriminatorSpec.builder().conv(4, 3, 2, Padding.same()).leakyRelu(0.2f);

        assertThatThrownBy(b::spectralNorm)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("spectralNorm() normalises the layer just added, which is LeakyReLU and has no weight"
                        + " matrix; it applies to Dense, Conv2D and Conv2DTranspose");
    }

    @Test
    void spectralNormRefusesAnEmptyBuilder() {
        assertThatThrownBy(() -> GeneratorSpec.builder().spectralNorm())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("spectralNorm() normalises the layer just added, and there is none; add a dense, conv"
                        + " or convTranspose layer first");
    }

    @Test
    void spectralNormAllNormalisesEveryLayerWithWeightsAddedBeforeOrAfter() {
        DiscriminatorSpec d = DiscriminatorSpec.builder().inputShape(1, 8, 8)
                .conv(4, 3, 2, Padding.same()).batchNorm()
                .spectralNormAll(true)
                .leakyRelu(0.2f).flatten().dense(1)
                .build();

        assertThat(d.layers()).extracting(Layer::spectralNorm).containsExactly(true, false, false, false, true);
        assertThat(d.layers().get(1)).isEqualTo(new Layer.BatchNorm(0.99f, 0.001f));
    }

    @Test
    void layersWithoutSpectralNormAreTheRecordsOfBefore() {
        assertThat(new Layer.Dense(3, true)).isEqualTo(new Layer.Dense(3, true, false));
        assertThat(new Layer.Conv(3, 3, 1, Padding.same(), true).spectralNorm()).isFalse();
        assertThat(new Layer.ConvTranspose(3, 3, 1, Padding.same(), 0, true).withSpectralNorm(true).spectralNorm())
                .isTrue();
        assertThat(new Layer.Relu().spectralNorm()).isFalse();
    }

    @Test
    void dcganPresetWithSpectralNormIsSngansDiscriminatorWithoutBatchNorm() {
        DiscriminatorSpec d = DiscriminatorSpec.dcgan().spectralNorm(true).build();

        assertThat(d.layers()).noneMatch(l -> l instanceof Layer.BatchNorm);
        assertThat(d.layers()).filteredOn(l -> l instanceof Layer.Conv || l instanceof Layer.Dense)
                .hasSize(3).allMatch(Layer::spectralNorm);
        // the second convolution keeps its bias: no BatchNorm cancels it
        assertThat(((Layer.Conv) d.layers().get(2)).useBias()).isTrue();
    }

    @Test
    void dcganPresetKeepsItsBatchNormWithSpectralNormWhenAskedExplicitly() {
        DiscriminatorSpec d = DiscriminatorSpec.dcgan().spectralNorm(true).batchNorm(true).build();

        assertThat(d.layers()).filteredOn(l -> l instanceof Layer.BatchNorm).hasSize(1);
        assertThat(d.layers()).filteredOn(l -> l instanceof Layer.Conv).allMatch(Layer::spectralNorm);
    }

    @Test
    void presetsWithoutSpectralNormAreUnchanged() {
        assertThat(DiscriminatorSpec.dcgan().spectralNorm(false).build()).isEqualTo(DiscriminatorSpec.dcgan().build());
        assertThat(DiscriminatorSpec.dcgan().build().layers()).noneMatch(Layer::spectralNorm)
                .anyMatch(l -> l instanceof Layer.BatchNorm);
        assertThat(DiscriminatorSpec.kerasDcgan().spectralNorm(true).build().layers())
                .filteredOn(l -> l instanceof Layer.Conv || l instanceof Layer.Dense).hasSize(4)
                .allMatch(Layer::spectralNorm);
    }

    @Test
    void uCountsAsNonTrainableStateOneValuePerOutputUnit() {
        TensorShape image = TensorShape.of(3, 8, 8);

        assertThat(new Layer.Dense(5, true, true).nonTrainableParameterCount(TensorShape.of(7))).isEqualTo(5);
        assertThat(new Layer.Dense(5, true, true).trainableParameterCount(TensorShape.of(7))).isEqualTo(40);
        assertThat(new Layer.Conv(4, 3, 1, Padding.same(), false, true).nonTrainableParameterCount(image))
                .isEqualTo(4);
        assertThat(new Layer.ConvTranspose(2, 4, 2, Padding.same(), 0, true, true).nonTrainableParameterCount(image))
                .isEqualTo(2);
        assertThat(new Layer.Conv(4, 3, 1, Padding.same(), false).nonTrainableParameterCount(image)).isZero();
    }

    @Test
    void summaryMarksNormalisedLayersAndCountsU() {
        String summary = DiscriminatorSpec.builder().inputShape(1, 28, 28)
                .conv(64, 4, 2, Padding.same()).spectralNorm().leakyRelu(0.2f)
                .flatten().dense(1).spectralNorm()
                .build().summary();

        assertThat(summary.lines()).contains(
                row("0 Conv2D", "64, k4, s2, same, sn", "(64, 14, 14)", "1,152"),
                row("3 Dense", "1, sn", "(1)", "12,546"),
                "Total params: 13,698",
                "Trainable params: 13,633",
                "Non-trainable params: 65");
    }

    @Test
    void specTextWritesSpectralNormOnlyWhereItIsOnAndReadsItBack() {
        GeneratorSpec g = GeneratorSpec.builder().latentDim(4)
                .dense(8, false).spectralNorm().reshape(2, 2, 2)
                .convTranspose(2, 4, 2, Padding.same()).spectralNorm()
                .conv(1, 3, 1, Padding.same()).spectralNorm()
                .conv(1, 3, 1, Padding.same()).tanh().build();

        String text = SpecText.write(g);

        assertThat(text.lines().skip(3).toList()).containsExactly(
                "dense units=8 bias=false sn=true",
                "reshape shape=2,2,2",
                "convTranspose filters=2 kernel=4 stride=2 padding=same outputPadding=0 bias=true sn=true",
                "conv filters=1 kernel=3 stride=1 padding=same bias=true sn=true",
                "conv filters=1 kernel=3 stride=1 padding=same bias=true",
                "tanh");
        GeneratorSpec read = SpecText.readGenerator(text);
        assertThat(read).isEqualTo(g);
        assertThat(read.summary()).isEqualTo(g.summary());
        DiscriminatorSpec d = DiscriminatorSpec.dcgan().spectralNorm(true).build();
        assertThat(SpecText.readDiscriminator(SpecText.write(d))).isEqualTo(d);
    }

    @Test
    void specTextWithoutTheSettingReadsAsBeforeAndAnExplicitFalseIsAccepted() {
        String before = "gan4j-discriminator 1\nrecipe custom\ninputShape 1,8,8\n"
                + "conv filters=4 kernel=3 stride=2 padding=same bias=true\nflatten\ndense units=1 bias=true\n";
        String explicit = before.replace("bias=true\nflatten", "bias=true sn=false\nflatten");

        assertThat(SpecText.readDiscriminator(before).layers()).noneMatch(Layer::spectralNorm);
        assertThat(SpecText.readDiscriminator(explicit)).isEqualTo(SpecText.readDiscriminator(before));
        assertThat(SpecText.write(SpecText.readDiscriminator(before))).isEqualTo(before);
    }

    @Test
    void specTextRejectsASpectralNormThatIsNoBoolean() {
        String text = "gan4j-discriminator 1\nrecipe custom\ninputShape 1,8,8\n"
                + "conv filters=4 kernel=3 stride=2 padding=same bias=true sn=yes\nflatten\ndense units=1 bias=true\n";

        assertThatThrownBy(() -> SpecText.readDiscriminator(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("spec line 4 'conv filters=4 kernel=3 stride=2 padding=same bias=true sn=yes': sn must be"
                        + " true or false, got yes");
    }

    @Test
    void specTextRejectsSpectralNormOnALayerWithoutWeights() {
        String text = "gan4j-discriminator 1\nrecipe custom\ninputShape 1,8,8\n"
                + "conv filters=4 kernel=3 stride=2 padding=same bias=true\nflatten sn=true\ndense units=1 bias=true\n";

        assertThatThrownBy(() -> SpecText.readDiscriminator(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("spec line 5 'flatten sn=true': unknown setting 'sn' for flatten");
    }

    private static String row(String layer, String settings, String shape, String params) {
        return String.format(Locale.ROOT, "%-24s %-22s %-18s %12s", layer, settings, shape, params);
    }

}
