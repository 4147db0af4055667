package dev.gan4j.train.listener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gan4j.spec.DiscriminatorSpec;
import dev.gan4j.spec.GeneratorSpec;
import dev.gan4j.train.GanConfig;
import dev.gan4j.train.GanTrainer;
import dev.gan4j.SpecialFiles;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsFileTest {

    @TempDir
    Path dir;

    private static final GanConfig CONFIG = GanTrainer.builder()
            .generator(GeneratorSpec.dcgan().build())
            .discriminator(DiscriminatorSpec.dcgan().build())
            .seed(1)
            .config();

    private static StepMetrics metrics(long globalStep, float generatorLoss) {
        return new StepMetrics(1, (int) globalStep, 281, globalStep, 0.5f, generatorLoss, 0.75f, 0.25f, 0.875f, 0.8125f,
                0.0625f, 1234.56, 4.5f, 1.5E-4f, 18.25f, 20.5f);
    }

    @Test
    void writesAHeaderAndOneRowPerReportWithEveryMetric() throws IOException {
        Path file = dir.resolve("run/metrics.csv");
        MetricsFile metrics = MetricsFile.csv(file);

        metrics.onTrainingStart(CONFIG, 9000);
        metrics.onStep(metrics(10, 1.25f));
        metrics.onStep(metrics(20, Float.NaN));
        metrics.onTrainingEnd(null);

        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).isEqualTo("epoch,step,stepsPerEpoch,globalStep,discriminatorLoss,generatorLoss,"
                + "realScore,fakeScore,realAccuracy,fakeAccuracy,foolRate,samplesPerSecond,generatorGradientNorm,"
                + "discriminatorGradientNorm,fakeDiversity,realDiversity,elapsedSeconds,gradientPenalty");
        assertThat(lines.get(1)).matches(
                "1,10,281,10,0\\.5,1\\.25,0\\.75,0\\.25,0\\.875,0\\.8125,0\\.0625,1234\\.6,4\\.5,1\\.5E-4,18\\.25,20\\.5,"
                        + "\\d+\\.\\d{3},NaN");
        assertThat(lines.get(2)).startsWith("1,20,281,20,0.5,NaN,");
    }

    @Test
    void headerNamesEveryStepMetricsComponentInOrder() {
        List<String> components = Arrays.stream(StepMetrics.class.getRecordComponents())
                .map(RecordComponent::getName)
                .collect(Collectors.toList());

        // gradientPenalty came later: its column follows elapsedSeconds, so older columns keep their places.
        int before = components.size() - 1;
        assertThat(components.get(before)).isEqualTo("gradientPenalty");
        assertThat(MetricsFile.COLUMNS.subList(0, before)).isEqualTo(components.subList(0, before));
        assertThat(MetricsFile.COLUMNS).hasSize(components.size() + 1).endsWith("elapsedSeconds", "gradientPenalty");
    }

    @Test
    void rowsCanBeReadWhileTrainingRuns() throws IOException {
        Path file = dir.resolve("metrics.csv");
        try (MetricsFile metrics = MetricsFile.csv(file)) {
            metrics.onTrainingStart(CONFIG, 9000);
            metrics.onStep(metrics(10, 1f));

            assertThat(Files.readAllLines(file)).hasSize(2);
        }
    }

    @Test
    void newRunStartsTheFileAfresh() throws IOException {
        Path file = dir.resolve("metrics.csv");
        MetricsFile metrics = MetricsFile.csv(file);
        metrics.onTrainingStart(CONFIG, 9000);
        metrics.onStep(metrics(10, 1f));
        metrics.onStep(metrics(20, 1f));

        metrics.onTrainingStart(CONFIG, 9000);
        metrics.onStep(metrics(10, 1f));
        metrics.close();

        assertThat(Files.readAllLines(file)).hasSize(2);
    }

    @Test
    void closeIsIdempotent() {
        MetricsFile metrics = MetricsFile.csv(dir.resolve("metrics.csv"));
        metrics.onTrainingStart(CONFIG, 9000);

        metrics.close();
        metrics.close();
    }

    @Test
    void rejectsAReportBeforeTrainingStarts() {
        MetricsFile metrics = MetricsFile.csv(dir.resolve("metrics.csv"));

        assertThatThrownBy(() -> metrics.onStep(metrics(10, 1f)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("metrics file " + dir.resolve("metrics.csv") + " is not open: onTrainingStart was not called");
    }

    @Test
    void unwritableFileFailsNamingItAndWhy() throws IOException {
        Path blocker = Files.createFile(dir.resolve("file"));
        MetricsFile metrics = MetricsFile.csv(blocker.resolve("metrics.csv"));

        assertThatThrownBy(() -> metrics.onTrainingStart(CONFIG, 9000))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessage("cannot write metrics file " + blocker.resolve("metrics.csv") + ": " + blocker
                        + " is not a directory");
    }

    @Test
    void aFailedWriteNamesTheFileAndSaysWhy() throws Exception {
        // A real write failure in the test's own directory (no device is touched): a FIFO whose reader
        // takes the header and goes away, so the next row's write fails with EPIPE. A full disk
        // (ENOSPC) reaches the same message through the same path.
        Path fifo = SpecialFiles.mkfifo(dir.resolve("metrics.csv"));
        Thread reader = new Thread(() -> {
            try (BufferedReader in = Files.newBufferedReader(fifo)) {
                in.readLine();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        reader.start();
        MetricsFile metrics = MetricsFile.csv(fifo);
        metrics.onTrainingStart(CONFIG, 9000); // opens when the reader has, and writes the header it reads
        reader.join(30_000);
        StepMetrics row = new StepMetrics(1, 1, 20, 1, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0, 0f, 0f, 0f, 0f);

        try {
            assertThatThrownBy(() -> metrics.onStep(row))
                    .isInstanceOf(UncheckedIOException.class)
                    .hasMessage("cannot write metrics file " + fifo + ": Broken pipe");
        } finally {
            try {
                metrics.close();
            } catch (UncheckedIOException alsoBroken) {
                // closing flushes nothing more, but may report the same broken pipe
            }
        }
    }

    @Test
    void aDirectoryIsRefusedByName() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("metrics.csv"));
        MetricsFile metrics = MetricsFile.csv(folder);

        assertThatThrownBy(() -> metrics.onTrainingStart(CONFIG, 9000))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessage("cannot write metrics file " + folder + ": it is a directory; choose a file path");
    }
}
