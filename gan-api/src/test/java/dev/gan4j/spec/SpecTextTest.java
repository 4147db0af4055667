package dev.gan4j.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SpecTextTest {

    /** A generator using all twelve layer kinds, with floats that have no short decimal form. */
    private static GeneratorSpec everyLayerKind() {
        return GeneratorSpec.builder().latentDim(8)
                .dense(48, true)
                .dropout(0.123456789f)
                .batchNorm(0.9f, 1e-5f)
                .reshape(3, 4, 4)
                .batchNorm()
                .leakyRelu(0.1f)
                .convTranspose(6, 3, 2, Padding.of(1), 1, false)
                .relu()
                .upsample(2)
                .conv(4, 3, 1, Padding.of(1), false)
                .conv(2, 3, 2, Padding.same())
                .flatten()
                .dense(3 * 8 * 8, false)
                .reshape(3, 8, 8)
                .sigmoid()
                .convTranspose(3, 4, 2, Padding.same())
                .tanh()
                .build();
    }

    @Test
    void writesOneLinePerLayer() {
        String text = SpecText.write(GeneratorSpec.kerasDcgan().build());

        assertThat(text).isEqualTo("gan4j-generator 1\n"
                + "recipe kerasDcgan\n"
                + "latentDim 100\n"
                + "dense units=25088 bias=true\n"
                + "reshape shape=512,7,7\n"
                + "batchNorm momentum=0.99 epsilon=0.001\n"
                + "leakyRelu alpha=0.2\n"
                + "convTranspose filters=256 kernel=3 stride=2 padding=same outputPadding=0 bias=true\n"
                + "leakyRelu alpha=0.2\n"
                + "convTranspose filters=128 kernel=4 stride=2 padding=same outputPadding=0 bias=true\n"
                + "batchNorm momentum=0.99 epsilon=0.001\n"
                + "leakyRelu alpha=0.2\n"
                + "conv filters=1 kernel=5 stride=1 padding=same bias=true\n"
                + "tanh\n");
    }

    @Test
    void kerasPresetRoundTrips() {
        GeneratorSpec spec = GeneratorSpec.kerasDcgan().build();

        GeneratorSpec read = SpecText.readGenerator(SpecText.write(spec));

        assertThat(read).isEqualTo(spec);
        assertThat(read.layers()).isEqualTo(spec.layers());
        assertThat(read.recipe()).isEqualTo("kerasDcgan");
        assertThat(read.summary()).isEqualTo(spec.summary());
    }

    @Test
    void dcganPresetRoundTrips() {
        GeneratorSpec spec = GeneratorSpec.dcgan().latentDim(64).width(32).outputShape(3, 32, 32).build();

        GeneratorSpec read = SpecText.readGenerator(SpecText.write(spec));

        assertThat(read).isEqualTo(spec);
        assertThat(read.recipe()).isEqualTo("dcgan");
        assertThat(read.latentDim()).isEqualTo(64);
    }

    @Test
    void customSpecWithEveryLayerKindRoundTripsFloatsExactly() {
        GeneratorSpec spec = everyLayerKind();

        GeneratorSpec read = SpecText.readGenerator(SpecText.write(spec));

        assertThat(read).isEqualTo(spec);
        assertThat(read.layers()).isEqualTo(spec.layers());
        assertThat(read.layers().stream().map(Layer::kind).distinct()).hasSize(12);
        assertThat(((Layer.Dropout) read.layers().get(1)).rate()).isEqualTo(0.123456789f);
        assertThat(((Layer.BatchNorm) read.layers().get(2)).epsilon()).isEqualTo(1e-5f);
        assertThat(read.outputShape()).isEqualTo(TensorShape.of(3, 16, 16));
        assertThat(read.recipe()).isEqualTo("custom");
    }

    @Test
    void readsWindowsLineEnds() {
        GeneratorSpec spec = everyLayerKind();

        GeneratorSpec read = SpecText.readGenerator(SpecText.write(spec).replace("\n", "\r\n"));

        assertThat(read).isEqualTo(spec);
    }

    @Test
    void rejectsTextWithoutTheHeader() {
        assertThatThrownBy(() -> SpecText.readGenerator("gan4j-discriminator 1\nrecipe x\nlatentDim 1\ntanh\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a gan4j generator spec: the first line must be 'gan4j-generator 1'");
        assertThatThrownBy(() -> SpecText.readGenerator(""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a gan4j generator spec: the first line must be 'gan4j-generator 1'");
    }

    @Test
    void rejectsMissingLatentDim() {
        assertThatThrownBy(() -> SpecText.readGenerator("gan4j-generator 1\nrecipe custom\nreshape shape=1,10,10\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected 'latentDim VALUE', got 'reshape shape=1,10,10'");
    }

    @Test
    void namesTheLineOfAnUnknownLayer() {
        String text = "gan4j-generator 1\nrecipe custom\nlatentDim 100\nreshape shape=1,10,10\nswish\n";

        assertThatThrownBy(() -> SpecText.readGenerator(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("spec line 5 'swish': unknown layer 'swish'");
    }

    @Test
    void namesTheLineOfABadValue() {
        String header = "gan4j-generator 1\nrecipe custom\nlatentDim 100\n";

        assertThatThrownBy(() -> SpecText.readGenerator(header + "dense units=abc bias=true\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("spec line 4 'dense units=abc bias=true': For input string: \"abc\"");
        assertThatThrownBy(() -> SpecText.readGenerator(header + "dense units=10\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("spec line 4 'dense units=10': missing bias=");
        assertThatThrownBy(() -> SpecText.readGenerator(header + "dense units=10 bias=yes\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("spec line 4 'dense units=10 bias=yes': bias must be true or false, got yes");
        assertThatThrownBy(() -> SpecText.readGenerator(header + "reshape shape=1,10,10\ndropout rate=1.0\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("spec line 5 'dropout rate=1.0': dropout rate must be in [0, 1), got 1.0");
        assertThatThrownBy(() -> SpecText.readGenerator(header + "reshape 1,10,10\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("spec line 4 'reshape 1,10,10': expected key=value, got '1,10,10'");
    }

    @Test
    void rejectsAnUnknownSettingOnALayerLine() {
        String text = "gan4j-generator 1\nrecipe custom\nlatentDim 100\ndense units=10 bias=true colour=red\n";

        assertThatThrownBy(() -> SpecText.readGenerator(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("spec line 4 'dense units=10 bias=true colour=red': unknown setting 'colour' for dense");
    }

    @Test
    void rejectsALatentDimThatIsNoNumber() {
        assertThatThrownBy(() -> SpecText.readGenerator("gan4j-generator 1\nrecipe custom\nlatentDim abc\ntanh\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("spec line 3: latentDim must be a whole number, got 'abc'");
    }

    @Test
    void checksShapesOfTheLayersRead() {
        String text = "gan4j-generator 1\nrecipe custom\nlatentDim 100\nreshape shape=1,10,11\n";

        assertThatThrownBy(() -> SpecText.readGenerator(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("generator layer 0 (Reshape): Reshape cannot turn input (100) (100 elements) into"
                        + " (1, 10, 11) (110 elements); the element counts must match");
    }

    @Test
    void writesTheDiscriminatorsInputShapeAndLayers() {
        String text = SpecText.write(DiscriminatorSpec.dcgan().width(8).build());

        assertThat(text).isEqualTo("gan4j-discriminator 1\n"
                + "recipe dcgan\n"
                + "inputShape 1,28,28\n"
                + "conv filters=8 kernel=4 stride=2 padding=same bias=true\n"
                + "leakyRelu alpha=0.2\n"
                + "conv filters=16 kernel=4 stride=2 padding=same bias=false\n"
                + "batchNorm momentum=0.99 epsilon=0.001\n"
                + "leakyRelu alpha=0.2\n"
                + "flatten\n"
                + "dense units=1 bias=true\n");
    }

    @Test
    void discriminatorPresetsAndCustomSpecsRoundTrip() {
        DiscriminatorSpec custom = DiscriminatorSpec.builder().inputShape(3, 8, 8)
                .conv(4, 3, 2, Padding.of(1), false).leakyRelu(0.123456789f).dropout(0.3f)
                .batchNorm(0.9f, 1e-5f).flatten().dense(1)
                .build();
        for (DiscriminatorSpec spec : new DiscriminatorSpec[] {
                DiscriminatorSpec.dcgan().build(), DiscriminatorSpec.kerasDcgan().build(), custom}) {
            DiscriminatorSpec read = SpecText.readDiscriminator(SpecText.write(spec));

            assertThat(read).isEqualTo(spec);
            assertThat(read.layers()).isEqualTo(spec.layers());
            assertThat(read.recipe()).isEqualTo(spec.recipe());
            assertThat(read.inputShape()).isEqualTo(spec.inputShape());
        }
    }

    @Test
    void rejectsAGeneratorSpecReadAsADiscriminator() {
        String generator = SpecText.write(GeneratorSpec.dcgan().build());

        assertThatThrownBy(() -> SpecText.readDiscriminator(generator))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a gan4j discriminator spec: the first line must be 'gan4j-discriminator 1'");
    }

    @Test
    void rejectsADiscriminatorInputShapeThatIsNoShape() {
        String text = "gan4j-discriminator 1\nrecipe custom\ninputShape 1,x,28\nflatten\ndense units=1 bias=true\n";

        assertThatThrownBy(() -> SpecText.readDiscriminator(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("spec line 3: inputShape must be C,H,W, got '1,x,28'");
    }
}
