package dev.gan4j.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gan4j.data.ImageDataset;
import dev.gan4j.export.OnnxExportOptions;
import dev.gan4j.health.HealthPolicy;
import dev.gan4j.image.ImageBatch;
import dev.gan4j.internal.random.Seeds;
import dev.gan4j.quality.Classification;
import dev.gan4j.quality.ClassifierTraining;
import dev.gan4j.spec.ClassifierSpec;
import dev.gan4j.spec.DiscriminatorSpec;
import dev.gan4j.spec.GeneratorSpec;
import dev.gan4j.spec.TensorShape;
import dev.gan4j.train.GanConfig;
import dev.gan4j.train.GanException;
import dev.gan4j.train.GanTrainer;
import dev.gan4j.train.Generator;
import dev.gan4j.train.Provenance;
import dev.gan4j.train.TrainedGan;
import dev.gan4j.train.TrainingCancelledException;
import dev.gan4j.train.listener.EpochSummary;
import dev.gan4j.train.listener.StepMetrics;
import dev.gan4j.train.listener.TrainingControl;
import dev.gan4j.train.listener.TrainingListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The engine-neutral loop against a session that records what it is asked: what every engine gets
 * from the loop without writing it again.
 */
class TrainingLoopTest {

    private static GanTrainer.Builder mnist() {
        return GanTrainer.builder().generator(GeneratorSpec.dcgan().build()).discriminator(DiscriminatorSpec.dcgan().build());
    }

    @Test
    void checkDatasetAcceptsImagesOfTheGeneratorsShape() {
        GanConfig config = mnist().config();

        TrainingLoop.checkDataset(config, ComputedImages.zeros(1000, TensorShape.of(1, 28, 28)));
    }

    @Test
    void checkDatasetRejectsImagesOfAnotherShape() {
        GanConfig config = mnist().config();

        assertThatThrownBy(() -> TrainingLoop.checkDataset(config, ComputedImages.zeros(1000, TensorShape.of(3, 32, 32))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("dataset images have shape (3, 32, 32) but the generator makes (1, 28, 28);"
                        + " build the specs for (3, 32, 32)");
    }

    @Test
    void checkDatasetRejectsTooFewImages() {
        GanConfig config = mnist().config();

        assertThatThrownBy(() -> TrainingLoop.checkDataset(config, ComputedImages.zeros(10, TensorShape.of(1, 28, 28))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("dataset of 10 images is smaller than one step's 64 (batchSize 64 x discriminatorSteps 1);"
                        + " use a smaller batchSize");
    }

    @Test
    void checkDatasetRejectsNull() {
        GanConfig config = mnist().config();

        assertThatThrownBy(() -> TrainingLoop.checkDataset(config, null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("data");
    }

    @Test
    void everyStepIsSeededFromTheRunSeedAndItsGlobalStep() {
        RecordingEngine engine = new RecordingEngine();
        GanConfig config = mnist().seed(5).batchSize(10).epochs(2).stepsPerEpoch(3).logEvery(2)
                .health(HealthPolicy.off()).config();

        try (TrainedGan gan = TrainingLoop.trainer(config, engine).train(ComputedImages.zeros(100, TensorShape.of(1, 28, 28)))) {
            assertThat(gan.provenance().steps()).isEqualTo(6);
        }

        assertThat(engine.session.seeds).containsExactly(Seeds.forStep(5, 1), Seeds.forStep(5, 2), Seeds.forStep(5, 3),
                Seeds.forStep(5, 4), Seeds.forStep(5, 5), Seeds.forStep(5, 6));
        // Measured every logEvery steps and at each epoch's last.
        assertThat(engine.session.measured).containsExactly(false, true, true, false, true, true);
        assertThat(engine.session.closed).isTrue();
    }

    @Test
    void aListenerFailingAtTheEndClosesTheTrainedGeneratorAndTheSession() {
        RecordingEngine engine = new RecordingEngine();
        List<String> heard = new ArrayList<>();
        GanConfig config = mnist().seed(1).batchSize(10).stepsPerEpoch(2).health(HealthPolicy.off())
                .listener(new TrainingListener() {
                    @Override
                    public void onTrainingEnd(Provenance provenance) {
                        throw new IllegalStateException("disk full");
                    }

                    @Override
                    public void onTrainingFailed(Throwable error) {
                        heard.add(error.getMessage());
                    }
                })
                .config();

        assertThatThrownBy(() -> TrainingLoop.trainer(config, engine).train(ComputedImages.zeros(100, TensorShape.of(1, 28, 28))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("disk full");

        assertThat(engine.session.finished).isNotNull();
        assertThat(engine.session.finished.closed).isTrue();
        assertThat(engine.session.closed).isTrue();
        assertThat(heard).containsExactly("disk full");
    }

    @Test
    void aFailingStepIsNamedAndTheSessionClosed() {
        RecordingEngine engine = new RecordingEngine();
        engine.failAtCall = 4;
        GanConfig config = mnist().seed(1).batchSize(10).epochs(2).stepsPerEpoch(3).health(HealthPolicy.off()).config();

        assertThatThrownBy(() -> TrainingLoop.trainer(config, engine).train(ComputedImages.zeros(100, TensorShape.of(1, 28, 28))))
                .isInstanceOf(GanException.class)
                .hasMessage("training step failed at epoch 2, step 1 (global step 4): engine fault");
        assertThat(engine.session.closed).isTrue();
    }

    @Test
    void epochListenersSeeTheSessionsCurrentGenerator() {
        RecordingEngine engine = new RecordingEngine();
        List<Generator> seen = new ArrayList<>();
        GanConfig config = mnist().seed(1).batchSize(10).epochs(2).stepsPerEpoch(1).health(HealthPolicy.off())
                .listener(new TrainingListener() {
                    @Override
                    public void onEpochEnd(EpochSummary summary) {
                        seen.add(summary.generator());
                    }

                    @Override
                    public void onStep(StepMetrics metrics) {
                        assertThat(metrics.discriminatorLoss()).isEqualTo(0.5f);
                    }
                })
                .config();

        TrainingLoop.trainer(config, engine).train(ComputedImages.zeros(100, TensorShape.of(1, 28, 28))).close();

        assertThat(seen).hasSize(2).allMatch(g -> g == engine.session.current);
    }

    @Test
    void anInterruptStopsTheRunAtTheNextStepBoundaryAndLeavesTheStatusSet() {
        RecordingEngine engine = new RecordingEngine();
        List<Throwable> heard = new ArrayList<>();
        GanConfig config = mnist().seed(1).batchSize(10).epochs(2).stepsPerEpoch(5).logEvery(1)
                .health(HealthPolicy.off())
                .listener(new TrainingListener() {
                    @Override
                    public void onStep(StepMetrics metrics) {
                        if (metrics.globalStep() == 3) {
                            Thread.currentThread().interrupt();
                        }
                    }

                    @Override
                    public void onTrainingFailed(Throwable error) {
                        heard.add(error);
                    }
                })
                .config();

        try {
            assertThatThrownBy(() -> TrainingLoop.trainer(config, engine).train(ComputedImages.zeros(100, TensorShape.of(1, 28, 28))))
                    .isInstanceOfSatisfying(TrainingCancelledException.class, e -> {
                        assertThat(e.steps()).isEqualTo(3);
                        assertThat(e.lastCheckpoint()).isEmpty();
                        assertThat(e).hasMessage("training was cancelled (its thread was interrupted) after global step 3;"
                                + " checkpoints were off, so nothing was saved to resume from");
                        assertThat(heard).containsExactly(e);
                    });
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
        assertThat(engine.session.seeds).hasSize(3);
        assertThat(engine.session.closed).isTrue();
    }

    @Test
    void anExceptionAnInterruptCausedInAListenerIsACancellationWithItAsCause() {
        RecordingEngine engine = new RecordingEngine();
        GanConfig config = mnist().seed(1).batchSize(10).epochs(2).stepsPerEpoch(2).health(HealthPolicy.off())
                .listener(new TrainingListener() {
                    @Override
                    public void onEpochEnd(EpochSummary summary) {
                        // what a file channel throws when the interrupt lands in its write (status cleared here)
                        throw new UncheckedIOException(new ClosedByInterruptException());
                    }
                })
                .config();

        try {
            assertThatThrownBy(() -> TrainingLoop.trainer(config, engine).train(ComputedImages.zeros(100, TensorShape.of(1, 28, 28))))
                    .isInstanceOf(TrainingCancelledException.class)
                    .hasCauseInstanceOf(UncheckedIOException.class)
                    .satisfies(e -> assertThat(((TrainingCancelledException) e).steps()).isEqualTo(2));
        } finally {
            Thread.interrupted();
        }
        assertThat(engine.session.closed).isTrue();
    }

    @Test
    void aListenerCanStopTheRunWhichEndsNormallyWithTheStepsMade() {
        RecordingEngine engine = new RecordingEngine();
        List<String> heard = new ArrayList<>();
        GanConfig config = mnist().seed(1).batchSize(10).epochs(3).stepsPerEpoch(3).logEvery(1)
                .health(HealthPolicy.off())
                .listener(new TrainingListener() {
                    @Override
                    public void onStep(StepMetrics metrics, TrainingControl control) {
                        if (metrics.globalStep() == 4) {
                            control.stop("enough");
                            control.stop("ignored: the first reason is kept");
                            assertThat(control.stopReason()).contains("enough");
                        }
                    }

                    @Override
                    public void onEpochEnd(EpochSummary summary) {
                        heard.add("epoch " + summary.epoch() + " at step " + summary.globalStep());
                    }

                    @Override
                    public void onTrainingEnd(Provenance provenance) {
                        heard.add("end");
                    }
                })
                .config();

        try (TrainedGan gan = TrainingLoop.trainer(config, engine).train(ComputedImages.zeros(100, TensorShape.of(1, 28, 28)))) {
            assertThat(gan.provenance().steps()).isEqualTo(4);
            assertThat(gan.provenance().epochs()).isEqualTo(1);
        }
        assertThat(heard).containsExactly("epoch 1 at step 3", "epoch 2 at step 4", "end");
        assertThat(engine.session.seeds).hasSize(4);
    }

    @Test
    void aStopAskedForAtAnEpochsEndEndsTheRunBeforeTheNext() {
        RecordingEngine engine = new RecordingEngine();
        GanConfig config = mnist().seed(1).batchSize(10).epochs(3).stepsPerEpoch(2).health(HealthPolicy.off())
                .listener(new TrainingListener() {
                    @Override
                    public void onEpochEnd(EpochSummary summary, TrainingControl control) {
                        control.stop("one epoch is plenty");
                    }
                })
                .config();

        try (TrainedGan gan = TrainingLoop.trainer(config, engine).train(ComputedImages.zeros(100, TensorShape.of(1, 28, 28)))) {
            assertThat(gan.provenance().steps()).isEqualTo(2);
        }
    }

    @Test
    void anErrorFromAListenerReachesEveryListenerAndIsRethrownAsItWas() {
        RecordingEngine engine = new RecordingEngine();
        Error boom = new AssertionError("boom");
        List<String> heard = new ArrayList<>();
        GanConfig config = mnist().seed(1).batchSize(10).stepsPerEpoch(3).logEvery(1).health(HealthPolicy.off())
                .listener(failing("first", heard, () -> {
                    throw boom;
                }))
                .listener(failing("second", heard, null))
                .config();

        assertThatThrownBy(() -> TrainingLoop.trainer(config, engine).train(ComputedImages.zeros(100, TensorShape.of(1, 28, 28))))
                .isSameAs(boom);
        assertThat(heard).containsExactly("first: boom", "second: boom");
        assertThat(engine.session.closed).isTrue();
    }

    @Test
    void aCheckedExceptionThrownSneakilyByAListenerReachesEveryListenerAndIsRethrownAsItWas() {
        RecordingEngine engine = new RecordingEngine();
        IOException hidden = new IOException("disk gone");
        List<String> heard = new ArrayList<>();
        GanConfig config = mnist().seed(1).batchSize(10).stepsPerEpoch(3).logEvery(1).health(HealthPolicy.off())
                .listener(failing("only", heard, () -> TrainingLoopTest.<RuntimeException>sneaky(hidden)))
                .config();

        assertThatThrownBy(() -> TrainingLoop.trainer(config, engine).train(ComputedImages.zeros(100, TensorShape.of(1, 28, 28))))
                .isSameAs(hidden);
        assertThat(heard).containsExactly("only: disk gone");
        assertThat(engine.session.closed).isTrue();
    }

    @Test
    void aListenerThatFailsInOnTrainingFailedIsSuppressedAndTheOthersStillHear() {
        RecordingEngine engine = new RecordingEngine();
        engine.failAtCall = 2;
        List<String> heard = new ArrayList<>();
        GanConfig config = mnist().seed(1).batchSize(10).stepsPerEpoch(3).health(HealthPolicy.off())
                .listener(new TrainingListener() {
                    @Override
                    public void onTrainingFailed(Throwable error) {
                        throw new OutOfMemoryError("while closing");
                    }
                })
                .listener(failing("second", heard, null))
                .config();

        assertThatThrownBy(() -> TrainingLoop.trainer(config, engine).train(ComputedImages.zeros(100, TensorShape.of(1, 28, 28))))
                .isInstanceOf(GanException.class)
                .satisfies(e -> assertThat(e.getSuppressed()).singleElement()
                        .isInstanceOf(OutOfMemoryError.class));
        assertThat(heard).containsExactly("second: training step failed at epoch 1, step 2 (global step 2): engine fault");
    }

    /** A listener that runs {@code fault} on its first step and records the failure it hears of. */
    private static TrainingListener failing(String name, List<String> heard, Runnable fault) {
        return new TrainingListener() {
            @Override
            public void onStep(StepMetrics metrics) {
                if (fault != null) {
                    fault.run();
                }
            }

            @Override
            public void onTrainingFailed(Throwable error) {
                heard.add(name + ": " + error.getMessage());
            }
        };
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> void sneaky(Throwable t) throws T {
        throw (T) t;
    }

    /** An engine whose session records the loop's calls and measures constant values. */
    private static final class RecordingEngine implements GanTrainerProvider {
        RecordingSession session;
        int failAtCall = -1;

        @Override
        public String name() {
            return "recording";
        }

        @Override
        public TrainingSession open(GanConfig config, ImageDataset data, Optional<SessionState> resumeFrom) {
            session = new RecordingSession(config.generator(), failAtCall);
            return session;
        }

        @Override
        public TrainedGan generator(GeneratorSpec spec, List<HostTensor> parameters, Provenance provenance) {
            throw new UnsupportedOperationException();
        }

        @Override
        public byte[] trainClassifier(ClassifierSpec spec, ClassifierTraining training, ImageDataset data) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Classification classify(ClassifierSpec spec, byte[] weights, ImageDataset images) {
            throw new UnsupportedOperationException();
        }
    }

    private static final class RecordingSession implements TrainingSession {
        final List<Long> seeds = new ArrayList<>();
        final List<Boolean> measured = new ArrayList<>();
        final FixedGan current;
        final int failAtCall;
        FixedGan finished;
        boolean closed;

        RecordingSession(GeneratorSpec spec, int failAtCall) {
            this.current = new FixedGan(spec, null);
            this.failAtCall = failAtCall;
        }

        @Override
        public String engine() {
            return "recording";
        }

        @Override
        public String device() {
            return "nowhere";
        }

        @Override
        public long dataFingerprint() {
            return 0;
        }

        @Override
        public StepMeasurement step(long seed, boolean measure) {
            seeds.add(seed);
            measured.add(measure);
            if (seeds.size() == failAtCall) {
                throw new IllegalStateException("engine fault");
            }
            return measure ? new StepMeasurement(0.5f, 1, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 1, 1, 1, 1) : null;
        }

        @Override
        public StepPhases drainPhases() {
            return null;
        }

        @Override
        public Generator currentGenerator() {
            return current;
        }

        @Override
        public SessionState snapshot() {
            throw new UnsupportedOperationException();
        }

        @Override
        public TrainedGan finish(Provenance provenance) {
            finished = new FixedGan(current.spec(), provenance);
            return finished;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    /** A generator that draws nothing: the loop only hands it on. */
    private static final class FixedGan implements TrainedGan {
        private final GeneratorSpec spec;
        private final Provenance provenance;
        boolean closed;

        FixedGan(GeneratorSpec spec, Provenance provenance) {
            this.spec = spec;
            this.provenance = provenance;
        }

        @Override
        public GeneratorSpec spec() {
            return spec;
        }

        @Override
        public ImageBatch generate(int count, long seed) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ImageBatch generate(float[] latents) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Provenance provenance() {
            return provenance;
        }

        @Override
        public void save(Path file) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void exportOnnx(Path file, OnnxExportOptions options) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
