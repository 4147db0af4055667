package dev.gan4j;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;

/** Special files for tests, made in a test's own directory: tests run as root and must not touch /dev. */
public final class SpecialFiles {

    private SpecialFiles() {}

    /** Makes a FIFO at {@code path}, the stand-in for a device such as /dev/null; skips the test without mkfifo. */
    public static Path mkfifo(Path path) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder("mkfifo", path.toString()).redirectErrorStream(true).start();
        } catch (IOException noMkfifo) {
            assumeTrue(false, "mkfifo is not available: " + noMkfifo.getMessage());
            throw noMkfifo;
        }
        assumeTrue(process.waitFor() == 0, "mkfifo failed");
        return path;
    }
}
