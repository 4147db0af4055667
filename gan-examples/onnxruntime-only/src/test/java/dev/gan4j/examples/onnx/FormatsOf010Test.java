package dev.gan4j.examples.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * An ONNX file exported by gan4j 0.1.0 (src/test/resources/formats/0.1.0; the run is described in
 * gan-djl's copy of the fixtures) still runs with this client and draws what gan4j drew from the
 * same seed.
 */
class FormatsOf010Test {

    private static Path fixture(String name) throws Exception {
        return Path.of(Objects.requireNonNull(FormatsOf010Test.class.getResource("/formats/0.1.0/" + name), name).toURI());
    }

    @Test
    void onnxExportOf010RunsAndMatchesGan4jsImages() throws Exception {
        byte[] bytes = Files.readAllBytes(fixture("tiny.generate-3-seed-5.f32be"));
        float[] expected = new float[bytes.length / Float.BYTES];
        ByteBuffer.wrap(bytes).asFloatBuffer().get(expected);

        try (OnnxGenerator generator = OnnxGenerator.open(fixture("tiny.onnx"))) {
            assertThat(generator.metadata()).containsEntry("gan4j.contract_version", "1")
                    .containsEntry("gan4j.training.seed", "11")
                    .containsEntry("gan4j.training.batch_size", "8");
            float[] images = generator.generate(NormalLatents.draw(3, generator.latentDim(), 5), 3);

            assertThat(images).hasSameSizeAs(expected);
            for (int i = 0; i < expected.length; i++) {
                assertThat(images[i]).as("pixel %d", i).isCloseTo(expected[i], within(1e-4f));
            }
        }
    }
}
