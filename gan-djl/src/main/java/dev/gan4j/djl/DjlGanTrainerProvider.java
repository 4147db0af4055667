package dev.gan4j.djl;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import dev.gan4j.data.ImageDataset;
import dev.gan4j.quality.Classification;
import dev.gan4j.quality.ClassifierTraining;
import dev.gan4j.spec.ClassifierSpec;
import dev.gan4j.train.ComputeDevice;
import dev.gan4j.train.GanConfig;
import dev.gan4j.train.GanTrainer;
import dev.gan4j.train.GanTrainerProvider;
import dev.gan4j.train.TrainedGan;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * The DJL PyTorch engine, found by {@link GanTrainer#builder()} through {@link java.util.ServiceLoader}.
 * Constructing it loads nothing native: the engine loads when training or loading starts.
 */
public final class DjlGanTrainerProvider implements GanTrainerProvider {

    /** Creates the provider; cheap. */
    public DjlGanTrainerProvider() {}

    @Override
    public String name() {
        return "djl";
    }

    @Override
    public GanTrainer create(GanConfig config) {
        return new DjlGanTrainer(config);
    }

    @Override
    public TrainedGan load(Path file) throws IOException {
        Engine engine = DjlEngine.get();
        Device device = engine.defaultDevice();
        NDManager manager = NDManager.newBaseManager(device, engine.getEngineName());
        try {
            GeneratorFile.Loaded loaded = GeneratorFile.read(file, manager);
            Network network;
            try {
                network = Network.withParams(loaded.spec().stack(), loaded.params());
            } catch (IllegalArgumentException e) {
                throw new IOException(file + ": weights do not fit the spec: " + e.getMessage(), e);
            }
            return new DjlTrainedGan(loaded.spec(), network, manager, loaded.provenance());
        } catch (IOException | RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    @Override
    public List<ComputeDevice> devices() {
        return Devices.available(DjlEngine.get());
    }

    @Override
    public GanTrainer resume(Path path, boolean skipCorrupt, Consumer<GanTrainer.Builder> overrides)
            throws IOException {
        CheckpointFile.Contents checkpoint = CheckpointDirectory.choose(path, skipCorrupt);
        GanTrainer.Builder settings = checkpoint.builder();
        overrides.accept(settings);
        GanConfig config = settings.config();
        CheckpointState.Progress progress = checkpoint.state().progress();
        if (config.epochs() < progress.epoch()) {
            throw new IllegalArgumentException("epochs " + config.epochs() + " ends before epoch " + progress.epoch()
                    + " of checkpoint " + checkpoint.file() + "; give at least " + progress.epoch());
        }
        CheckpointDirectory.checkNothingAfter(config.checkpoints().directory(), progress.globalStep());
        return new DjlGanTrainer(config, checkpoint);
    }

    @Override
    public byte[] trainClassifier(ClassifierSpec spec, ClassifierTraining training, ImageDataset data) {
        return DjlClassifiers.train(spec, training, data);
    }

    @Override
    public Classification classify(ClassifierSpec spec, byte[] weights, ImageDataset images) {
        return DjlClassifiers.classify(spec, weights, images);
    }
}
