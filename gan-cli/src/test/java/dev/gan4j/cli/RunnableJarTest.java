package dev.gan4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The runnable jar in a child JVM. It runs in mvn verify's slow phase, after package, and only with
 * -Pcli-jar, which builds the jar and names it in {@code gan4j.cli.jar}; otherwise it is skipped.
 */
@Tag("slow")
class RunnableJarTest {

    @Test
    void theJarRunsTheCommandAndPrintsItsHelp() throws IOException, InterruptedException {
        String jar = System.getProperty("gan4j.cli.jar", "");
        assumeTrue(!jar.isEmpty(), "the runnable jar is built with -Pcli-jar only");
        assertThat(Path.of(jar)).isRegularFile();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");

        Process p = new ProcessBuilder(java.toString(), "-jar", jar, "--help").redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        assertThat(output).contains("Usage: gan4j", "train", "generate", "inspect");
    }
}
