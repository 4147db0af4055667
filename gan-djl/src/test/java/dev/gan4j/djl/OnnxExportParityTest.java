package dev.gan4j.djl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gan4j.export.OnnxExportOptions;
import dev.gan4j.export.OnnxExportOptions.OutputRange;
import dev.gan4j.spec.GeneratorSpec;
import dev.gan4j.train.Latents;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** DJL inference and onnxruntime on the exported graph agree to 1e-4 on the same latents. */
class OnnxExportParityTest {

    private static final double TOLERANCE = 1e-4;
    private static final int COUNT = 16;
    private static final List<String> FIGURES = new ArrayList<>();

    @TempDir
    Path dir;

    static Stream<ExportCases.Case> cases() {
        return ExportCases.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void exportedGeneratorMatchesDjlOutput(ExportCases.Case c) throws Exception {
        double diff = parity(c.spec(), c.options(), c.name().hashCode());
        FIGURES.add(String.format(Locale.ROOT, "%-40s max |DJL - onnxruntime| = %.2e", c.name(), diff));
        assertThat(diff).as(c.name()).isLessThanOrEqualTo(TOLERANCE);
    }

    static Stream<ExportCases.Case> transposedConvolutions() {
        return ExportCases.transposedConvolutions().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transposedConvolutions")
    void transposedConvolutionMatchesOnnxRuntimesConvTranspose(ExportCases.Case c) throws Exception {
        double diff = parity(c.spec(), c.options(), c.name().hashCode());
        assertThat(diff).as(c.name()).isLessThanOrEqualTo(TOLERANCE);
    }

    private double parity(GeneratorSpec spec, OnnxExportOptions options, long seed) throws Exception {
        int count = options.dynamicBatch() ? COUNT : options.fixedBatchSize();
        float[] z = Latents.normal(count, spec.latentDim(), seed);
        try (DjlTrainedGan gan = RandomGenerators.of(spec, seed)) {
            float[] expected = gan.generate(z).pixels();
            assertNotSaturated(expected);
            if (options.outputRange() == OutputRange.UNIT) {
                for (int i = 0; i < expected.length; i++) {
                    expected[i] = (expected[i] + 1f) / 2f;
                }
            }
            Path model = dir.resolve("model.onnx");
            gan.exportOnnx(model, options);
            return OnnxRuntimes.maxAbsDifference(expected, OnnxRuntimes.generate(model, z, count));
        }
    }

    /** A tanh pinned at +-1 everywhere would hide any mistake before it. */
    private static void assertNotSaturated(float[] pixels) {
        long saturated = 0;
        for (float v : pixels) {
            if (Math.abs(v) > 0.99f) {
                saturated++;
            }
        }
        assertThat((double) saturated / pixels.length).as("share of saturated pixels").isLessThan(0.5);
    }

    @AfterAll
    static void printFigures() {
        System.out.println("ONNX export parity on " + COUNT + " latents:");
        FIGURES.forEach(f -> System.out.println("  " + f));
    }
}
