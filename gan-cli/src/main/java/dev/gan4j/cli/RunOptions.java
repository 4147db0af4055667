package dev.gan4j.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** What {@code train} and {@code resume} share besides the data: where outputs go, and the health monitor. */
final class RunOptions {

    /** The output directory. */
    @Option(names = "--out", paramLabel = "DIR", defaultValue = "gan4j-out",
            description = "Where the grids, metrics, generator and ONNX file go. Default: ${DEFAULT-VALUE}.")
    Path out;

    /** Whether the health monitor runs; off is {@code HealthPolicy.off()}. */
    @Option(names = "--health", paramLabel = "on|off", defaultValue = "on",
            description = "The health monitor (a diverging run stops). Default: ${DEFAULT-VALUE}.")
    Switch health;
}
