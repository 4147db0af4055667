package dev.gan4j.cli;

import dev.gan4j.export.OnnxExportOptions;
import dev.gan4j.train.TrainedGan;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gan4j export MODEL --onnx OUT}: exports a saved generator to ONNX, following gan4j's contract. */
@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Exports a saved generator (.gan4j) to an ONNX model that runs with any ONNX runtime"
                + " (docs/onnx-contract.md)."},
        footer = {"", "Example: gan4j export gan4j-out/generator.gan4j --onnx generator.onnx --output-range unit"})
public final class ExportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL", description = "A .gan4j generator.")
    Path model;

    @Option(names = "--onnx", paramLabel = "OUT", required = true, description = "The ONNX file to write.")
    Path onnx;

    @Option(names = "--opset", paramLabel = "N", defaultValue = "" + OnnxExportOptions.DEFAULT_OPSET,
            description = "The ONNX opset, 13 to 17. Default: ${DEFAULT-VALUE}.")
    int opset;

    @Option(names = "--fixed-batch", paramLabel = "N", converter = Converters.Positive.class,
            description = "Fix the batch size (some runtimes need it). Default: dynamic.")
    Integer fixedBatch;

    @Option(names = "--output-range", paramLabel = "RANGE", defaultValue = "trained",
            description = "trained ([-1, 1]) or unit ([0, 1]). Default: ${DEFAULT-VALUE}.")
    String outputRange;

    @Override
    public Integer call() throws IOException {
        OnnxExportOptions options;
        try {
            OnnxExportOptions.Builder b = OnnxExportOptions.builder().opset(opset).outputRange(range(outputRange));
            if (fixedBatch != null) {
                b.fixedBatchSize(fixedBatch);
            }
            options = b.build();
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        try (TrainedGan gan = TrainedGan.load(model)) {
            gan.exportOnnx(onnx, options);
        }
        PrintWriter printer = spec.commandLine().getOut();
        printer.println("exported " + model + " to " + onnx.toAbsolutePath() + " (" + options + ")");
        printer.flush();
        return Gan4jCommand.OK;
    }

    private static OnnxExportOptions.OutputRange range(String name) {
        switch (name) {
            case "trained":
                return OnnxExportOptions.OutputRange.TRAINED;
            case "unit":
                return OnnxExportOptions.OutputRange.UNIT;
            default:
                throw new IllegalArgumentException("--output-range must be trained or unit, got " + name);
        }
    }
}
