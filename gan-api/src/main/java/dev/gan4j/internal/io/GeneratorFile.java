package dev.gan4j.internal.io;

import dev.gan4j.spec.GeneratorSpec;
import dev.gan4j.spec.SpecText;
import dev.gan4j.spi.HostTensor;
import dev.gan4j.train.Provenance;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The saved-generator file: a zip holding {@code spec.txt} ({@link SpecText}), {@code
 * provenance.properties} and {@code weights.bin} (every parameter by name, shape and float values, a
 * {@link TensorBlock}). Engine-neutral: nothing in it is DJL's own format.
 */
public final class GeneratorFile {

    private static final String SPEC = "spec.txt";
    private static final String PROVENANCE = "provenance.properties";
    private static final String WEIGHTS = "weights.bin";

    /**
     * The keys gan4j 0.1.0 wrote, and what {@link Provenance#toProperties()} calls them, in the order of
     * the record, so that a message listing the missing ones is the same on every run.
     */
    private static final List<Map.Entry<String, String>> VERSION_1_KEYS = List.of(
            Map.entry("recipe", "recipe"),
            Map.entry("seed", "seed"),
            Map.entry("steps", "steps"),
            Map.entry("epochs", "epochs"),
            Map.entry("batchSize", "batch_size"),
            Map.entry("loss", "loss"),
            Map.entry("labelSmoothing", "label_smoothing"),
            Map.entry("generatorOptimizer", "generator_optimizer"),
            Map.entry("discriminatorOptimizer", "discriminator_optimizer"),
            Map.entry("datasetSize", "dataset_size"),
            Map.entry("engine", "engine"),
            Map.entry("device", "device"),
            Map.entry("gan4jVersion", "gan4j_version"),
            Map.entry("finishedAt", "finished_at"));

    private GeneratorFile() {}

    /**
     * A generator read back.
     *
     * @param spec its spec
     * @param provenance where it came from
     * @param parameters its parameters, in the spec's order
     */
    public record Loaded(GeneratorSpec spec, Provenance provenance, List<HostTensor> parameters) {}

    /**
     * Writes the file atomically: a crash leaves either the old file or the new one.
     *
     * @param file the file to write
     * @param spec its spec
     * @param parameters its parameters, in the spec's order
     * @param provenance where it came from
     * @throws IOException if the file cannot be written
     */
    public static void write(Path file, GeneratorSpec spec, List<HostTensor> parameters, Provenance provenance)
            throws IOException {
        byte[] weights = TensorBlock.write(parameters);
        AtomicFiles.write(file, out -> {
            ZipOutputStream zip = new ZipOutputStream(out);
            entry(zip, SPEC, SpecText.write(spec).getBytes(StandardCharsets.UTF_8));
            entry(zip, PROVENANCE, provenanceText(provenance).getBytes(StandardCharsets.UTF_8));
            entry(zip, WEIGHTS, weights);
            zip.finish();
        });
    }

    /**
     * Reads a file written by {@link #write}.
     *
     * @param file the file to read
     * @return the spec, parameters and provenance read
     * @throws NullPointerException with the message {@code "file"} if {@code file} is null
     * @throws NoSuchFileException naming the file if there is none
     * @throws java.nio.file.FileSystemException naming the file if it is a directory
     * @throws IOException naming the file if it cannot be read or is not a gan4j generator file, and
     *     for a bad {@code provenance.properties} the key and its value or absence
     */
    public static Loaded read(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        // Reading a directory fails with the JDK's bare "Is a directory".
        if (Files.isDirectory(file)) {
            throw new NotARegularFileException(file, file + " is a directory, not a gan4j generator file; pass the"
                    + " file TrainedGan.save wrote");
        }
        Map<String, byte[]> entries = new HashMap<>();
        try (InputStream in = Files.newInputStream(file); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                entries.put(e.getName(), zip.readAllBytes());
            }
        } catch (NoSuchFileException e) {
            // Its message is the bare path; the type stays, so callers can tell a missing file apart.
            NoSuchFileException missing = new NoSuchFileException(file.toString(), null, "no such gan4j generator file");
            missing.initCause(e);
            throw missing;
        } catch (IOException e) {
            throw new IOException(file + " is not a readable gan4j generator file: " + AtomicFiles.describe(e), e);
        }
        for (String name : List.of(SPEC, PROVENANCE, WEIGHTS)) {
            if (!entries.containsKey(name)) {
                throw new IOException(file + " is not a gan4j generator file: it lacks " + name
                        + " (truncated, or written by something else)");
            }
        }
        GeneratorSpec spec;
        try {
            spec = SpecText.readGenerator(new String(entries.get(SPEC), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": bad spec: " + e.getMessage(), e);
        }
        Provenance provenance = parseProvenance(file, entries.get(PROVENANCE));
        return new Loaded(spec, provenance, TensorBlock.read(file, WEIGHTS, entries.get(WEIGHTS)));
    }

    private static void entry(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }

    private static String provenanceText(Provenance p) throws IOException {
        Properties props = new Properties();
        props.putAll(p.toProperties());
        StringWriter w = new StringWriter();
        props.store(w, "gan4j provenance");
        return w.toString();
    }

    /**
     * Reads the provenance of either format: {@link Provenance#fromProperties} for files with a {@code
     * provenance_version}, and the keys of gan4j 0.1.0 (version 1: {@code batchSize}, {@code
     * finishedAt}...) for files without one.
     */
    private static Provenance parseProvenance(Path file, byte[] bytes) throws IOException {
        try {
            // Properties.load throws IllegalArgumentException for a malformed unicode escape.
            Properties props = new Properties();
            props.load(new StringReader(new String(bytes, StandardCharsets.UTF_8)));
            Map<String, String> values = new HashMap<>();
            props.stringPropertyNames().forEach(k -> values.put(k, props.getProperty(k)));
            return values.containsKey("provenance_version") ? Provenance.fromProperties(values) : version1(values);
        } catch (RuntimeException e) {
            throw new IOException(file + ": bad " + PROVENANCE + ": " + e.getMessage(), e);
        }
    }

    /**
     * The provenance of a file of gan4j 0.1.0 (version 1), which recorded less: its keys renamed to
     * those of {@link Provenance#toProperties()}, and what it lacks as {@link Provenance} documents
     * unknown values.
     */
    private static Provenance version1(Map<String, String> old) {
        Map<String, String> p = new HashMap<>();
        p.put("provenance_version", Integer.toString(Provenance.PROPERTIES_VERSION));
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, String> keys : VERSION_1_KEYS) {
            String value = old.get(keys.getKey());
            if (value == null) {
                missing.add(keys.getKey());
            }
            p.put(keys.getValue(), value);
        }
        if (!missing.isEmpty()) {
            // Most likely a current file that lost its version line, rather than a damaged 0.1.0 one.
            throw new IllegalArgumentException("it has no provenance_version, and as a file of gan4j 0.1.0 (which"
                    + " wrote none) it lacks " + String.join(", ", missing));
        }
        p.put("steps_per_epoch", "0");
        p.put("discriminator_steps", "0");
        p.put("generator_ema", "NaN");
        p.put("data_fingerprint", "");
        p.put("jvm", "");
        p.put("os", "");
        p.put("run_id", "");
        return Provenance.fromProperties(p);
    }
}
