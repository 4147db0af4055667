package dev.gan4j.cli;

import ai.onnxruntime.OrtException;
import dev.gan4j.examples.onnx.GenerateWithOnnxRuntime;
import dev.gan4j.examples.onnx.OnnxGenerator;
import dev.gan4j.export.OnnxExportOptions;
import dev.gan4j.image.ImageBatch;
import dev.gan4j.spec.TensorShape;
import dev.gan4j.train.TrainedGan;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import javax.imageio.ImageIO;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code gan4j generate MODEL}: draws images from a saved generator ({@code .gan4j}, through the engine)
 * or an ONNX export ({@code .onnx}, through onnxruntime alone), from the latents of {@code --seed}
 * (the same latents for both, so a model and its export draw the same images); writes a PNG grid, or
 * with {@code --individual} one PNG per image. A class-conditional model draws balanced classes (image
 * {@code i} of class {@code i % classes}) or, with {@code --label K}, class K only.
 */
@Command(name = "generate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Draws images from a saved generator (.gan4j) or its ONNX export (.onnx) into a PNG grid,"
                + " or one PNG per image."},
        footer = {"", "Example: gan4j generate gan4j-out/generator.onnx --count 100 --columns 10 --seed 7 --out digits.png"})
public final class GenerateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL", description = "A .gan4j generator or a .onnx export.")
    Path model;

    @Option(names = "--count", paramLabel = "N", defaultValue = "64", converter = Converters.Positive.class,
            description = "Images to draw. Default: ${DEFAULT-VALUE}.")
    int count;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "7",
            description = "The seed of the latent vectors. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--columns", paramLabel = "N", defaultValue = "8", converter = Converters.Positive.class,
            description = "The grid's columns. Default: ${DEFAULT-VALUE}.")
    int columns;

    @Option(names = "--label", paramLabel = "K", defaultValue = "balanced",
            description = "From a class-conditional model: balanced (image i of class i % classes) or one class K."
                    + " Default: ${DEFAULT-VALUE}.")
    String label;

    @Option(names = "--individual",
            description = "Write one PNG per image (image-0000.png, ...) into the directory --out instead of a grid.")
    boolean individual;

    @Option(names = "--out", paramLabel = "PATH", defaultValue = "generated.png",
            description = "The grid's PNG file, or with --individual the directory. Default: ${DEFAULT-VALUE}.")
    Path out;

    @Override
    public Integer call() throws IOException, OrtException {
        PrintWriter printer = spec.commandLine().getOut();
        ImageBatch images = isOnnx(model) ? fromOnnx() : fromGan4j();
        if (individual) {
            Files.createDirectories(out);
            int h = images.imageShape().dim(1);
            int w = images.imageShape().dim(2);
            for (int i = 0; i < images.count(); i++) {
                // The grid of one image, without its border: the pixel mapping is ImageBatch's.
                BufferedImage grid = ImageBatch.of(images.image(i), 1, images.imageShape()).toGrid(1);
                Path file = out.resolve(String.format(Locale.ROOT, "image-%04d.png", i));
                if (!ImageIO.write(grid.getSubimage(2, 2, w, h), "png", file.toFile())) {
                    throw new IOException("no PNG writer in this JDK");
                }
            }
            printer.printf(Locale.ROOT, "wrote %d images of %s to %s%n", images.count(), images.imageShape(),
                    out.toAbsolutePath());
        } else {
            images.writeGridPng(out, columns);
            printer.printf(Locale.ROOT, "wrote a grid of %d images of %s to %s%n", images.count(),
                    images.imageShape(), out.toAbsolutePath());
        }
        printer.flush();
        return Gan4jCommand.OK;
    }

    /** Whether {@code file} is read as an ONNX model: its name ends in {@code .onnx}. */
    static boolean isOnnx(Path file) {
        return file.getFileName() != null && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".onnx");
    }

    private ImageBatch fromGan4j() throws IOException {
        try (TrainedGan gan = TrainedGan.load(model)) {
            if (label.equals("balanced")) {
                return gan.generate(count, seed);
            }
            int classes = gan.spec().classes();
            if (classes == 0) {
                throw new IllegalArgumentException("--label " + label + " needs a class-conditional generator; "
                        + model + " is unconditional");
            }
            int[] labels = new int[count];
            java.util.Arrays.fill(labels, classLabel(classes));
            return gan.generate(labels, seed);
        }
    }

    /** The class of {@code --label}, checked against the model's {@code classes}. */
    private int classLabel(int classes) {
        try {
            int k = Integer.parseInt(label);
            if (k >= 0 && k < classes) {
                return k;
            }
        } catch (NumberFormatException e) {
            // named below
        }
        throw new IllegalArgumentException("--label must be balanced or a class in [0, " + classes + "), got " + label);
    }

    private ImageBatch fromOnnx() throws OrtException {
        try (OnnxGenerator generator = OnnxGenerator.open(model)) {
            float[] pixels = GenerateWithOnnxRuntime.generateAll(generator, count, seed,
                    GenerateWithOnnxRuntime.labels(generator, label, count));
            if (generator.outputRange().equals(OnnxExportOptions.OutputRange.UNIT.interval())) {
                // ImageBatch maps [-1, 1] to bytes; a [0, 1] export goes back to the trained range.
                for (int i = 0; i < pixels.length; i++) {
                    pixels[i] = pixels[i] * 2 - 1;
                }
            }
            return ImageBatch.of(pixels, count, TensorShape.of(generator.imageShape()));
        }
    }
}
