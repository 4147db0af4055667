package dev.gan4j.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gan4j.train.Adam;
import org.junit.jupiter.api.Test;

class ClassifierTrainingTest {

    private static final Adam ADAM = Adam.of(1e-3, 0.9);

    @Test
    void mnistRecipeIsTheDocumentedOne() {
        assertThat(ClassifierTraining.mnist()).isEqualTo(new ClassifierTraining(6, 64, Adam.of(2e-3, 0.9), 2, 1));
        assertThat(ClassifierTraining.mnist().describe()).isEqualTo(
                "epochs=6 batchSize=64 optimizer=Adam(lr=0.002, beta1=0.9, beta2=0.999, eps=1.0E-7) maxShift=2 seed=1");
    }

    @Test
    void rejectsImpossibleValues() {
        assertThatThrownBy(() -> new ClassifierTraining(0, 64, ADAM, 2, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("classifier epochs must be >= 1, got 0");
        assertThatThrownBy(() -> new ClassifierTraining(1, 0, ADAM, 2, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("classifier batchSize must be >= 1, got 0");
        assertThatThrownBy(() -> new ClassifierTraining(1, 64, ADAM, 9, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("classifier maxShift must be in [0, 8], got 9");
        assertThatThrownBy(() -> new ClassifierTraining(1, 64, null, 2, 1))
                .isInstanceOf(NullPointerException.class).hasMessage("optimizer");
    }
}
