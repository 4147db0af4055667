package dev.gan4j.quality;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gan4j.image.ImageBatch;
import dev.gan4j.spec.GeneratorSpec;
import dev.gan4j.train.Generator;
import org.junit.jupiter.api.Test;

/** What conditional accuracy refuses, before the classifier is prepared. */
class ConditionalAccuracyTest {

    private static Generator of(GeneratorSpec spec) {
        return new Generator() {
            @Override
            public GeneratorSpec spec() {
                return spec;
            }

            @Override
            public ImageBatch generate(float[] latents) {
                throw new AssertionError("not drawn");
            }
        };
    }

    @Test
    void refusesAnUnconditionalGenerator() {
        assertThatThrownBy(() -> QualityMetric.mnist().build().conditionalAccuracy(of(GeneratorSpec.dcgan().build())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("conditional accuracy needs a generator conditional on the classifier's 10 classes, got an"
                        + " unconditional one");
    }

    @Test
    void refusesAGeneratorOfOtherClasses() {
        assertThatThrownBy(() -> QualityMetric.mnist().build()
                .conditionalAccuracy(of(GeneratorSpec.dcgan().conditional(3).build())))
                .hasMessage("conditional accuracy needs a generator conditional on the classifier's 10 classes, got one"
                        + " of 3");
    }
}
