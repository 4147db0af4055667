package dev.gan4j.djl;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gan4j.spec.GeneratorSpec;
import org.junit.jupiter.api.Test;

/**
 * A request for more images than one {@code ImageBatch} holds is refused before anything is drawn
 * or allocated, naming the count and the limit, rather than overflowing an int.
 */
class GenerateCountLimitTest {

    @Test
    void generatingMoreImagesThanOneBatchHoldsIsRefusedNamingTheCountAndTheLimit() {
        try (DjlTrainedGan gan = RandomGenerators.of(TinyGan.generator(), 1)) {
            assertThatThrownBy(() -> gan.generate(Integer.MAX_VALUE, 1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("count 2147483647 images of (1, 8, 8) are 137438953408 floats; an ImageBatch holds"
                            + " at most 2147483639 (the largest Java array): at most 33554431 images of (1, 8, 8)"
                            + " at once. Generate them in parts");
        }
    }

    @Test
    void generatingFromMoreLatentsThanOneBatchHoldsTheImagesOfIsRefusedBeforeAForwardPass() {
        // latentDim 1 to (4, 256, 256): 8,193 latents ask for 2,147,745,792 floats of images.
        GeneratorSpec spec = GeneratorSpec.builder().latentDim(1).dense(4).reshape(4, 1, 1).upsample(256).build();
        try (DjlTrainedGan gan = RandomGenerators.of(spec, 1)) {
            assertThatThrownBy(() -> gan.generate(new float[8193]))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("count 8193 images of (4, 256, 256) are 2147745792 floats; an ImageBatch holds at"
                            + " most 2147483639 (the largest Java array): at most 8191 images of (4, 256, 256) at"
                            + " once. Generate them in parts");
        }
    }
}
