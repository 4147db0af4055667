package dev.gan4j.djl;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import dev.gan4j.data.ImageDataset;
import dev.gan4j.quality.Classification;
import dev.gan4j.quality.ClassifierTraining;
import dev.gan4j.spec.ClassifierSpec;
import dev.gan4j.spec.GeneratorSpec;
import dev.gan4j.spi.GanTrainerProvider;
import dev.gan4j.spi.HostTensor;
import dev.gan4j.spi.SessionState;
import dev.gan4j.spi.TrainingSession;
import dev.gan4j.train.ComputeDevice;
import dev.gan4j.train.GanConfig;
import dev.gan4j.train.GanTrainer;
import dev.gan4j.train.Provenance;
import dev.gan4j.train.TrainedGan;
import java.util.List;
import java.util.Optional;

/**
 * The DJL PyTorch engine, found by {@link GanTrainer#builder()} through {@link java.util.ServiceLoader}.
 * It opens a {@link DjlTrainingSession} per run for the engine-neutral training loop. Constructing it
 * loads nothing native: the engine loads when training or loading starts.
 */
public final class DjlGanTrainerProvider implements GanTrainerProvider {

    /** Creates the provider; cheap. */
    public DjlGanTrainerProvider() {}

    @Override
    public String name() {
        return "djl";
    }

    @Override
    public TrainingSession open(GanConfig config, ImageDataset data, Optional<SessionState> resumeFrom) {
        return DjlTrainingSession.open(config, data, resumeFrom);
    }

    @Override
    public TrainedGan generator(GeneratorSpec spec, List<HostTensor> parameters, Provenance provenance) {
        Engine engine = DjlEngine.get();
        NDManager manager = NDManager.newBaseManager(engine.defaultDevice(), engine.getEngineName());
        try {
            Network network = Network.withParams(spec.stack(), spec.conditioning(),
                    HostTensors.toParams(parameters, manager));
            return new DjlTrainedGan(spec, network, manager, provenance);
        } catch (RuntimeException | Error e) {
            manager.close();
            throw e;
        }
    }

    @Override
    public List<ComputeDevice> devices() {
        return Devices.available(DjlEngine.get());
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
