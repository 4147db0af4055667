package dev.gan4j.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.gan4j.export.OnnxExportOptions;
import dev.gan4j.train.TrainedGan;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every exported model passes the ONNX project's own validator, {@code onnx.checker.check_model(model,
 * full_check=True)} (which also runs shape inference), from Debian's {@code python3-onnx}: every layer
 * kind and export option, and a class-conditional generator's contract-2 model.
 *
 * <p>Without the checker the test fails and says how to install it; {@code -Dgan4j.onnxChecker=skip}
 * turns the failure into a loudly reported skip. Slow: it runs the checker in a Python process, so
 * {@code mvn test} needs neither Python nor {@code python3-onnx}; {@code mvn verify} runs it.
 */
@Slow
class OnnxCheckerTest {

    private static final String SCRIPT = String.join("\n",
            "import sys, onnx",
            "print('onnx', onnx.__version__)",
            "bad = 0",
            "for path in sys.argv[1:]:",
            "    try:",
            "        onnx.checker.check_model(onnx.load(path), full_check=True)",
            "        print('OK', path)",
            "    except Exception as e:",
            "        bad += 1",
            "        print('FAIL', path, type(e).__name__, e)",
            "sys.exit(1 if bad else 0)",
            "");

    @TempDir
    Path dir;

    @Test
    void everyExportedModelPassesOnnxFullCheck() throws Exception {
        String python = pythonWithOnnx();
        List<String> command = new ArrayList<>(List.of(python, "-c", SCRIPT));
        int n = 0;
        List<ExportCases.Case> cases = new ArrayList<>(ExportCases.all());
        cases.addAll(ExportCases.transposedConvolutions());
        for (ExportCases.Case c : cases) {
            Path model = dir.resolve(String.format("%02d-%s.onnx", n++, c.name().replaceAll("[^A-Za-z0-9]+", "-")));
            try (DjlTrainedGan gan = RandomGenerators.of(c.spec(), n)) {
                gan.exportOnnx(model, c.options());
            }
            command.add(model.toString());
        }
        // Contract 2: a class-conditional generator's label input, Gather and Concat.
        Path conditional = dir.resolve(String.format("%02d-conditional.onnx", n++));
        try (TrainedGan gan = ConditionalRunTest.builder(dir.resolve("run")).epochs(1).stepsPerEpoch(2).build()
                .train(ConditionalNetworkTest.data(40, 4))) {
            gan.exportOnnx(conditional, OnnxExportOptions.defaults());
        }
        command.add(conditional.toString());

        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        System.out.println("onnx.checker.check_model(full_check=True) on " + n + " exported models:\n" + output);

        assertThat(output).doesNotContain("FAIL");
        assertThat(output.lines().filter(l -> l.startsWith("OK "))).hasSize(n);
        assertThat(process.exitValue()).isZero();
    }

    /** Returns a Python that can import onnx, or fails (or skips, when asked to) saying how to get one. */
    private static String pythonWithOnnx() throws IOException, InterruptedException {
        String configured = System.getProperty("gan4j.python");
        List<String> candidates = configured != null ? List.of(configured) : List.of("/usr/bin/python3", "python3");
        for (String python : candidates) {
            if (python.startsWith("/") && !Files.isExecutable(Path.of(python))) {
                continue;
            }
            try {
                Process p = new ProcessBuilder(python, "-c", "import onnx").redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                if (p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0) {
                    return python;
                }
            } catch (IOException notThere) {
                // try the next one
            }
        }
        String message = "ONNX CHECKER NOT RUN: no Python with the onnx package among " + candidates
                + ". Install it with `apt-get install -y python3-onnx` (what .ci/run does), or point"
                + " -Dgan4j.python at a Python that has onnx.";
        if ("skip".equals(System.getProperty("gan4j.onnxChecker"))) {
            System.err.println("\n*** " + message + " Skipped because -Dgan4j.onnxChecker=skip. ***\n");
            Assumptions.abort(message);
        }
        return fail(message + " To skip this check deliberately, pass -Dgan4j.onnxChecker=skip.");
    }
}
