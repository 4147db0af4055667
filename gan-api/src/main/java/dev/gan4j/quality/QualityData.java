package dev.gan4j.quality;

import dev.gan4j.data.ImageDataset;
import dev.gan4j.data.InMemoryImageDataset;
import dev.gan4j.data.Mnist;
import dev.gan4j.spec.TensorShape;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Where a quality metric's labelled images come from: the classifier's training images and the
 * held-out images its accuracy and the real-data ceiling are measured on.
 */
abstract class QualityData {

    /** The name of the cache file written into an IDX directory. */
    static final String IDX_CACHE_FILE = "gan4j-classifier.bin";

    /** The images, loaded. */
    record Loaded(ImageDataset training, ImageDataset heldOut) {}

    /** Reads the images. */
    abstract Loaded load() throws IOException;

    /** Returns the cache file beside the data, or {@code null} when the data has no directory. */
    Path fileBesideData() {
        return null;
    }

    /** Returns the images' shape if it is known before loading them, else {@code null}. */
    abstract TensorShape knownShape();

    /** Returns what the data is, for messages. */
    abstract String describe();

    /** The 9,000 training and 1,000 test digits bundled with gan4j. */
    static QualityData bundledMnist() {
        return new QualityData() {
            @Override
            Loaded load() {
                return new Loaded(Mnist.bundledTrainingSet(), Mnist.bundledTestSet());
            }

            @Override
            TensorShape knownShape() {
                return TensorShape.of(1, 28, 28);
            }

            @Override
            String describe() {
                return "the bundled MNIST digits";
            }
        };
    }

    /**
     * MNIST IDX files in {@code dir}: the training set, and the t10k test set if it is there; without
     * it the last tenth of the training set is held out.
     */
    static QualityData idx(Path dir) {
        return new QualityData() {
            @Override
            Loaded load() throws IOException {
                InMemoryImageDataset training = Mnist.trainingSet(dir);
                try {
                    return new Loaded(training, Mnist.testSet(dir));
                } catch (FileNotFoundException noTestSet) {
                    int heldOut = training.size() / 10;
                    if (heldOut < 2) {
                        throw new IllegalArgumentException("MNIST directory " + dir + " has no t10k test files and"
                                + " only " + training.size() + " training images; holding out a tenth needs at least 20");
                    }
                    int kept = training.size() - heldOut;
                    return new Loaded(training.subset(0, kept), training.subset(kept, heldOut));
                }
            }

            @Override
            Path fileBesideData() {
                return dir.resolve(IDX_CACHE_FILE);
            }

            @Override
            TensorShape knownShape() {
                return null;
            }

            @Override
            String describe() {
                return "the MNIST files in " + dir;
            }
        };
    }

    /** Labelled images given directly. */
    static QualityData of(ImageDataset training, ImageDataset heldOut) {
        return new QualityData() {
            @Override
            Loaded load() {
                return new Loaded(training, heldOut);
            }

            @Override
            TensorShape knownShape() {
                return training.imageShape();
            }

            @Override
            String describe() {
                return training.size() + " training and " + heldOut.size() + " held-out images";
            }
        };
    }

}
