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
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    private GeneratorFile() {}

    /**
     * A generator read back.
     *
     * @param spec its spec
     * @param provenance where it came from
     * @param parameters its parameters, in the spec's order
     */
    public record Loaded(GeneratorSpec spec, Provenance provenance, List<HostTensor> parameters) {}

    /** Writes the file atomically: a crash leaves either the old file or the new one. */
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
     * @throws IOException naming the file if it cannot be read or is not a gan4j generator file
     */
    public static Loaded read(Path file) throws IOException {
        Map<String, byte[]> entries = new HashMap<>();
        try (InputStream in = Files.newInputStream(file); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                entries.put(e.getName(), zip.readAllBytes());
            }
        } catch (IOException e) {
            throw new IOException(file + " is not a readable gan4j generator file: " + e.getMessage(), e);
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
        Provenance provenance = parseProvenance(entries.get(PROVENANCE));
        return new Loaded(spec, provenance, TensorBlock.read(file, WEIGHTS, entries.get(WEIGHTS)));
    }

    private static void entry(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }

    private static String provenanceText(Provenance p) throws IOException {
        Properties props = new Properties();
        props.setProperty("recipe", p.recipe());
        props.setProperty("seed", Long.toString(p.seed()));
        props.setProperty("steps", Long.toString(p.steps()));
        props.setProperty("epochs", Integer.toString(p.epochs()));
        props.setProperty("batchSize", Integer.toString(p.batchSize()));
        props.setProperty("loss", p.loss());
        props.setProperty("labelSmoothing", p.labelSmoothing());
        props.setProperty("generatorOptimizer", p.generatorOptimizer());
        props.setProperty("discriminatorOptimizer", p.discriminatorOptimizer());
        props.setProperty("datasetSize", Integer.toString(p.datasetSize()));
        props.setProperty("engine", p.engine());
        props.setProperty("device", p.device());
        props.setProperty("gan4jVersion", p.gan4jVersion());
        props.setProperty("finishedAt", p.finishedAt().toString());
        StringWriter w = new StringWriter();
        props.store(w, "gan4j provenance");
        return w.toString();
    }

    private static Provenance parseProvenance(byte[] bytes) throws IOException {
        Properties props = new Properties();
        props.load(new StringReader(new String(bytes, StandardCharsets.UTF_8)));
        try {
            return new Provenance(
                    props.getProperty("recipe"),
                    Long.parseLong(props.getProperty("seed")),
                    Long.parseLong(props.getProperty("steps")),
                    Integer.parseInt(props.getProperty("epochs")),
                    Integer.parseInt(props.getProperty("batchSize")),
                    props.getProperty("loss"),
                    props.getProperty("labelSmoothing"),
                    props.getProperty("generatorOptimizer"),
                    props.getProperty("discriminatorOptimizer"),
                    Integer.parseInt(props.getProperty("datasetSize")),
                    props.getProperty("engine"),
                    props.getProperty("device"),
                    props.getProperty("gan4jVersion"),
                    Instant.parse(props.getProperty("finishedAt")));
        } catch (RuntimeException e) {
            throw new IOException("bad provenance.properties: " + e.getMessage(), e);
        }
    }
}
