package dev.gan4j.quality;

import dev.gan4j.data.ImageDataset;
import dev.gan4j.internal.io.AtomicFiles;
import dev.gan4j.spec.ClassifierSpec;
import dev.gan4j.spec.TensorShape;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

/**
 * Trained classifiers on disk, so that a classifier is trained once per data set. An entry is keyed
 * by a SHA-256 hash of everything that decides the trained weights: the engine, the classifier's
 * spec and training recipe, and every pixel and label of the training images. A changed data set or
 * spec has another key, and the classifier is trained again.
 *
 * <p>File layout (big-endian): magic {@code G4JQ}, version, the key, the training time and image
 * count, the engine's weights, the reference feature statistics (mean and covariance of the
 * training images' features), then a CRC-32 of everything before it, so that a truncated or damaged
 * file is noticed and replaced rather than trusted. Files are written atomically.
 */
final class ClassifierCache {

    private static final int MAGIC = 0x47344a51; // "G4JQ"
    // 2: the DJL engine encodes the weights as a TensorBlock.
    private static final int VERSION = 2;

    private ClassifierCache() {}

    /**
     * A trained classifier with what was measured when it was trained.
     *
     * @param key the hash it is filed under
     * @param weights the engine's encoding of the weights
     * @param reference the statistics of the training images' features
     * @param trainingImages the number of training images
     * @param trainingSeconds how long training took
     */
    record Entry(String key, byte[] weights, FeatureStatistics reference, int trainingImages, double trainingSeconds) {}

    /** Returns the hex SHA-256 key of a classifier trained by {@code engine} on {@code data}. */
    static String key(String engine, ClassifierSpec spec, ClassifierTraining training, ImageDataset data) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256, which every Java platform must have", e);
        }
        TensorShape shape = data.imageShape();
        String header = "gan4j-classifier-cache " + VERSION + "\nengine " + engine + "\n" + spec.text()
                + "training " + training.describe() + "\nimages " + data.size() + " of " + shape
                + "\nlabelled " + data.hasLabels() + "\n";
        sha.update(header.getBytes(StandardCharsets.UTF_8));
        int imageSize = Math.toIntExact(shape.size());
        int chunk = Math.max(1, (1 << 20) / imageSize);
        FloatBuffer floats = FloatBuffer.allocate(chunk * imageSize);
        ByteBuffer bytes = ByteBuffer.allocate(chunk * imageSize * Float.BYTES);
        for (int from = 0; from < data.size(); from += chunk) {
            int count = Math.min(chunk, data.size() - from);
            floats.clear();
            data.copyImages(from, count, floats);
            floats.flip();
            bytes.clear();
            bytes.asFloatBuffer().put(floats);
            bytes.limit(count * imageSize * Float.BYTES);
            sha.update(bytes);
        }
        if (data.hasLabels()) {
            ByteBuffer labels = ByteBuffer.allocate(data.size() * Integer.BYTES);
            for (int i = 0; i < data.size(); i++) {
                labels.putInt(data.label(i));
            }
            sha.update(labels.array());
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** Returns the file for {@code key} in a shared cache directory. */
    static Path fileIn(Path directory, String key) {
        return directory.resolve("classifier-" + key.substring(0, 16) + ".bin");
    }

    /**
     * Reads the entry in {@code file} if it is there, whole and filed under {@code key}.
     *
     * @return the entry, or {@code null} if the file is missing, damaged, of another format or key
     */
    static Entry read(Path file, String key) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        CRC32 crc = new CRC32();
        try (InputStream raw = Files.newInputStream(file);
                CheckedInputStream checked = new CheckedInputStream(new BufferedInputStream(raw, 1 << 16), crc)) {
            DataInputStream in = new DataInputStream(checked);
            if (in.readInt() != MAGIC || in.readInt() != VERSION || !in.readUTF().equals(key)) {
                return null;
            }
            int trainingImages = in.readInt();
            double trainingSeconds = in.readDouble();
            int weightBytes = in.readInt();
            if (weightBytes < 0 || weightBytes > Files.size(file)) {
                return null;
            }
            byte[] weights = in.readNBytes(weightBytes);
            int count = in.readInt();
            int dim = in.readInt();
            if (count < 2 || dim < 1 || (long) dim * dim * Double.BYTES > Files.size(file)) {
                return null;
            }
            double[] mean = new double[dim];
            for (int i = 0; i < dim; i++) {
                mean[i] = in.readDouble();
            }
            double[][] cov = new double[dim][dim];
            for (int i = 0; i < dim; i++) {
                for (int j = i; j < dim; j++) {
                    cov[i][j] = in.readDouble();
                    cov[j][i] = cov[i][j];
                }
            }
            long expected = crc.getValue();
            long stored = in.readLong();
            if (weights.length != weightBytes || stored != expected || in.read() != -1) {
                return null;
            }
            return new Entry(key, weights, new FeatureStatistics(count, mean, cov), trainingImages, trainingSeconds);
        } catch (IOException e) {
            // Truncated, unreadable or not ours: the caller trains anew and replaces it.
            return null;
        }
    }

    /**
     * Writes {@code entry} to {@code file} atomically, creating its directory.
     *
     * @throws IOException if it cannot be written
     */
    static void write(Path file, Entry entry) throws IOException {
        AtomicFiles.write(file, stream -> {
            CRC32 crc = new CRC32();
            DataOutputStream out = new DataOutputStream(new CheckedOutputStream(stream, crc));
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeUTF(entry.key());
            out.writeInt(entry.trainingImages());
            out.writeDouble(entry.trainingSeconds());
            out.writeInt(entry.weights().length);
            out.write(entry.weights());
            FeatureStatistics reference = entry.reference();
            int dim = reference.dim();
            out.writeInt(reference.count());
            out.writeInt(dim);
            for (double m : reference.mean()) {
                out.writeDouble(m);
            }
            for (int i = 0; i < dim; i++) {
                for (int j = i; j < dim; j++) {
                    out.writeDouble(reference.covariance()[i][j]);
                }
            }
            out.flush();
            new DataOutputStream(stream).writeLong(crc.getValue());
        });
    }
}
