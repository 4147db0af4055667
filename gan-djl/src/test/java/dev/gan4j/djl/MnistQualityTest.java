package dev.gan4j.djl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gan4j.data.InMemoryImageDataset;
import dev.gan4j.data.Mnist;
import dev.gan4j.image.ImageBatch;
import dev.gan4j.quality.ClassifierSummary;
import dev.gan4j.quality.QualityMetric;
import dev.gan4j.quality.QualityReport;
import dev.gan4j.quality.SampleQuality;
import dev.gan4j.spec.GeneratorSpec;
import dev.gan4j.spec.TensorShape;
import dev.gan4j.train.Generator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MNIST quality metric with gan4j's real classifier, trained once for the class on the 9,000
 * bundled digits: its accuracy, and how real digits, noise and blank images score.
 */
@Slow
class MnistQualityTest {

    private static final TensorShape DIGIT = TensorShape.of(1, 28, 28);

    @TempDir
    static Path cache;

    private static QualityMetric metric;
    private static ClassifierSummary classifier;

    @BeforeAll
    static void trainTheClassifierOnce() {
        metric = QualityMetric.mnist().cacheDirectory(cache).build();
        classifier = metric.classifier();
        System.out.println(classifier.describe());
        System.out.println("ceiling: " + metric.ceiling().describe());
    }

    @Test
    void classifierReachesTheStatedAccuracyOnTheBundledTestDigits() {
        assertThat(classifier.fromCache()).isFalse();
        assertThat(classifier.recipe()).isEqualTo("mnist");
        assertThat(classifier.trainingImages()).isEqualTo(9000);
        assertThat(classifier.testImages()).isEqualTo(1000);
        // Seeds 1-3 of the recipe reach 98.8-99.3%; the default seed is 1.
        assertThat(classifier.testAccuracy()).isGreaterThanOrEqualTo(0.985);
        assertThat(classifier.cacheFile()).isNotNull();
        assertThat(classifier.cacheFile().getParent()).isEqualTo(cache);
        assertThat(Files.isRegularFile(classifier.cacheFile())).isTrue();
    }

    @Test
    void theCeilingIsThatOfClearlyRecognisableDigits() {
        SampleQuality ceiling = metric.ceiling();

        assertThat(ceiling.samples()).isEqualTo(1000);
        assertThat(ceiling.classifierScore()).isGreaterThan(9.0);
        assertThat(ceiling.recognizability()).isGreaterThan(0.95);
        assertThat(ceiling.classesCovered()).isEqualTo(10);
        // The bundled test set holds exactly 100 of each digit; a 99% classifier finds about that.
        assertThat(ceiling.smallestClassShare()).isGreaterThan(0.09);
    }

    @Test
    void realDigitsScoreAtTheCeiling() {
        InMemoryImageDataset digits = Mnist.bundledTrainingSet();
        Generator real = images(i -> digits.image(new SplittableRandom(i).nextInt(digits.size())));

        QualityReport report = metric.score(real);
        System.out.println("real training digits: " + report.generated().describe());

        SampleQuality q = report.generated();
        SampleQuality ceiling = report.real();
        assertThat(report.epoch()).isZero();
        assertThat(q.samples()).isEqualTo(1000);
        assertThat(q.classifierScore()).isGreaterThan(0.95 * ceiling.classifierScore());
        assertThat(q.recognizability()).isGreaterThan(ceiling.recognizability() - 0.03);
        assertThat(q.classesCovered()).isEqualTo(10);
        assertThat(q.frechetDistance()).isLessThan(2 * ceiling.frechetDistance());
    }

    @Test
    void ambiguousDigitsAreLessRecognisable() {
        // Two different digits overlaid: the kind of half-formed image a poor generator draws.
        InMemoryImageDataset digits = Mnist.bundledTrainingSet();
        Generator blends = images(i -> {
            SplittableRandom random = new SplittableRandom(i);
            int a = random.nextInt(digits.size());
            int b = random.nextInt(digits.size());
            while (digits.label(b) == digits.label(a)) {
                b = random.nextInt(digits.size());
            }
            float[] x = digits.image(a);
            float[] y = digits.image(b);
            for (int p = 0; p < x.length; p++) {
                x[p] = Math.max(x[p], y[p]);
            }
            return x;
        });

        SampleQuality q = metric.score(blends).generated();
        System.out.println("blends of two digits: " + q.describe());

        SampleQuality ceiling = metric.ceiling();
        assertThat(q.recognizability()).isLessThan(ceiling.recognizability() - 0.2);
        assertThat(q.classifierScore()).isLessThan(ceiling.classifierScore());
        assertThat(q.frechetDistance()).isGreaterThan(5 * ceiling.frechetDistance());
    }

    @Test
    void noiseAndBlankImagesScoreFarBelowTheCeiling() {
        Generator noise = images(i -> {
            SplittableRandom random = new SplittableRandom(i);
            float[] pixels = new float[784];
            for (int p = 0; p < pixels.length; p++) {
                pixels[p] = (float) random.nextDouble(-1, 1);
            }
            return pixels;
        });
        Generator blank = images(i -> {
            float[] pixels = new float[784];
            Arrays.fill(pixels, -1f);
            return pixels;
        });

        QualityReport noisy = metric.score(noise);
        QualityReport empty = metric.score(blank);
        System.out.println("noise: " + noisy.generated().describe());
        System.out.println("blank: " + empty.generated().describe());

        SampleQuality ceiling = metric.ceiling();
        for (SampleQuality bad : new SampleQuality[] {noisy.generated(), empty.generated()}) {
            assertThat(bad.classifierScore()).isLessThan(0.5 * ceiling.classifierScore());
            assertThat(bad.classesCovered()).isLessThanOrEqualTo(3);
            assertThat(bad.smallestClassShare()).isLessThan(0.01);
            assertThat(bad.frechetDistance()).isGreaterThan(20 * ceiling.frechetDistance());
        }
        // One image a thousand times: a single class, no spread at all.
        assertThat(empty.generated().classesCovered()).isEqualTo(1);
        assertThat(empty.generated().classifierScore()).isEqualTo(1.0, org.assertj.core.api.Assertions.within(1e-6));
    }

    @Test
    void aSecondMetricReadsTheCachedClassifier() {
        QualityMetric again = QualityMetric.mnist().cacheDirectory(cache).build();

        ClassifierSummary read = again.classifier();

        assertThat(read.fromCache()).isTrue();
        assertThat(read.cacheFile()).isEqualTo(classifier.cacheFile());
        assertThat(read.testAccuracy()).isEqualTo(classifier.testAccuracy());
        assertThat(read.trainingSeconds()).isEqualTo(classifier.trainingSeconds());
        assertThat(again.ceiling()).isEqualTo(metric.ceiling());
    }

    /** A stand-in generator that returns image {@code i} of a fixed sequence, whatever the latents. */
    private static Generator images(IntFunction<float[]> image) {
        GeneratorSpec spec = GeneratorSpec.dcgan().build();
        return new Generator() {
            @Override
            public GeneratorSpec spec() {
                return spec;
            }

            @Override
            public ImageBatch generate(int count, long seed) {
                float[] pixels = new float[count * 784];
                for (int i = 0; i < count; i++) {
                    System.arraycopy(image.apply(i), 0, pixels, i * 784, 784);
                }
                return ImageBatch.of(pixels, count, DIGIT);
            }

            @Override
            public ImageBatch generate(float[] latents) {
                return generate(latents.length / spec.latentDim(), 0);
            }
        };
    }
}
