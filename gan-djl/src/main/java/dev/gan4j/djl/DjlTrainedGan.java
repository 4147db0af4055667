package dev.gan4j.djl;

import ai.djl.ndarray.NDManager;
import dev.gan4j.export.OnnxExportOptions;
import dev.gan4j.image.ImageBatch;
import dev.gan4j.internal.io.GeneratorFile;
import dev.gan4j.internal.onnx.OnnxExporter;
import dev.gan4j.spec.GeneratorSpec;
import dev.gan4j.train.Provenance;
import dev.gan4j.train.TrainedGan;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

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
        Objects.requireNonNull(file, "file");
        checkOpen();
        GeneratorFile.write(file, spec(), HostTensors.ofAll(network().params()), provenance);
    }

    @Override
    public void exportOnnx(Path file, OnnxExportOptions options) throws IOException {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(options, "options");
        checkOpen();
        OnnxExporter.write(file, spec(), HostTensors.ofAll(network().params()), provenance, options);
    }

    @Override
    public ImageBatch generate(float[] latents) {
        checkOpen();
        return super.generate(latents);
    }

    @Override
    public ImageBatch generate(float[] latents, int[] labels) {
        checkOpen();
        return super.generate(latents, labels);
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
