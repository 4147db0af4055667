package dev.gan4j.cli;

import ai.onnxruntime.OrtException;
import dev.gan4j.examples.onnx.OnnxGenerator;
import dev.gan4j.export.OnnxContract;
import dev.gan4j.internal.checkpoint.CheckpointDirectory;
import dev.gan4j.internal.checkpoint.CheckpointFile;
import dev.gan4j.internal.checkpoint.CheckpointState;
import dev.gan4j.internal.io.GeneratorFile;
import dev.gan4j.spec.GeneratorSpec;
import dev.gan4j.spi.HostTensor;
import dev.gan4j.train.Provenance;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code gan4j inspect FILE}: what a saved generator ({@code .gan4j}), a checkpoint (a file, or the
 * newest in a directory) or an ONNX export holds: its architecture, its contract (latent size and
 * distribution, image shape, output range), its provenance (recipe, seed, steps, loss, data, engine,
 * versions) and whether it reads back whole. A file that fails its checks is a failed run (exit 1).
 */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = {"Shows the spec, contract, provenance and integrity of a saved generator (.gan4j), a"
                + " checkpoint (file or directory) or an ONNX export (.onnx)."},
        footer = {"", "Example: gan4j inspect gan4j-out/generator.onnx"})
public final class InspectCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE",
            description = "A .gan4j generator, a checkpoint file or directory, or a .onnx export.")
    Path file;

    @Override
    public Integer call() throws IOException, OrtException {
        PrintWriter out = spec.commandLine().getOut();
        if (Files.isDirectory(file)) {
            checkpointDirectory(out);
        } else if (GenerateCommand.isOnnx(file)) {
            onnx(out);
        } else if (CheckpointFile.runOf(file).isPresent()) {
            checkpoint(file, out);
        } else {
            generator(out);
        }
        out.flush();
        return Gan4jCommand.OK;
    }

    private void generator(PrintWriter out) throws IOException {
        GeneratorFile.Loaded loaded = GeneratorFile.read(file);
        out.printf(Locale.ROOT, "gan4j generator: %s (%,d bytes)%n", file, Files.size(file));
        out.printf(Locale.ROOT, "integrity: read whole; spec, provenance and %d parameter tensors (%,d values)%n",
                loaded.parameters().size(), values(loaded.parameters()));
        contract(loaded.spec(), out);
        out.println("spec:");
        out.println(indent(loaded.spec().summary()));
        provenance(loaded.provenance(), out);
    }

    private void checkpointDirectory(PrintWriter out) throws IOException {
        List<CheckpointDirectory.Entry> entries = CheckpointDirectory.list(file);
        if (entries.isEmpty()) {
            throw new IOException(file + " holds no checkpoint (checkpoint-*.ckpt)");
        }
        out.printf(Locale.ROOT, "checkpoint directory: %s, %d checkpoints, steps %s%n", file, entries.size(),
                entries.stream().map(e -> Long.toString(e.step())).toList());
        checkpoint(entries.get(entries.size() - 1).file(), out);
    }

    private void checkpoint(Path checkpoint, PrintWriter out) throws IOException {
        CheckpointFile.Contents c = CheckpointFile.read(checkpoint);
        CheckpointState.Progress p = c.state().progress();
        out.printf(Locale.ROOT, "gan4j checkpoint: %s (%,d bytes)%n", checkpoint, Files.size(checkpoint));
        out.printf(Locale.ROOT, "integrity: every entry matches the manifest's checksums; %d generator and %d"
                + " discriminator tensors (%,d values)%n", c.state().generator().size(), c.state().discriminator().size(),
                values(c.state().generator()) + values(c.state().discriminator()));
        out.printf(Locale.ROOT, "run %s at global step %d (epoch %d, step %d of %d); data: %d images, fingerprint"
                + " %08x%n", c.runId().isEmpty() ? "(unnamed, gan4j 0.1.0)" : c.runId(), p.globalStep(), p.epoch(),
                p.stepInEpoch(), p.stepsPerEpoch(), c.state().data().size(), c.state().data().fingerprint());
        contract(c.generator(), out);
        out.println("spec:");
        out.println(indent(c.generator().summary()));
        out.println(indent(c.discriminator().summary()));
        out.println("settings:");
        Properties settings = c.settings();
        new TreeMap<>(settings).forEach((k, v) -> out.println("  " + k + " = " + v));
    }

    private void onnx(PrintWriter out) throws IOException, OrtException {
        try (OnnxGenerator generator = OnnxGenerator.open(file)) {
            Map<String, String> m = new TreeMap<>(generator.metadata());
            out.printf(Locale.ROOT, "ONNX model: %s (%,d bytes)%n", file, Files.size(file));
            out.printf(Locale.ROOT, "integrity: loads in onnxruntime; input %s and output %s present; gan4j contract %s%n",
                    OnnxContract.INPUT, OnnxContract.OUTPUT, m.get(OnnxContract.KEY_CONTRACT_VERSION));
            out.printf(Locale.ROOT, "contract: latent %s ~ %s -> image %s %s in %s, batch %s, producer %s%n",
                    m.get(OnnxContract.KEY_LATENT_DIM), m.get(OnnxContract.KEY_LATENT_DISTRIBUTION),
                    m.get(OnnxContract.KEY_IMAGE_SHAPE), m.get(OnnxContract.KEY_LAYOUT),
                    m.get(OnnxContract.KEY_OUTPUT_RANGE),
                    generator.fixedBatch() > 0 ? Long.toString(generator.fixedBatch()) : "dynamic",
                    m.get(OnnxContract.KEY_PRODUCER));
            if (generator.classes() > 0) {
                out.printf(Locale.ROOT, "conditional: inputs %s, label int64 [batch] in [0, %d)%n",
                        m.get("gan4j.inputs"), generator.classes());
            }
            out.println("spec:");
            out.println(indent(String.valueOf(m.get(OnnxContract.KEY_SPEC)).strip()));
            out.println("provenance:");
            m.forEach((k, v) -> {
                if (k.startsWith(OnnxContract.TRAINING_PREFIX)) {
                    out.println("  " + k.substring(OnnxContract.TRAINING_PREFIX.length()) + " = " + v);
                }
            });
        }
    }

    private static void contract(GeneratorSpec spec, PrintWriter out) {
        out.printf(Locale.ROOT, "contract: latent %d ~ %s -> image %s%n", spec.latentDim(), OnnxContract.NORMAL,
                spec.outputShape());
    }

    private static void provenance(Provenance provenance, PrintWriter out) {
        out.println("provenance:");
        new TreeMap<>(provenance.toProperties()).forEach((k, v) -> out.println("  " + k + " = " + v));
    }

    private static long values(List<HostTensor> tensors) {
        return tensors.stream().mapToLong(t -> t.values().length).sum();
    }

    private static String indent(String text) {
        return "  " + text.replace("\n", "\n  ");
    }
}
