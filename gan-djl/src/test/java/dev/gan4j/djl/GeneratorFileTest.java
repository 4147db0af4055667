package dev.gan4j.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gan4j.image.ImageBatch;
import dev.gan4j.train.ComputeDevice;
import dev.gan4j.train.GanTrainer;
import dev.gan4j.train.TrainedGan;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratorFileTest {

    @TempDir
    static Path dir;

    private static Path saved;
    private static ImageBatch expected;
    private static TrainedGan trained;

    @BeforeAll
    static void trainAndSave() throws IOException {
        trained = GanTrainer.builder()
                .generator(TinyGan.generator())
                .discriminator(TinyGan.discriminator())
                .batchSize(8)
                .stepsPerEpoch(3)
                .device(ComputeDevice.cpu())
                .seed(3)
                .build()
                .train(TinyGan.data(32, 2));
        saved = dir.resolve("tiny.gan4j");
        trained.save(saved);
        expected = trained.generate(5, 11);
    }

    @Test
    void loadedGeneratorDrawsTheSameImages() throws IOException {
        try (TrainedGan loaded = TrainedGan.load(saved)) {
            assertThat(loaded.spec()).isEqualTo(TinyGan.generator());
            assertThat(loaded.generate(5, 11).pixels()).containsExactly(expected.pixels());
        }
    }

    @Test
    void loadedGeneratorKeepsItsProvenance() throws IOException {
        try (TrainedGan loaded = TrainedGan.load(saved)) {
            assertThat(loaded.provenance()).isEqualTo(trained.provenance());
            assertThat(loaded.provenance().seed()).isEqualTo(3);
            assertThat(loaded.provenance().steps()).isEqualTo(3);
            assertThat(loaded.provenance().engine()).startsWith("DJL 0.36.0 / PyTorch");
        }
    }

    @Test
    void truncatedFileIsRejectedWithItsName() throws IOException {
        byte[] bytes = Files.readAllBytes(saved);
        Path truncated = dir.resolve("truncated.gan4j");
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length / 2));

        assertThatThrownBy(() -> TrainedGan.load(truncated))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(truncated.toString());
    }

    @Test
    void fileOfAnotherKindIsRejected() throws IOException {
        Path other = dir.resolve("notes.gan4j");
        Files.writeString(other, "not a model");

        assertThatThrownBy(() -> TrainedGan.load(other))
                .isInstanceOf(IOException.class)
                .hasMessage(other + " is not a gan4j generator file: it lacks spec.txt (truncated, or written by"
                        + " something else)");
    }

    @Test
    void loadOfNoFileSaysFile() {
        assertThatThrownBy(() -> TrainedGan.load(null)).isInstanceOf(NullPointerException.class).hasMessage("file");
    }

    @Test
    void loadOfAMissingFileSaysThereIsNone() {
        Path missing = dir.resolve("missing.gan4j");

        assertThatThrownBy(() -> TrainedGan.load(missing))
                .isInstanceOf(NoSuchFileException.class)
                .hasMessage(missing + ": no such gan4j generator file");
    }

    @Test
    void loadOfADirectoryIsRefusedByName() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("models"));

        assertThatThrownBy(() -> TrainedGan.load(folder))
                .isInstanceOf(FileSystemException.class)
                .hasMessage(folder + " is a directory, not a gan4j generator file; pass the file TrainedGan.save"
                        + " wrote");
    }

    @Test
    void provenanceWithoutFinishedAtIsRefusedNamingFileEntryAndKey() throws IOException {
        Path edited = withProvenance("no-finished-at", p -> p.remove("finished_at"));

        assertThatThrownBy(() -> TrainedGan.load(edited))
                .isInstanceOf(IOException.class)
                .hasMessage(edited + ": bad provenance.properties: provenance lacks finished_at");
    }

    @Test
    void provenanceWithoutRecipeIsRefusedAtLoadNotAtSave() throws IOException {
        Path edited = withProvenance("no-recipe", p -> p.remove("recipe"));

        assertThatThrownBy(() -> TrainedGan.load(edited))
                .isInstanceOf(IOException.class)
                .hasMessage(edited + ": bad provenance.properties: provenance lacks recipe");
    }

    @Test
    void provenanceWithAMalformedInstantNamesTheValue() throws IOException {
        Path edited = withProvenance("bad-instant", p -> p.setProperty("finished_at", "yesterday"));

        assertThatThrownBy(() -> TrainedGan.load(edited))
                .isInstanceOf(IOException.class)
                .hasMessage(edited + ": bad provenance.properties: provenance finished_at is not an ISO-8601 instant:"
                        + " yesterday");
    }

    @Test
    void provenanceWithAMalformedNumberNamesTheValue() throws IOException {
        Path edited = withProvenance("bad-seed", p -> p.setProperty("seed", "x12"));

        assertThatThrownBy(() -> TrainedGan.load(edited))
                .isInstanceOf(IOException.class)
                .hasMessage(edited + ": bad provenance.properties: provenance seed is not a whole number: x12");
    }

    @Test
    void provenanceWithACountBeyondAnIntNamesTheKeyAndValue() throws IOException {
        Path edited = withProvenance("huge-epochs", p -> p.setProperty("epochs", "99999999999"));

        assertThatThrownBy(() -> TrainedGan.load(edited))
                .isInstanceOf(IOException.class)
                .hasMessage(edited + ": bad provenance.properties: provenance epochs is 99999999999, outside an int's"
                        + " range -2147483648..2147483647");
    }

    @Test
    void provenanceThatIsNotAPropertiesFileNamesTheFile() throws IOException {
        Path edited = withProvenanceText("bad-escape", "recipe=\\u12\n");

        assertThatThrownBy(() -> TrainedGan.load(edited))
                .isInstanceOf(IOException.class)
                .hasMessage(edited + ": bad provenance.properties: Malformed \\uxxxx encoding.");
    }

    @Test
    void provenanceWithoutAVersionSaysSoBeforeWhatA010FileWouldHold() throws IOException {
        Path edited = withProvenance("no-version", p -> p.remove("provenance_version"));

        assertThatThrownBy(() -> TrainedGan.load(edited))
                .isInstanceOf(IOException.class)
                .hasMessage(edited + ": bad provenance.properties: it has no provenance_version, and as a file of"
                        + " gan4j 0.1.0 (which wrote none) it lacks batchSize, labelSmoothing, generatorOptimizer,"
                        + " discriminatorOptimizer, datasetSize, gan4jVersion, finishedAt");
    }

    @Test
    void closedGeneratorRefusesToDraw() throws IOException {
        TrainedGan loaded = TrainedGan.load(saved);
        loaded.close();
        loaded.close();

        assertThatThrownBy(() -> loaded.generate(1, 1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("this TrainedGan is closed");
    }

    @Test
    void saveAndExportOfNoFileSayFile() {
        assertThatThrownBy(() -> trained.save(null)).isInstanceOf(NullPointerException.class).hasMessage("file");
        assertThatThrownBy(() -> trained.exportOnnx(null)).isInstanceOf(NullPointerException.class).hasMessage("file");
    }

    @Test
    void latentsOfTheWrongLengthAreRejected() {
        assertThatThrownBy(() -> trained.generate(new float[7]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("latents has 7 floats; it must be a positive multiple of latentDim 8");
    }

    /** A copy of the saved file with its provenance edited, as by hand. */
    private static Path withProvenance(String name, Consumer<Properties> edit) throws IOException {
        Properties provenance = new Properties();
        provenance.load(new StringReader(new String(entries(saved).get("provenance.properties"), StandardCharsets.UTF_8)));
        edit.accept(provenance);
        StringWriter text = new StringWriter();
        provenance.store(text, null);
        return withProvenanceText(name, text.toString());
    }

    private static Path withProvenanceText(String name, String provenance) throws IOException {
        Path edited = dir.resolve(name + ".gan4j");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(edited))) {
            for (Map.Entry<String, byte[]> e : entries(saved).entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getKey().equals("provenance.properties")
                        ? provenance.getBytes(StandardCharsets.UTF_8) : e.getValue());
                zip.closeEntry();
            }
        }
        return edited;
    }

    private static Map<String, byte[]> entries(Path file) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                entries.put(e.getName(), zip.readAllBytes());
            }
        }
        return entries;
    }
}
