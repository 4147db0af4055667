package dev.gan4j.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The written report in a real browser: Debian's {@code chromium}, headless, loads {@code report.html}
 * from a {@code file://} URL with no console message (an uncaught script error is one), decodes every
 * image (the page's load handler writes the count into {@code data-images-decoded}, which {@code
 * --dump-dom} shows), and takes a screenshot. Two more tests prove that each check can fail: a page with
 * a script error, and the report with one chart's PNG cut short.
 *
 * <p>Without chromium the tests fail saying how to install it ({@code tools/install-test-tools}, or
 * {@code apt-get install chromium}); {@code -Dgan4j.browser=skip} turns that into a loudly reported skip.
 * {@code -Dgan4j.chromium=PATH} names another binary. Slow: a browser starts for each.
 */
@Slow
class BrowserTest {

    private static final Pattern DECODED = Pattern.compile("data-images-decoded=\"(\\d+)/(\\d+)\"");
    private static final Pattern CONSOLE = Pattern.compile(":CONSOLE[^\\]]*\\]\\s*(.*)");

    private static String chromium;
    /** The report every test opens (or breaks a copy of), written once. */
    private static String reportHtml;

    @TempDir
    Path dir;

    /** Per test, so that without chromium each test is reported failed, or skipped when asked. */
    @BeforeEach
    void findChromium() throws InterruptedException {
        if (chromium == null) {
            chromium = chromiumOrFail();
        }
    }

    @BeforeAll
    static void writeAReport(@TempDir Path shared) throws IOException {
        Path out = shared.resolve("run");
        RunEvents.nonSaturating(4).diagnoseAt(55).run(RunReport.builder(out).title("browser test").build());
        reportHtml = Files.readString(out.resolve(RunReport.REPORT_FILE), StandardCharsets.UTF_8);
    }

    /** What chromium said about a page: the DOM after its load event, and its console messages. */
    private record Load(String dom, List<String> console) {
        String decoded() {
            Matcher m = DECODED.matcher(dom);
            return m.find() ? m.group(1) + "/" + m.group(2) : "no data-images-decoded in the DOM";
        }
    }

    private Path report() throws IOException {
        Path page = dir.resolve(RunReport.REPORT_FILE);
        Files.writeString(page, reportHtml, StandardCharsets.UTF_8);
        return page;
    }

    @Test
    void theReportLoadsWithoutConsoleMessagesDecodesEveryImageAndScreenshots() throws Exception {
        Path page = report();
        String html = Files.readString(page, StandardCharsets.UTF_8);
        int images = html.split("<img ", -1).length - 1;

        Load load = load(page);
        Path shot = screenshot(page);

        assertThat(load.console()).as("console messages of %s", page).isEmpty();
        // 8 charts, the final grid and the progress GIF.
        assertThat(images).isEqualTo(10);
        assertThat(load.decoded()).isEqualTo(images + "/" + images);
        assertThat(load.dom()).contains("<h1>browser test</h1>");
        BufferedImage screenshot = ImageIO.read(shot.toFile());
        assertThat(screenshot.getWidth()).isEqualTo(1280);
        assertThat(screenshot.getHeight()).isEqualTo(2000);
        // Keep it where a person can look at it after the build.
        Path kept = Path.of("target", "browser-test", "report.png");
        Files.createDirectories(kept.getParent());
        Files.copy(shot, kept, StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void theConsoleCheckCatchesAPageWithAScriptError() throws Exception {
        Path page = dir.resolve("broken.html");
        Files.writeString(page, "<!DOCTYPE html><html><head><title>broken</title></head><body><p>x</p>"
                + "<script>undefinedFunction();</script></body></html>");

        assertThat(load(page).console()).singleElement().asString()
                .contains("Uncaught ReferenceError: undefinedFunction is not defined");
    }

    @Test
    void theImageCheckCatchesAChartThatDoesNotDecode() throws Exception {
        Path page = report();
        String html = Files.readString(page, StandardCharsets.UTF_8);
        // The PNG signature alone: a data URI the browser cannot decode.
        String cut = html.replaceFirst("(id=\"chart-losses\"[^>]*src=\"data:image/png;base64,)[A-Za-z0-9+/=]+\"",
                "$1iVBORw0KGgo=\"");
        assertThat(cut).isNotEqualTo(html);
        Files.writeString(page, cut, StandardCharsets.UTF_8);

        assertThat(load(page).decoded()).isEqualTo("9/10");
    }

    private Load load(Path page) throws IOException, InterruptedException {
        Path log = dir.resolve("chromium-" + System.nanoTime() + ".log");
        Path dom = dir.resolve("dom-" + System.nanoTime() + ".html");
        run(List.of("--enable-logging=stderr", "--v=0", "--virtual-time-budget=5000", "--dump-dom",
                page.toUri().toString()), dom, log);
        List<String> console = new ArrayList<>();
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            Matcher m = CONSOLE.matcher(line);
            if (m.find()) {
                console.add(m.group(1));
            }
        }
        return new Load(Files.readString(dom, StandardCharsets.UTF_8), console);
    }

    private Path screenshot(Path page) throws IOException, InterruptedException {
        Path shot = dir.resolve("screenshot.png");
        run(List.of("--window-size=1280,2000", "--hide-scrollbars", "--screenshot=" + shot, page.toUri().toString()),
                dir.resolve("screenshot.out"), dir.resolve("screenshot.log"));
        assertThat(shot).as("chromium's screenshot").exists();
        return shot;
    }

    private void run(List<String> arguments, Path stdout, Path stderr) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(chromium, "--headless", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--disable-extensions", "--user-data-dir=" + Files.createTempDirectory(dir, "profile")));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("chromium did not finish in 120 s: " + command);
        }
        assertThat(process.exitValue()).as("chromium's exit code; its log:\n%s", Files.readString(stderr)).isZero();
    }

    /** Returns a chromium that runs, or fails (or skips, when asked to) saying how to get one. */
    private static String chromiumOrFail() throws InterruptedException {
        String configured = System.getProperty("gan4j.chromium");
        List<String> candidates = configured != null ? List.of(configured) : List.of("/usr/bin/chromium", "chromium");
        for (String candidate : candidates) {
            if (candidate.startsWith("/") && !new File(candidate).canExecute()) {
                continue;
            }
            try {
                Process p = new ProcessBuilder(candidate, "--version").redirectErrorStream(true).start();
                String version = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0 && version.contains("Chromium")) {
                    return candidate;
                }
            } catch (IOException notThere) {
                // try the next one
            }
        }
        String message = "BROWSER TEST NOT RUN: no headless Chromium among " + candidates + ". Install Debian's with"
                + " `tools/install-test-tools` (what .ci/run does) or `apt-get install -y chromium`, or point"
                + " -Dgan4j.chromium at one.";
        if ("skip".equals(System.getProperty("gan4j.browser"))) {
            System.err.println("\n*** " + message + " Skipped because -Dgan4j.browser=skip. ***\n");
            Assumptions.abort(message);
        }
        return fail(message + " To skip this check deliberately, pass -Dgan4j.browser=skip.");
    }
}
