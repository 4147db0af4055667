package dev.gan4j.djl;

import ai.djl.ndarray.NDManager;
import dev.gan4j.image.ImageBatch;
import dev.gan4j.spec.GeneratorSpec;
import dev.gan4j.train.Provenance;
import dev.gan4j.train.TrainedGan;
import java.io.IOException;
import java.nio.file.Path;

/** A trained generator that owns its parameters' native memory. */
final class DjlTrainedGan extends DjlGenerator implements TrainedGan {

    private final Provenance provenance;
    private boolean closed;

    DjlTrainedGan(GeneratorSpec spec, Network network, NDManager manager, Provenance provenance) {
        super(spec, network, manager);
        this.provenance = provenance;
    }

    @Override
    public Provenance provenance() {
        return provenance;
    }

    @Override
    public void save(Path file) throws IOException {
        checkOpen();
        GeneratorFile.write(file, spec(), network().params(), provenance);
    }

    @Override
    public ImageBatch generate(float[] latents) {
        checkOpen();
        return super.generate(latents);
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("this TrainedGan is closed");
        }
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            manager().close();
        }
    }
}
