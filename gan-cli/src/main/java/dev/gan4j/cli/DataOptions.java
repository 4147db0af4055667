package dev.gan4j.cli;

import dev.gan4j.data.ImageDataset;
import dev.gan4j.data.InMemoryImageDataset;
import dev.gan4j.data.Mnist;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The training images: the bundled MNIST digits, or the IDX files of a directory; optionally the first N. */
final class DataOptions {

    /** The IDX directory, or {@code null} for the 9,000 digits bundled with gan4j. */
    @Option(names = "--data", paramLabel = "DIR",
            description = "Train on the MNIST IDX files in DIR (the full 60,000). Default: the 9,000 digits"
                    + " bundled with gan4j.")
    Path data;

    /** The images to train on from the start of the set, or {@code null} for all. */
    @Option(names = "--images", paramLabel = "N", converter = Converters.Positive.class,
            description = "Train on the first N images only (small data). Default: all.")
    Integer images;

    /** Reads the images. */
    ImageDataset read() throws IOException {
        InMemoryImageDataset all = data == null ? Mnist.bundledTrainingSet() : Mnist.trainingSet(data);
        return images == null ? all : all.subset(0, Math.min(images, all.size()));
    }
}
