package dev.gan4j.internal.checkpoint;

import dev.gan4j.internal.io.AtomicFiles;
import dev.gan4j.internal.io.TensorBlock;
import dev.gan4j.spec.DiscriminatorSpec;
import dev.gan4j.spec.GeneratorSpec;
import dev.gan4j.spec.SpecText;
import dev.gan4j.spi.HostTensor;
import dev.gan4j.spi.OptimizerState;
import dev.gan4j.train.CorruptCheckpointException;
import dev.gan4j.train.GanConfig;
import dev.gan4j.train.GanTrainer;
import dev.gan4j.train.Provenance;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * One checkpoint file: a zip of uncompressed entries (floats barely compress) holding the run's
 * settings and counters ({@code checkpoint.properties}), both specs ({@link SpecText}), the networks'
 * parameters, both optimisers' moments and the generator's average ({@link TensorBlock}s), and last
 * {@code manifest.properties}, the size and SHA-256 of every other entry. A file cut short loses the
 * zip's end record; a damaged byte fails a checksum: either way reading names the file and the fault.
 */
public final class CheckpointFile {

    public static final String MANIFEST = "manifest.properties";
    public static final String PROPERTIES = "checkpoint.properties";
    public static final String GENERATOR_SPEC = "generator.spec.txt";
    public static final String DISCRIMINATOR_SPEC = "discriminator.spec.txt";
    public static final String GENERATOR_WEIGHTS = "generator.weights.bin";
    public static final String DISCRIMINATOR_WEIGHTS = "discriminator.weights.bin";
    public static final String GENERATOR_ADAM = "generator.adam.bin";
    public static final String DISCRIMINATOR_ADAM = "discriminator.adam.bin";
    public static final String GENERATOR_AVERAGE = "generator.average.bin";

    /** The prefix of the {@link Provenance} keys in {@code checkpoint.properties}. */
    public static final String PROVENANCE_PREFIX = "provenance.";

    private static final String RUN_ID = "run_id";
    private static final String FORMAT = "gan4j-checkpoint";
    private static final int VERSION = 1;

    private CheckpointFile() {}

    /**
     * A checkpoint read back and checked.
     *
     * @param file where it was read from
     * @param generator the generator's spec
     * @param discriminator the discriminator's spec
     * @param settings the run's other settings
     * @param state the counters, parameters and optimiser state
     */
    public record Contents(Path file, GeneratorSpec generator, DiscriminatorSpec discriminator, Properties settings,
            CheckpointState state) {

        /** Returns the id of the run that wrote it, or {@code ""} for a checkpoint of gan4j 0.1.0. */
        public String runId() {
            return settings.getProperty(PROVENANCE_PREFIX + RUN_ID, "");
        }

        /** Returns a new builder holding the run's settings, checkpoints going where this file is. */
        public GanTrainer.Builder builder() {
            return CheckpointSettings.read(settings, generator, discriminator).checkpointDir(file.toAbsolutePath().getParent());
        }
    }

    /**
     * Writes a checkpoint atomically: a crash or kill leaves the previous file (or none) in place, and
     * at worst a temporary file beside it.
     */
    public static void write(Path file, GanConfig config, CheckpointState state, Provenance provenance)
            throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put(PROPERTIES, properties(config, state, provenance));
        entries.put(GENERATOR_SPEC, SpecText.write(config.generator()).getBytes(StandardCharsets.UTF_8));
        entries.put(DISCRIMINATOR_SPEC, SpecText.write(config.discriminator()).getBytes(StandardCharsets.UTF_8));
        entries.put(GENERATOR_WEIGHTS, TensorBlock.write(state.generator()));
        entries.put(DISCRIMINATOR_WEIGHTS, TensorBlock.write(state.discriminator()));
        entries.put(GENERATOR_ADAM, adamBlock(state.generatorAdam()));
        entries.put(DISCRIMINATOR_ADAM, adamBlock(state.discriminatorAdam()));
        if (!state.average().isEmpty()) {
            entries.put(GENERATOR_AVERAGE, TensorBlock.write(state.average()));
        }
        byte[] manifest = manifest(entries);
        AtomicFiles.write(file, out -> {
            ZipOutputStream zip = new ZipOutputStream(out);
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                stored(zip, e.getKey(), e.getValue());
            }
            stored(zip, MANIFEST, manifest);
            zip.finish();
        });
    }

    /**
     * Reads a checkpoint, checking every entry against the manifest first.
     *
     * @throws CorruptCheckpointException naming the file and the fault if it is truncated or damaged
     * @throws IOException if it cannot be read, or was written by an incompatible gan4j
     */
    public static Contents read(Path file) throws IOException {
        Map<String, byte[]> entries = verifiedEntries(file);
        try {
            Properties props = load(entries.get(PROPERTIES));
            GeneratorSpec generator = SpecText.readGenerator(text(entries.get(GENERATOR_SPEC)));
            DiscriminatorSpec discriminator = SpecText.readDiscriminator(text(entries.get(DISCRIMINATOR_SPEC)));
            CheckpointState state = state(file, entries, props);
            Contents contents = new Contents(file, generator, discriminator, props, state);
            contents.builder().config();
            return contents;
        } catch (IllegalArgumentException | IllegalStateException | IOException e) {
            if (e instanceof CorruptCheckpointException) {
                throw (CorruptCheckpointException) e;
            }
            // The checksums matched, so the writer itself wrote this: say so rather than blame the disk.
            throw corrupt(file, "is corrupt: its checksums match but it cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * Returns the id of the run that wrote {@code file}, reading only its settings, or {@code ""} for a
     * checkpoint of gan4j 0.1.0, which had none; empty if the file cannot be read as a checkpoint.
     */
    public static Optional<String> runOf(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry entry = zip.getEntry(PROPERTIES);
            if (entry == null) {
                return Optional.empty();
            }
            try (InputStream in = zip.getInputStream(entry)) {
                return Optional.of(load(in.readAllBytes()).getProperty(PROVENANCE_PREFIX + RUN_ID, ""));
            }
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Reads every entry and checks each against the manifest's size and SHA-256. */
    private static Map<String, byte[]> verifiedEntries(Path file) throws IOException {
        if (Files.size(file) == 0) {
            throw corrupt(file, "is truncated: it is empty", null);
        }
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile());
        } catch (ZipException e) {
            throw corrupt(file, "is truncated or not a checkpoint: its zip directory, written last, is missing", e);
        }
        try (zip) {
            byte[] manifestBytes = entry(file, zip, MANIFEST);
            Properties manifest = load(manifestBytes);
            if (!FORMAT.equals(manifest.getProperty("format"))) {
                throw corrupt(file, "is corrupt: its manifest does not name the format " + FORMAT, null);
            }
            String version = manifest.getProperty("version");
            if (!Integer.toString(VERSION).equals(version)) {
                throw new IOException("checkpoint " + file + " has format version " + version
                        + "; this gan4j reads version " + VERSION);
            }
            String listed = manifest.getProperty("entries");
            if (listed == null || listed.isEmpty()) {
                throw corrupt(file, "is corrupt: its manifest lists no entries", null);
            }
            List<String> names = Arrays.asList(listed.split(","));
            Map<String, byte[]> entries = new LinkedHashMap<>();
            for (String name : names) {
                byte[] bytes = entry(file, zip, name);
                long size = Long.parseLong(manifest.getProperty(name + ".size", "-1"));
                if (bytes.length != size) {
                    throw corrupt(file, "is corrupt: " + name + " holds " + bytes.length + " bytes, its manifest says "
                            + size, null);
                }
                if (!sha256(bytes).equals(manifest.getProperty(name + ".sha256"))) {
                    throw corrupt(file, "is corrupt: " + name + " fails its SHA-256 check", null);
                }
                entries.put(name, bytes);
            }
            Set<String> unlisted = new TreeSet<>();
            zip.stream().map(ZipEntry::getName).filter(n -> !n.equals(MANIFEST) && !entries.containsKey(n))
                    .forEach(unlisted::add);
            if (!unlisted.isEmpty()) {
                throw corrupt(file, "is corrupt: it holds " + String.join(", ", unlisted) + ", which its manifest does not list",
                        null);
            }
            for (String required : List.of(PROPERTIES, GENERATOR_SPEC, DISCRIMINATOR_SPEC, GENERATOR_WEIGHTS,
                    DISCRIMINATOR_WEIGHTS, GENERATOR_ADAM, DISCRIMINATOR_ADAM)) {
                if (!entries.containsKey(required)) {
                    throw corrupt(file, "is corrupt: its manifest does not list " + required, null);
                }
            }
            return entries;
        } catch (NumberFormatException e) {
            throw corrupt(file, "is corrupt: its manifest has a size that is not a number", e);
        }
    }

    private static byte[] entry(Path file, ZipFile zip, String name) throws IOException {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            throw corrupt(file, "is corrupt: it lacks " + name, null);
        }
        try (InputStream in = zip.getInputStream(entry)) {
            return in.readAllBytes();
        } catch (ZipException e) {
            throw corrupt(file, "is corrupt: " + name + " cannot be read (" + e.getMessage() + ")", e);
        }
    }

    private static CheckpointState state(Path file, Map<String, byte[]> entries, Properties props) throws IOException {
        CheckpointState.Progress progress = new CheckpointState.Progress(
                CheckpointSettings.intValue(props, "epoch"),
                CheckpointSettings.intValue(props, "stepInEpoch"),
                CheckpointSettings.longValue(props, "globalStep"),
                CheckpointSettings.intValue(props, "stepsPerEpochUsed"));
        CheckpointState.DataPosition data = new CheckpointState.DataPosition(
                CheckpointSettings.intValue(props, "data.size"),
                CheckpointSettings.longValue(props, "data.fingerprint"),
                CheckpointSettings.longValue(props, "data.pass"),
                CheckpointSettings.intValue(props, "data.position"));
        List<HostTensor> average = entries.containsKey(GENERATOR_AVERAGE)
                ? TensorBlock.read(file, GENERATOR_AVERAGE, entries.get(GENERATOR_AVERAGE))
                : List.of();
        return new CheckpointState(
                progress,
                data,
                TensorBlock.read(file, GENERATOR_WEIGHTS, entries.get(GENERATOR_WEIGHTS)),
                TensorBlock.read(file, DISCRIMINATOR_WEIGHTS, entries.get(DISCRIMINATOR_WEIGHTS)),
                adamState(file, GENERATOR_ADAM, entries.get(GENERATOR_ADAM), steps(props, "generator.adam.steps")),
                adamState(file, DISCRIMINATOR_ADAM, entries.get(DISCRIMINATOR_ADAM), steps(props, "discriminator.adam.steps")),
                average,
                CheckpointSettings.longValue(props, "average.updates"),
                // Absent before adaptive augmentation existed: none.
                optional(props, "augmentation.state.probability"),
                optional(props, "augmentation.state.heuristicSum"));
    }

    private static double optional(Properties props, String key) {
        return props.containsKey(key) ? CheckpointSettings.doubleValue(props, key) : 0;
    }

    private static byte[] properties(GanConfig config, CheckpointState state, Provenance provenance)
            throws IOException {
        Properties props = new Properties();
        CheckpointSettings.write(config, props);
        CheckpointState.Progress p = state.progress();
        props.setProperty("epoch", Integer.toString(p.epoch()));
        props.setProperty("stepInEpoch", Integer.toString(p.stepInEpoch()));
        props.setProperty("globalStep", Long.toString(p.globalStep()));
        props.setProperty("stepsPerEpochUsed", Integer.toString(p.stepsPerEpoch()));
        CheckpointState.DataPosition d = state.data();
        props.setProperty("data.size", Integer.toString(d.size()));
        props.setProperty("data.fingerprint", Long.toString(d.fingerprint()));
        props.setProperty("data.pass", Long.toString(d.pass()));
        props.setProperty("data.position", Integer.toString(d.position()));
        props.setProperty("generator.adam.steps", join(state.generatorAdam().steps()));
        props.setProperty("discriminator.adam.steps", join(state.discriminatorAdam().steps()));
        props.setProperty("average.updates", Long.toString(state.averageUpdates()));
        props.setProperty("augmentation.state.probability", Double.toString(state.augmentationProbability()));
        props.setProperty("augmentation.state.heuristicSum", Double.toString(state.augmentationHeuristicSum()));
        // Who wrote it, where and when, as of its step; for audits: resuming reads the settings above.
        provenance.toProperties().forEach((key, value) -> props.setProperty(PROVENANCE_PREFIX + key, value));
        StringWriter w = new StringWriter();
        props.store(w, "gan4j checkpoint");
        return w.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Means named {@code m:NAME}, then variances named {@code v:NAME}. */
    private static byte[] adamBlock(OptimizerState state) {
        List<HostTensor> tensors = new ArrayList<>();
        for (HostTensor m : state.means()) {
            tensors.add(new HostTensor("m:" + m.name(), true, m.shape(), m.values()));
        }
        for (HostTensor v : state.variances()) {
            tensors.add(new HostTensor("v:" + v.name(), true, v.shape(), v.values()));
        }
        return TensorBlock.write(tensors);
    }

    private static OptimizerState adamState(Path file, String entry, byte[] bytes, long[] steps) throws IOException {
        List<HostTensor> tensors = TensorBlock.read(file, entry, bytes);
        int n = tensors.size() / 2;
        if (tensors.size() != 2 * n || steps.length != n) {
            throw new IllegalArgumentException(entry + " holds " + tensors.size() + " moments for " + steps.length
                    + " step counts");
        }
        List<HostTensor> means = new ArrayList<>(n);
        List<HostTensor> variances = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            means.add(unprefixed(tensors.get(i), "m:", entry));
            variances.add(unprefixed(tensors.get(n + i), "v:", entry));
        }
        return new OptimizerState(means, variances, steps);
    }

    private static HostTensor unprefixed(HostTensor t, String prefix, String entry) {
        if (!t.name().startsWith(prefix)) {
            throw new IllegalArgumentException(entry + " holds " + t.name() + " where a name starting " + prefix + " belongs");
        }
        return new HostTensor(t.name().substring(prefix.length()), t.trainable(), t.shape(), t.values());
    }

    private static byte[] manifest(Map<String, byte[]> entries) throws IOException {
        Properties props = new Properties();
        props.setProperty("format", FORMAT);
        props.setProperty("version", Integer.toString(VERSION));
        props.setProperty("entries", String.join(",", entries.keySet()));
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            props.setProperty(e.getKey() + ".size", Integer.toString(e.getValue().length));
            props.setProperty(e.getKey() + ".sha256", sha256(e.getValue()));
        }
        StringWriter w = new StringWriter();
        props.store(w, "gan4j checkpoint manifest: size and SHA-256 of every other entry");
        return w.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** An uncompressed entry: its size and CRC must be known before it is written. */
    private static void stored(ZipOutputStream zip, String name, byte[] content) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(content.length);
        entry.setCompressedSize(content.length);
        CRC32 crc = new CRC32();
        crc.update(content);
        entry.setCrc(crc.getValue());
        zip.putNextEntry(entry);
        zip.write(content);
        zip.closeEntry();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static String join(long[] values) {
        return Arrays.stream(values).mapToObj(Long::toString).collect(Collectors.joining(","));
    }

    private static long[] steps(Properties props, String key) {
        String text = CheckpointSettings.value(props, key);
        if (text.isEmpty()) {
            return new long[0];
        }
        try {
            return Arrays.stream(text.split(",")).mapToLong(Long::parseLong).toArray();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("setting " + key + " is not a list of whole numbers: " + text, e);
        }
    }

    private static Properties load(byte[] bytes) throws IOException {
        Properties props = new Properties();
        props.load(new StringReader(text(bytes)));
        return props;
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static CorruptCheckpointException corrupt(Path file, String what, Exception cause) {
        CorruptCheckpointException e = new CorruptCheckpointException("checkpoint " + file + " " + what, file, null);
        if (cause != null) {
            e.initCause(cause);
        }
        return e;
    }
}
