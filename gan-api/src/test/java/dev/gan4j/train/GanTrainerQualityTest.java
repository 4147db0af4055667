package dev.gan4j.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gan4j.quality.QualityMetric;
import dev.gan4j.spec.DiscriminatorSpec;
import dev.gan4j.spec.GeneratorSpec;
import dev.gan4j.train.listener.TrainingListener;
import org.junit.jupiter.api.Test;

class GanTrainerQualityTest {

    private static GanTrainer.Builder complete() {
        return GanTrainer.builder().generator(GeneratorSpec.dcgan().build()).discriminator(DiscriminatorSpec.dcgan().build());
    }

    @Test
    void qualityAddsItsListenerAmongTheOthers() {
        TrainingListener before = new TrainingListener() {};
        TrainingListener after = new TrainingListener() {};

        GanConfig config = complete().listener(before).quality(QualityMetric.mnist().build()).listener(after).config();

        assertThat(config.listeners()).hasSize(3);
        assertThat(config.listeners().get(0)).isSameAs(before);
        assertThat(config.listeners().get(1).getClass().getSimpleName()).isEqualTo("QualityListener");
        assertThat(config.listeners().get(2)).isSameAs(after);
    }

    @Test
    void aSecondQualityReplacesTheFirst() {
        GanConfig config = complete()
                .quality(QualityMetric.mnist().every(2).build())
                .quality(QualityMetric.mnist().every(3).build())
                .config();

        assertThat(config.listeners()).hasSize(1);
    }
}
