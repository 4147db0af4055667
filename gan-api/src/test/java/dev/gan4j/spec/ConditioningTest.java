package dev.gan4j.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ConditioningTest {

    @Test
    void specsAreUnconditionalByDefault() {
        assertThat(GeneratorSpec.dcgan().build().conditioning()).isEqualTo(Conditioning.none());
        assertThat(DiscriminatorSpec.dcgan().build().classes()).isZero();
        assertThat(Conditioning.none().isConditional()).isFalse();
    }

    @Test
    void conditionalPresetsTakeLabelEmbeddingAndProjection() {
        assertThat(GeneratorSpec.dcgan().conditional(10).build().conditioning())
                .isEqualTo(Conditioning.labelEmbedding(10, 50));
        assertThat(GeneratorSpec.kerasDcgan().conditional(3).build().conditioning())
                .isEqualTo(Conditioning.labelEmbedding(3, Conditioning.DEFAULT_EMBEDDING_DIM));
        assertThat(DiscriminatorSpec.dcgan().conditional(10).build().conditioning())
                .isEqualTo(Conditioning.projection(10));
        assertThat(DiscriminatorSpec.kerasDcgan().spectralNorm(true).conditional(4).build().classes()).isEqualTo(4);
        assertThat(GeneratorSpec.builder().latentDim(4).conditional(2).dense(12).reshape(3, 2, 2).tanh().build()
                .classes()).isEqualTo(2);
    }

    @Test
    void labelEmbeddingWidensTheFirstLayerAndAddsItsMatrixToTheCount() {
        GeneratorSpec plain = GeneratorSpec.dcgan().build();
        GeneratorSpec conditional = GeneratorSpec.dcgan().conditional(10).build();

        // the first dense layer (6272 units, no bias) takes 100 + 50 floats; the embedding is 10 x 50
        assertThat(conditional.stack().inputShape()).isEqualTo(TensorShape.of(150));
        assertThat(conditional.latentDim()).isEqualTo(100);
        assertThat(conditional.parameterCount() - plain.parameterCount()).isEqualTo(50L * 6272 + 10 * 50);
    }

    @Test
    void projectionAddsOneRowOfFeaturesPerClass() {
        DiscriminatorSpec plain = DiscriminatorSpec.dcgan().build();
        DiscriminatorSpec conditional = DiscriminatorSpec.dcgan().conditional(10).build();

        assertThat(conditional.features()).isEqualTo(128 * 7 * 7);
        assertThat(conditional.parameterCount() - plain.parameterCount()).isEqualTo(10L * 6272);
        assertThat(conditional.stack()).isEqualTo(plain.stack());
    }

    @Test
    void summariesShowTheEmbeddingAndTheProjectionWithShapesAndCounts() {
        String g = GeneratorSpec.dcgan().conditional(10).build().summary();
        String d = DiscriminatorSpec.dcgan().conditional(10).build().summary();

        assertThat(g).contains("Generator (dcgan), latent 100, labelEmbedding(classes=10, dim=50)")
                .containsPattern("input z +\\(100\\) +0")
                .containsPattern("label Embedding +10 x 50 +\\(50\\) +500")
                .containsPattern("Concatenate \\[z, emb\\] +\\(150\\) +0")
                .contains(String.format(java.util.Locale.ROOT, "Trainable params: %,d",
                        GeneratorSpec.dcgan().conditional(10).build().parameterCount()));
        assertThat(d).contains("Discriminator (dcgan), projection(classes=10)")
                .containsPattern("projection Embedding +10 x 6272 +\\(6272\\) +62,720")
                .contains(String.format(java.util.Locale.ROOT, "Trainable params: %,d",
                        DiscriminatorSpec.dcgan().conditional(10).build().parameterCount()));
    }

    @Test
    void rejectsFewerThanTwoClasses() {
        assertThatThrownBy(() -> GeneratorSpec.dcgan().conditional(1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("classes must be >= 2 for a conditional network, got 1; an unconditional network"
                        + " takes Conditioning.none()");
        assertThatThrownBy(() -> DiscriminatorSpec.builder().conditional(0))
                .hasMessage("classes must be >= 2 for a conditional network, got 0; an unconditional network"
                        + " takes Conditioning.none()");
        assertThatThrownBy(() -> Conditioning.labelEmbedding(10, 0))
                .hasMessage("labelEmbedding dim must be >= 1, got 0");
    }

    @Test
    void rejectsTheOtherNetworksScheme() {
        assertThatThrownBy(() -> GeneratorSpec.builder().conditioning(Conditioning.projection(10)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("conditioning projection(classes=10) is a discriminator's scheme; a generator takes"
                        + " Conditioning.labelEmbedding(classes, dim) or none()");
        assertThatThrownBy(() -> DiscriminatorSpec.dcgan().conditioning(Conditioning.labelEmbedding(10, 5)))
                .hasMessage("conditioning labelEmbedding(classes=10, dim=5) is a generator's scheme; a"
                        + " discriminator takes Conditioning.projection(classes) or none()");
    }

    @Test
    void projectionNeedsALastDenseLayer() {
        DiscriminatorSpec.Builder endsInActivation = DiscriminatorSpec.builder().inputShape(1, 4, 4).conditional(10)
                .flatten().dense(1).leakyRelu(0.2f);

        assertThatThrownBy(endsInActivation::build)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("conditioning projection(classes=10) adds <V[y], phi(x)> to the logit of a last dense(1)"
                        + " layer, whose input is the feature vector phi(x), but the last layer is LeakyReLU; end the"
                        + " discriminator with flatten().dense(1)");
    }

    @Test
    void aFirstLayerThatCannotTakeZAndTheEmbeddingSaysSo() {
        GeneratorSpec.Builder reshapesZ = GeneratorSpec.builder().latentDim(16).conditional(10)
                .reshape(1, 4, 4).tanh();

        assertThatThrownBy(reshapesZ::build)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageEndingWith("(labelEmbedding(classes=10, dim=50) concatenates 50 floats after z: the first"
                        + " layer takes latentDim 16 + 50 = 66)");
    }

    @Test
    void conditioningTakesPartInEquality() {
        assertThat(GeneratorSpec.dcgan().conditional(10).build()).isEqualTo(GeneratorSpec.dcgan().conditional(10).build())
                .isNotEqualTo(GeneratorSpec.dcgan().conditional(9).build());
        assertThat(DiscriminatorSpec.dcgan().conditional(10).build()).isNotEqualTo(DiscriminatorSpec.dcgan().build());
    }

    @Test
    void specTextRoundTripsTheConditioning() {
        GeneratorSpec g = GeneratorSpec.dcgan().width(8).conditioning(Conditioning.labelEmbedding(7, 3)).build();
        DiscriminatorSpec d = DiscriminatorSpec.dcgan().width(8).spectralNorm(true).conditional(7).build();

        String gText = SpecText.write(g);
        String dText = SpecText.write(d);

        assertThat(gText).startsWith("gan4j-generator 1\nrecipe dcgan\nlatentDim 100\n"
                + "conditioning labelEmbedding classes=7 dim=3\ndense units=784 bias=false\n");
        assertThat(dText).startsWith("gan4j-discriminator 1\nrecipe dcgan\ninputShape 1,28,28\n"
                + "conditioning projection classes=7\nconv ");
        assertThat(SpecText.readGenerator(gText)).isEqualTo(g);
        assertThat(SpecText.readGenerator(gText).conditioning()).isEqualTo(g.conditioning());
        assertThat(SpecText.readDiscriminator(dText).conditioning()).isEqualTo(Conditioning.projection(7));
    }

    @Test
    void anUnconditionalSpecIsWrittenAsBeforeAndTextWithoutTheLineReadsAsNone() {
        String text = SpecText.write(GeneratorSpec.dcgan().build());

        assertThat(text).doesNotContain("conditioning");
        assertThat(SpecText.readGenerator(text).conditioning()).isEqualTo(Conditioning.none());
    }

    @Test
    void aBadConditioningLineIsNamed() {
        String text = SpecText.write(GeneratorSpec.dcgan().conditional(10).build())
                .replace("classes=10 dim=50", "classes=10 size=50");

        assertThatThrownBy(() -> SpecText.readGenerator(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("spec line 4 'conditioning labelEmbedding classes=10 size=50': missing dim=");
    }
}
