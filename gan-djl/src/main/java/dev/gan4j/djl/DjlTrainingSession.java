package dev.gan4j.djl;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import dev.gan4j.data.ImageDataset;
import dev.gan4j.spi.SessionState;
import dev.gan4j.spi.StepMeasurement;
import dev.gan4j.spi.StepPhases;
import dev.gan4j.spi.TrainingSession;
import dev.gan4j.train.GanConfig;
import dev.gan4j.train.Generator;
import dev.gan4j.train.Provenance;
import dev.gan4j.train.TrainedGan;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run on DJL's PyTorch engine: both networks, their optimisers and the data on the training device,
 * all in one root manager that {@link #close()} frees. Each step runs in a sub-manager of its own.
 */
final class DjlTrainingSession implements TrainingSession {

    private static final Logger LOG = LoggerFactory.getLogger(DjlTrainingSession.class);

    private final GanConfig config;
    private final Engine engine;
    private final Device device;
    private final boolean reusingMemory;
    private final boolean wasRecording;
    private final NDManager root;
    private final Network generator;
    private final Network discriminator;
    private final DeviceDataset dataset;
    private final AdversarialStep step;
    private final GeneratorAverage average;
    private boolean closed;

    private DjlTrainingSession(GanConfig config, ImageDataset data, Optional<SessionState> resumeFrom) {
        this.config = config;
        this.engine = DjlEngine.get();
        this.device = Devices.resolve(config.device(), engine);
        Optional<String> leaveAllocator =
                GlibcMalloc.reasonToLeaveAlone(config.nativeMemory(), device.isGpu(), System.getenv());
        leaveAllocator.ifPresent(why -> LOG.debug("native memory: allocator left alone: {}", why));
        this.reusingMemory = leaveAllocator.isEmpty() && GlibcMalloc.reuseFreedMemory();
        // Torch's generator seeds the initial weights; each step reseeds it for latents and dropout,
        // and each pass over the data has its own seeded order, so that resuming is exact.
        engine.setRandomSeed(TorchRandom.foldSeed(config.seed()));
        this.wasRecording = GradMode.set(false);
        this.root = NDManager.newBaseManager(device, engine.getEngineName());
        try {
            SessionState state = resumeFrom.orElse(null);
            this.generator = state == null
                    ? Network.create(config.generator(), root)
                    : Network.restore(config.generator().stack(), config.generator().conditioning(), state.generator(), root);
            this.discriminator = state == null
                    ? Network.create(config.discriminator(), root)
                    : Network.restore(config.discriminator().stack(), config.discriminator().conditioning(),
                            state.discriminator(), root);
            this.dataset = new DeviceDataset(data, root, config.seed(), config.generator().classes() > 0);
            this.step = new AdversarialStep(engine, config, generator, discriminator, dataset, root);
            this.average = config.generatorEma() > 0 ? new GeneratorAverage(generator, root, config.generatorEma()) : null;
            if (state != null) {
                step.generatorOptimizer().load(state.generatorOptimizer());
                step.discriminatorOptimizer().load(state.discriminatorOptimizer());
                if (average != null) {
                    average.load(state.average(), state.averageUpdates());
                }
                dataset.seek(state.dataPass(), state.dataPosition());
                step.inputs().load(state.augmentationProbability(), state.augmentationHeuristicSum());
            }
        } catch (RuntimeException | Error e) {
            release();
            throw e;
        }
    }

    /** Opens a session; see {@link dev.gan4j.spi.GanTrainerProvider#open}. */
    static DjlTrainingSession open(GanConfig config, ImageDataset data, Optional<SessionState> resumeFrom) {
        return new DjlTrainingSession(config, data, resumeFrom);
    }

    @Override
    public String engine() {
        return DjlEngine.describe(engine);
    }

    @Override
    public String device() {
        return device.toString();
    }

    @Override
    public long dataFingerprint() {
        return dataset.fingerprint();
    }

    @Override
    public StepMeasurement step(long seed, boolean measure) {
        TorchRandom.seed(seed);
        try (NDManager scope = root.newSubManager()) {
            float[] m = step.run(scope, measure);
            if (average != null) {
                average.update();
            }
            return m == null ? null : new StepMeasurement(m[0], m[1], m[2], m[3], m[4], m[5], m[6], m[7], m[8], m[9],
                    m[10], m[11]);
        }
    }

    @Override
    public StepPhases drainPhases() {
        double[] phases = step.drainProfile();
        return phases == null ? null : new StepPhases(phases[PhaseClock.DATA], phases[PhaseClock.DISCRIMINATOR],
                phases[PhaseClock.GENERATOR], phases[PhaseClock.METRICS], step.drainHostCopies());
    }

    @Override
    public Generator currentGenerator() {
        return new DjlGenerator(config.generator(), trained(), root);
    }

    @Override
    public SessionState snapshot() {
        return new SessionState(
                HostTensors.ofAll(generator.params()),
                HostTensors.ofAll(discriminator.params()),
                step.generatorOptimizer().state(),
                step.discriminatorOptimizer().state(),
                average != null ? average.state() : List.of(),
                average != null ? average.updates() : 0,
                dataset.pass(),
                dataset.position(),
                step.inputs().probability(),
                step.inputs().heuristicSum());
    }

    @Override
    public TrainedGan finish(Provenance provenance) {
        NDManager owned = NDManager.newBaseManager(device, engine.getEngineName());
        try {
            return new DjlTrainedGan(config.generator(), trained().copyTo(owned), owned, provenance);
        } catch (RuntimeException | Error e) {
            owned.close();
            throw e;
        }
    }

    /** The generator users get: the moving average if there is one, with the trained BatchNorm statistics. */
    private Network trained() {
        return average != null ? average.synced() : generator;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            release();
        }
    }

    private void release() {
        try {
            root.close();
        } finally {
            GradMode.set(wasRecording);
            if (reusingMemory) {
                GlibcMalloc.releaseFreeMemory();
            }
        }
    }
}
