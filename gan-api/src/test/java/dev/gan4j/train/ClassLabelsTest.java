package dev.gan4j.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gan4j.spec.DiscriminatorSpec;
import dev.gan4j.spec.GeneratorSpec;
import org.junit.jupiter.api.Test;

class ClassLabelsTest {

    @Test
    void balancedLabelsCycleThroughTheClasses() {
        assertThat(ClassLabels.balanced(7, 3)).containsExactly(0, 1, 2, 0, 1, 2, 0);
    }

    @Test
    void unconditionalGeneratorRefusesLabels() {
        assertThatThrownBy(() -> ClassLabels.check(GeneratorSpec.dcgan().build(), new int[] {1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("this generator is unconditional: it takes no labels; build it with conditional(classes)"
                        + " (for example GeneratorSpec.dcgan().conditional(10)) to draw by class, or call"
                        + " generate(count, seed)");
    }

    @Test
    void labelOutsideTheClassesIsNamedByIndexAndValue() {
        GeneratorSpec digits = GeneratorSpec.dcgan().conditional(10).build();

        assertThatThrownBy(() -> ClassLabels.check(digits, new int[] {3, 9, 10}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("labels[2] is 10; this generator draws classes 0 to 9");
        assertThatThrownBy(() -> ClassLabels.check(digits, new int[] {-1}))
                .hasMessage("labels[0] is -1; this generator draws classes 0 to 9");
        assertThatThrownBy(() -> ClassLabels.check(digits, new int[0]))
                .hasMessage("labels must hold at least one label, got an empty array");
    }

    @Test
    void generatorAndDiscriminatorMustAgreeOnTheClasses() {
        GanTrainer.Builder onlyG = GanTrainer.builder().generator(GeneratorSpec.dcgan().conditional(10).build())
                .discriminator(DiscriminatorSpec.dcgan().build());
        GanTrainer.Builder differ = GanTrainer.builder().generator(GeneratorSpec.dcgan().conditional(10).build())
                .discriminator(DiscriminatorSpec.dcgan().conditional(9).build());

        assertThatThrownBy(onlyG::config)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the generator is conditional, labelEmbedding(classes=10, dim=50) but the discriminator is"
                        + " unconditional; a conditional run needs both conditional on the same classes (for example"
                        + " GeneratorSpec.dcgan().conditional(10) and DiscriminatorSpec.dcgan().conditional(10)), an"
                        + " unconditional run neither");
        assertThatThrownBy(differ::config)
                .hasMessageStartingWith("the generator is conditional, labelEmbedding(classes=10, dim=50) but the"
                        + " discriminator is conditional, projection(classes=9);");
        assertThat(GanTrainer.builder().generator(GeneratorSpec.dcgan().conditional(10).build())
                .discriminator(DiscriminatorSpec.dcgan().conditional(10).build()).config().generator().classes())
                .isEqualTo(10);
    }

    @Test
    void gradientPenaltyIsRefusedWithAConditionalDiscriminator() {
        GanTrainer.Builder builder = GanTrainer.builder().generator(GeneratorSpec.dcgan().conditional(10).build())
                .discriminator(DiscriminatorSpec.dcgan().batchNorm(false).conditional(10).build())
                .gradientPenalty(GradientPenalty.r1(10));

        assertThatThrownBy(builder::config)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("gradientPenalty r1(")
                .hasMessageEndingWith("is not supported yet with a conditional discriminator (projection(classes=10));"
                        + " drop gradientPenalty(...), or train unconditionally");
    }
}
