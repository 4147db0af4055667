package dev.gan4j.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gan4j.data.InMemoryImageDataset;
import dev.gan4j.spec.ClassifierSpec;
import dev.gan4j.spec.TensorShape;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QualityMetricBuilderTest {

    @TempDir
    Path dir;

    @Test
    void hasTheDocumentedDefaults() {
        QualityMetric metric = QualityMetric.mnist().build();

        assertThat(metric.every()).isEqualTo(5);
        assertThat(metric.samples()).isEqualTo(1000);
        assertThat(metric.seed()).isEqualTo(1);
        assertThat(metric.confidence()).isEqualTo(0.9);
        assertThat(metric.coverageFraction()).isEqualTo(0.5);
        assertThat(metric.classifierSpec()).isEqualTo(ClassifierSpec.mnist());
        assertThat(metric.classifierTraining()).isEqualTo(ClassifierTraining.mnist());
        assertThat(metric.cacheDirectory()).isEqualTo(QualityMetric.defaultCacheDirectory());
        assertThat(metric.cacheDirectory().getFileName().toString()).isEqualTo("gan4j");
    }

    @Test
    void keepsEverySetting() {
        ClassifierSpec spec = ClassifierSpec.builder().flatten().dense(10).build();
        ClassifierTraining training = new ClassifierTraining(1, 8, ClassifierTraining.mnist().optimizer(), 0, 3);

        QualityMetric metric = QualityMetric.mnist().every(2).samples(500).seed(9).confidence(0.5)
                .coverageFraction(0.1).cacheDirectory(dir).classifier(spec, training).build();

        assertThat(metric.every()).isEqualTo(2);
        assertThat(metric.samples()).isEqualTo(500);
        assertThat(metric.seed()).isEqualTo(9);
        assertThat(metric.confidence()).isEqualTo(0.5);
        assertThat(metric.coverageFraction()).isEqualTo(0.1);
        assertThat(metric.cacheDirectory()).isEqualTo(dir);
        assertThat(metric.classifierSpec()).isSameAs(spec);
        assertThat(metric.classifierTraining()).isSameAs(training);
    }

    @Test
    void rejectsImpossibleValues() {
        QualityMetric.Builder b = QualityMetric.mnist();

        assertThatThrownBy(() -> b.every(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("every must be >= 1 epoch, got 0");
        assertThatThrownBy(() -> b.samples(1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("samples must be in [2, 1000000], got 1");
        assertThatThrownBy(() -> b.confidence(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("confidence must be in (0, 1], got 0.0");
        assertThatThrownBy(() -> b.confidence(Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("confidence must be in (0, 1], got NaN");
        assertThatThrownBy(() -> b.coverageFraction(1.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("coverageFraction must be in [0, 1], got 1.5");
        assertThatThrownBy(() -> b.cacheDirectory(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cacheDirectory must not be null");
        assertThatThrownBy(() -> b.classifier(null, ClassifierTraining.mnist()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("classifier spec must not be null");
    }

    @Test
    void rejectsAMissingIdxDirectory() {
        Path missing = dir.resolve("nothing");

        assertThatThrownBy(() -> QualityMetric.mnist(missing))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("MNIST directory " + missing + " does not exist");
    }

    @Test
    void rejectsUnlabelledOrMismatchedDataSets() {
        InMemoryImageDataset labelled = InMemoryImageDataset.of(new float[8], TensorShape.of(1, 2, 2), new int[] {0, 1});
        InMemoryImageDataset unlabelled = InMemoryImageDataset.of(new float[8], TensorShape.of(1, 2, 2));
        InMemoryImageDataset other = InMemoryImageDataset.of(new float[18], TensorShape.of(1, 3, 3), new int[] {0, 1});

        assertThatThrownBy(() -> QualityMetric.of(unlabelled, labelled))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("training images have no labels; the classifier needs them");
        assertThatThrownBy(() -> QualityMetric.of(labelled, unlabelled))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("heldOut images have no labels; the accuracy needs them");
        assertThatThrownBy(() -> QualityMetric.of(labelled, other))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("training images have shape (1, 2, 2) but heldOut images (1, 3, 3); they must be alike");
        assertThatThrownBy(() -> QualityMetric.of(labelled, labelled.subset(0, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("heldOut has 1 image(s); the real-data ceiling needs at least 2");
    }

    @Test
    void rejectsAClassifierThatDoesNotFitTheImages() {
        InMemoryImageDataset small = InMemoryImageDataset.of(new float[8], TensorShape.of(1, 2, 2), new int[] {0, 1});

        assertThatThrownBy(() -> QualityMetric.of(small, small).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("images of shape (1, 2, 2) in 2 training and 2 held-out images do not fit the classifier,"
                        + " which takes (1, 28, 28); set a classifier for them with classifier(spec, training)");
    }
}
