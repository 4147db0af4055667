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
import java.io.IOException;
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

    @Test
    void thirtyRunsEachEndingInAListenerFaultLeaveNoLiveManagerAndNoOpenFile() throws Exception {
        train(0, null); // loads the engine and the classes, which open files of their own
        long managers = liveManagers();
        long files = openFiles();
        assertThat(duringRun).as("the probe sees a run's managers").isGreaterThan(managers);

        for (int run = 0; run < 30; run++) {
            int kind = run % 6;
            Throwable fault = switch (kind) {
                case 0 -> new IllegalStateException("runtime exception in onStep");
                case 1 -> new AssertionError("error in onEpochEnd");
                case 2 -> new IOException("checked exception, thrown sneakily, in onCheckpoint");
                case 3 -> new OutOfMemoryError("error in onTrainingEnd");
                case 4 -> new IllegalStateException("runtime exception in onEpochStart");
                default -> new StackOverflowError("error in onTrainingStart");
            };
            int k = kind;
            assertThatThrownBy(() -> train(k, fault)).isSameAs(fault);
        }

        assertThat(liveManagers()).as("NDManagers under the engine's system manager").isEqualTo(managers);
        assertThat(openFiles()).as("open file descriptors").isEqualTo(files);
    }

    private long duringRun;

    /** A tiny checkpointed run with a metrics file whose listener throws {@code fault} at event {@code kind}. */
    private void train(int kind, Throwable fault) throws IOException {
        Path run = Files.createTempDirectory(dir, "run");
        TrainingListener faulty = new TrainingListener() {
            private void fail(int at) {
                if (fault != null && kind == at) {
                    TrainingFailedTest.<RuntimeException>sneaky(fault);
                }
            }

            @Override
            public void onTrainingStart(dev.gan4j.train.GanConfig config, int datasetSize) {
                fail(5);
            }

            @Override
            public void onEpochStart(int epoch, int stepsPerEpoch) {
                fail(4);
            }

            @Override
            public void onStep(StepMetrics metrics) {
                if (fault == null) {
                    duringRun = liveManagers();
                }
                fail(0);
            }

            @Override
            public void onEpochEnd(dev.gan4j.train.listener.EpochSummary summary) {
                fail(1);
            }

            @Override
            public void onCheckpoint(Path file, long globalStep) {
                fail(2);
            }

            @Override
            public void onTrainingEnd(Provenance provenance) {
                fail(3);
            }
        };
        GanTrainer.builder()
                .generator(TinyGan.generator()).discriminator(TinyGan.discriminator())
                .batchSize(8).stepsPerEpoch(2).logEvery(1).device(ComputeDevice.cpu()).seed(3)
                .checkpointDir(run.resolve("checkpoints")).checkpointEvery(2)
                .listener(MetricsFile.csv(run.resolve("metrics.csv"))).listener(faulty)
                .build()
                .train(TinyGan.data(32, 1))
                .close();
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> void sneaky(Throwable t) throws T {
        throw (T) t;
    }

    /** The managers (and other resources) attached to PyTorch's system manager, which every run's hangs from. */
    private static long liveManagers() {
        try {
            return countResources();
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("DJL's PtNDManager changed: " + e, e);
        }
    }

    private static long countResources() throws ReflectiveOperationException {
        java.lang.reflect.Method system = ai.djl.pytorch.engine.PtNDManager.class.getDeclaredMethod("getSystemManager");
        system.setAccessible(true);
        Object manager = system.invoke(null);
        java.lang.reflect.Field resources = ai.djl.ndarray.BaseNDManager.class.getDeclaredField("resources");
        resources.setAccessible(true);
        return ((java.util.Map<?, ?>) resources.get(manager)).size();
    }

    private static long openFiles() throws IOException {
        try (java.util.stream.Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        }
    }
}
