package example;

import dev.gan4j.data.Mnist;
import dev.gan4j.spec.DiscriminatorSpec;
import dev.gan4j.spec.GeneratorSpec;
import dev.gan4j.train.GanTrainer;
import dev.gan4j.train.LabelSmoothing;
import dev.gan4j.train.TrainedGan;
import java.io.IOException;
import java.nio.file.Path;

/**
 * README's example, as a user's project compiles and runs it. Between the markers the lines are
 * README's, in order (verify.groovy compares them), except a line ending in "// added:", which README
 * does not have, and one ending in "// README:" followed by README's line, which it replaces: two
 * generator steps per epoch instead of full passes, so the run takes seconds, and the bundled digits
 * instead of a directory.
 */
public final class ReadmeExample {
    private ReadmeExample() {}

    public static void main(String[] args) throws IOException {
        // README:begin
        TrainedGan gan = GanTrainer.builder()
            .generator(GeneratorSpec.dcgan().latentDim(100).outputShape(1, 28, 28).build())
            .discriminator(DiscriminatorSpec.dcgan().dropout(0.3).build())
            .labelSmoothing(LabelSmoothing.twoSided(0.9f, 0.1f))
            .epochs(5).batchSize(64).seed(42)
            .stepsPerEpoch(2) // added:
            .build()
            .train(Mnist.bundledTrainingSet()); // README: .train(Mnist.trainingSet(dir));          // or Mnist.bundledTrainingSet()
        gan.generate(64, 7).writeGridPng(Path.of("samples.png"), 8);
        gan.save(Path.of("generator.gan4j"));
        gan.exportOnnx(Path.of("generator.onnx"));  // runs anywhere with onnxruntime alone
        // README:end
    }
}
