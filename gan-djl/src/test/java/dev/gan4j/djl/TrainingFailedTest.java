package dev.gan4j.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gan4j.health.UnhealthyTrainingException;
import dev.gan4j.train.Adam;
import dev.gan4j.train.ComputeDevice;
import dev.gan4j.train.GanTrainer;
import dev.gan4j.train.listener.MetricsFile;
import dev.gan4j.train.Provenance;
import dev.gan4j.train.listener.StepMetrics;
import dev.gan4j.train.listener.TrainingListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingFailedTest {

    @TempDir
    Path dir;

    @Test
    void listenersHearOfAFailedRunAndTheMetricsFileIsClosedWithItsRows() throws Exception {
        List<String> events = new ArrayList<>();
        TrainingListener record = new TrainingListener() {
            @Override
            public void onTrainingEnd(Provenance provenance) {
                events.add("end");
            }

            @Override
            public void onTrainingFailed(Throwable error) {
                events.add("failed: " + error.getClass().getSimpleName());
            }
        };
        Path csv = dir.resolve("metrics.csv");
        MetricsFile metrics = MetricsFile.csv(csv);

        // An absurd learning rate diverges at once; the default health policy stops the run.
        assertThatThrownBy(() -> GanTrainer.builder()
                .generator(TinyGan.generator()).discriminator(TinyGan.discriminator())
                .optimizer(new Adam(1e20, 0.5, 0.999, 1e-7))
                .batchSize(8).stepsPerEpoch(20).logEvery(1).device(ComputeDevice.cpu()).seed(2)
                .listener(metrics).listener(record)
                .build()
                .train(TinyGan.data(64, 1)))
                .isInstanceOf(UnhealthyTrainingException.class);

        assertThat(events).containsExactly("failed: UnhealthyTrainingException");
        List<String> rows = Files.readAllLines(csv);
        assertThat(rows.size()).isGreaterThanOrEqualTo(2);
        assertThat(Files.readString(csv)).endsWith("\n");
        StepMetrics late = new StepMetrics(1, 1, 20, 1, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0, 0f, 0f, 0f, 0f);
        assertThatThrownBy(() -> metrics.onStep(late))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("metrics file " + csv + " is not open: onTrainingStart was not called");
    }
}
