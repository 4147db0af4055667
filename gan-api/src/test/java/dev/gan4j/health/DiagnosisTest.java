package dev.gan4j.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gan4j.train.GanException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DiagnosisTest {

    private static final Diagnosis DIVERGED = new Diagnosis(HealthCondition.DIVERGENCE, HealthAction.STOP, 2, 19,
            300, 291, "generator loss NaN at global step 300");

    @Test
    void messageNamesTheConditionTheStepTheEvidenceAndTheAdvice() {
        assertThat(DIVERGED.message()).isEqualTo("divergence at global step 300 (epoch 2, step 19): generator loss NaN"
                + " at global step 300. Advice: " + HealthCondition.DIVERGENCE.advice());
    }

    @Test
    void rejectsEvidenceThatStartsAfterTheDiagnosis() {
        assertThatThrownBy(() -> new Diagnosis(HealthCondition.DIVERGENCE, HealthAction.STOP, 1, 1, 10, 11, "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sinceStep 11 is after globalStep 10");
    }

    @Test
    void stopWithoutCheckpointSaysThereIsNone() {
        UnhealthyTrainingException e = new UnhealthyTrainingException(DIVERGED, null);

        assertThat(e).isInstanceOf(GanException.class);
        assertThat(e.diagnosis()).isSameAs(DIVERGED);
        assertThat(e.lastGoodCheckpoint()).isEmpty();
        assertThat(e.getMessage()).isEqualTo("training stopped: " + DIVERGED.message() + " No checkpoint to go back to.");
    }

    @Test
    void stopWithCheckpointNamesIt() {
        Path checkpoint = Path.of("run", "checkpoint-000250");

        UnhealthyTrainingException e = new UnhealthyTrainingException(DIVERGED, checkpoint);

        assertThat(e.lastGoodCheckpoint()).contains(checkpoint);
        assertThat(e.getMessage()).endsWith(" Last good checkpoint: " + checkpoint + ".");
    }
}
