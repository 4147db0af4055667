package dev.gan4j.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gan4j.health.Diagnosis;
import dev.gan4j.quality.QualityReport;
import dev.gan4j.train.GanConfig;
import dev.gan4j.train.GanLoss;
import dev.gan4j.train.Provenance;
import dev.gan4j.train.TrainingCancelledException;
import dev.gan4j.train.listener.EpochSummary;
import dev.gan4j.train.listener.StepMetrics;
import dev.gan4j.train.listener.TrainingListener;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The page RunReport writes from a run's events, engine-neutral: what it shows, and how it is written. */
class RunReportTest {

    private static final Pattern CHART = Pattern.compile(
            "<img class=\"chart\" id=\"chart-([a-z-]+)\" [^>]*data-markers=\"([0-9,]*)\" src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\">");

    @TempDir
    Path dir;

    private String page() throws IOException {
        return Files.readString(dir.resolve("report.html"), StandardCharsets.UTF_8);
    }

    /** The charts of the page by id: their decoded images and markers. */
    private static List<String[]> charts(String html) {
        List<String[]> charts = new ArrayList<>();
        Matcher m = CHART.matcher(html);
        while (m.find()) {
            charts.add(new String[] {m.group(1), m.group(2), m.group(3)});
        }
        return charts;
    }

    private static BufferedImage decode(String base64) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(base64)));
    }

    @Test
    void showsEveryChartOfACrossEntropyRunAsDecodablePngs() throws IOException {
        RunEvents.nonSaturating(4).run(RunReport.into(dir));

        String html = page();
        List<String[]> charts = charts(html);
        assertThat(charts).extracting(c -> c[0]).containsExactly("losses", "outputs", "accuracy", "gradients",
                "diversity", "quality-score", "quality-frechet", "quality-recognizable");
        for (String[] c : charts) {
            BufferedImage image = decode(c[2]);
            assertThat(image).as(c[0]).isNotNull();
            assertThat(image.getWidth()).as(c[0]).isEqualTo(Chart.WIDTH);
            assertThat(image.getHeight()).as(c[0]).isEqualTo(Chart.HEIGHT);
        }
        assertThat(html).contains("Probabilities that real and generated images are real")
                .contains("held-out real images (the ceiling)")
                .contains("<td>4</td><td>160</td><td>5.00 (real 9.60)</td>")
                .contains("id=\"final-grid\"", "id=\"progress\"")
                .contains("Generator (dcgan), latent 16", "Discriminator (dcgan)")
                .contains("<tr><th>loss</th><td>nonSaturating</td></tr>")
                .contains("<tr><th>dataset size</th><td>9000 images</td></tr>")
                .contains("<tr><th>run_id</th><td>3f2a9c1b-0000-4000-8000-000000000001</td></tr>")
                .contains("Finished: epoch 4 of 4, global step 160")
                .doesNotContain("http-equiv=\"refresh\"")
                .startsWith("<!DOCTYPE html>").endsWith("</html>\n");
    }

    @Test
    void aConditionalGeneratorsQualityTableHasItsConditionalAccuracy() throws IOException {
        RunEvents.nonSaturating(4).conditionalAccuracy(0.875).run(RunReport.into(dir));
        assertThat(page()).contains("<th>conditional accuracy</th>").contains("<td>87.5%</td></tr>");

        RunEvents.nonSaturating(4).run(RunReport.into(dir));
        assertThat(page()).doesNotContain("conditional accuracy");
    }

    @Test
    void aWassersteinCriticShowsItsEstimateAndPenaltyInsteadOfAccuracies() throws IOException {
        new RunEvents(GanLoss.wassersteinGp(), 2, 40, 5, 0).run(RunReport.into(dir));

        String html = page();
        assertThat(charts(html)).extracting(c -> c[0])
                .containsExactly("losses", "outputs", "estimate", "gradients", "diversity", "penalty");
        assertThat(html).contains("A Wasserstein critic has no accuracy")
                .contains("The critic's loss is −(D(x) − D(G(z)))")
                .contains("<tr><th>gradient penalty</th><td>wganGp(lambda=10.0)</td></tr>")
                .doesNotContain("id=\"quality\"");
    }

    @Test
    void healthConditionsAreListedAndMarkedOnEveryChartWhereRaised() throws IOException {
        RunEvents.nonSaturating(4).diagnoseAt(55).diagnoseAt(120).run(RunReport.into(dir));

        String html = page();
        for (String[] c : charts(html)) {
            assertThat(c[1]).as(c[0]).isEqualTo(c[0].startsWith("quality") ? "2,3" : "55,120");
        }
        assertThat(html).contains("<li class=\"diagnosis warn\" data-step=\"55\"><strong>discriminator overpowering"
                        + "</strong> (warn) at global step 55 (epoch 2, step 15): the discriminator's accuracy averaged"
                        + " 0.998 over steps 35-55, above 0.95.")
                .contains("Advice: The discriminator wins too easily")
                .contains("Red vertical lines: health conditions raised");
        // The markers are drawn: the losses chart has a column of the marker's red, absent without them.
        BufferedImage marked = decode(charts(html).get(0)[2]);
        RunEvents.nonSaturating(4).run(RunReport.into(dir));
        BufferedImage unmarked = decode(charts(page()).get(0)[2]);
        assertThat(markerPixels(marked)).isGreaterThan(2 * Chart.HEIGHT / 3);
        assertThat(markerPixels(unmarked)).isZero();
    }

    private static int markerPixels(BufferedImage image) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int r = (rgb >> 16) & 0xFF;
                int g = (rgb >> 8) & 0xFF;
                int b = rgb & 0xFF;
                if (Math.abs(r - Chart.MARKER.getRed()) < 12 && Math.abs(g - Chart.MARKER.getGreen()) < 12
                        && Math.abs(b - Chart.MARKER.getBlue()) < 12) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    void theProgressGifHasOneFramePerEpochLoopsForeverAndIsEmbedded() throws IOException {
        RunReport report = RunReport.builder(dir).frameMillis(250).build();
        RunEvents.nonSaturating(5).run(report);

        byte[] gif = Files.readAllBytes(report.gifFile());
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(gif))) {
            ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
            reader.setInput(in);
            assertThat(reader.getNumImages(true)).isEqualTo(5);
            IIOMetadataNode first = (IIOMetadataNode) reader.getImageMetadata(0).getAsTree("javax_imageio_gif_image_1.0");
            IIOMetadataNode loop = (IIOMetadataNode) first.getElementsByTagName("ApplicationExtension").item(0);
            assertThat(loop.getAttribute("applicationID")).isEqualTo("NETSCAPE");
            assertThat(loop.getAttribute("authenticationCode")).isEqualTo("2.0");
            assertThat((byte[]) loop.getUserObject()).containsExactly(1, 0, 0);
            IIOMetadataNode control = (IIOMetadataNode) first.getElementsByTagName("GraphicControlExtension").item(0);
            assertThat(control.getAttribute("delayTime")).isEqualTo("25");
            BufferedImage frame = reader.read(0);
            // 8 columns of 28-pixel samples with 2-pixel borders.
            assertThat(frame.getWidth()).isEqualTo(8 * 30 + 2);
            assertThat(reader.read(0)).isNotNull();
            assertThat(pixelsDiffer(reader.read(0), reader.read(4))).as("epoch 1 and 5 differ").isTrue();
            // The grey samples keep their exact greys: the last frame is the page's final grid.
            Matcher grid = Pattern.compile("id=\"final-grid\"[^>]*src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"")
                    .matcher(page());
            assertThat(grid.find()).isTrue();
            assertThat(pixelsDiffer(reader.read(4), decode(grid.group(1)))).as("last frame vs final grid").isFalse();
            reader.dispose();
        }
        assertThat(page()).contains("data-frames=\"5\"").contains("data:image/gif;base64," + Base64.getEncoder().encodeToString(gif));
    }

    private static boolean pixelsDiffer(BufferedImage a, BufferedImage b) {
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                if (a.getRGB(x, y) != b.getRGB(x, y)) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void writesThePageAtEachEpochEndSoARunCanBeWatched() throws IOException {
        RunEvents run = RunEvents.nonSaturating(4);
        run.runEpochs(RunReport.into(dir), 1);

        String html = page();
        assertThat(html).contains("Running: epoch 1 of 4, global step 40")
                .contains("<meta http-equiv=\"refresh\" content=\"30\">")
                .contains("data-frames=\"1\"")
                .contains("Recorded when the run ends normally.");
        assertThat(RunReport.builder(dir).refreshSeconds(0).build()).satisfies(r -> {
            run.runEpochs(r, 1);
            assertThat(page()).doesNotContain("http-equiv");
        });
    }

    @Test
    void aCancelledOrFailedRunSaysHowItEnded() throws IOException {
        RunReport report = RunReport.into(dir);
        RunEvents run = RunEvents.nonSaturating(4);
        run.runEpochs(report, 2);
        report.onTrainingFailed(new TrainingCancelledException(80, null, new InterruptedException()));
        assertThat(page()).contains("<body data-status=\"cancelled\">").contains("Cancelled at epoch 2 of 4, global step 80");

        run.runEpochs(report, 1);
        report.onTrainingFailed(new IllegalStateException("engine failure at epoch 1"));
        assertThat(page()).contains("Failed at epoch 1 of 4, global step 40")
                .contains(": IllegalStateException: engine failure at epoch 1");
    }

    @Test
    void replacesThePageAtomicallySoAReaderNeverSeesHalfAFile() throws Exception {
        RunEvents run = RunEvents.nonSaturating(6);
        AtomicBoolean done = new AtomicBoolean();
        AtomicInteger reads = new AtomicInteger();
        List<String> torn = new ArrayList<>();
        Thread reader = new Thread(() -> {
            Path file = dir.resolve("report.html");
            while (!done.get()) {
                try {
                    if (Files.exists(file)) {
                        String html = Files.readString(file, StandardCharsets.UTF_8);
                        reads.incrementAndGet();
                        if (!html.startsWith("<!DOCTYPE html>") || !html.endsWith("</html>\n")) {
                            torn.add(html.length() + " chars");
                        }
                    }
                    Thread.sleep(2);
                } catch (IOException e) {
                    torn.add(e.toString());
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        reader.start();
        run.run(RunReport.into(dir));
        done.set(true);
        reader.join();

        assertThat(torn).isEmpty();
        assertThat(reads.get()).isGreaterThan(0);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("report.html", "progress.gif");
        }
    }

    @Test
    void failsNamingTheEpochAndTheFileWhenThePageCannotBeWritten() throws IOException {
        Path blocked = dir.resolve("out");
        Files.createDirectories(blocked.resolve("report.html"));

        assertThatThrownBy(() -> RunEvents.nonSaturating(2).run(RunReport.into(blocked)))
                .isInstanceOf(java.io.UncheckedIOException.class)
                .hasMessage("run report after epoch 1: " + blocked.resolve("report.html").toAbsolutePath()
                        + " is a directory, not a regular file; choose a file path");
    }

    @Test
    void rejectsImpossibleSettingsNamingTheValue() {
        assertThatThrownBy(() -> RunReport.into(null)).isInstanceOf(NullPointerException.class).hasMessage("dir");
        assertThatThrownBy(() -> RunReport.builder(dir).samples(0, 8)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("samples count must be in [1, 1024], got 0");
        assertThatThrownBy(() -> RunReport.builder(dir).samples(16, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("samples columns must be >= 1, got 0");
        assertThatThrownBy(() -> RunReport.builder(dir).frameMillis(5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("frameMillis must be in [10, 60000], got 5");
        assertThatThrownBy(() -> RunReport.builder(dir).refreshSeconds(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("refreshSeconds must be >= 0, got -1");
        assertThatThrownBy(() -> RunReport.builder(dir).title(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("title");
    }

    /**
     * The figure docs/run-report.md gives: the page of a 36-epoch run the size of TrainMnist's default
     * (281 steps an epoch, a report every 10 steps, quality every 6 epochs) rewritten after its last
     * epoch, with every chart and the GIF of 36 frames drawn anew; the rewrites for the quality report
     * and the run's end that follow reuse them.
     */
    @Test
    @Slow
    void writingThePageOfA36EpochRunTakesAFractionOfASecond() throws IOException {
        RunReport report = RunReport.into(dir);
        double[] epochWrite = new double[1];
        double[] endWrite = new double[1];
        TrainingListener timed = new TrainingListener() {
            @Override public void onTrainingStart(GanConfig config, int datasetSize) {
                report.onTrainingStart(config, datasetSize);
            }
            @Override public void onEpochStart(int epoch, int stepsPerEpoch) {
                report.onEpochStart(epoch, stepsPerEpoch);
            }
            @Override public void onStep(StepMetrics metrics) {
                report.onStep(metrics);
            }
            @Override public void onHealth(Diagnosis diagnosis) {
                report.onHealth(diagnosis);
            }
            @Override public void onEpochEnd(EpochSummary summary) {
                report.onEpochEnd(summary);
                epochWrite[0] = report.lastWriteMillis();
            }
            @Override public void onQuality(QualityReport quality) {
                report.onQuality(quality);
            }
            @Override public void onTrainingEnd(Provenance provenance) {
                report.onTrainingEnd(provenance);
                endWrite[0] = report.lastWriteMillis();
            }
        };
        new RunEvents(GanLoss.nonSaturating(), 36, 281, 10, 6).diagnoseAt(4000).run(timed);

        System.out.printf(Locale.ROOT, "RunReport: page of a 36-epoch run (%d bytes, GIF %d bytes) written after epoch 36"
                + " in %.0f ms, at the run's end in %.0f ms%n", Files.size(report.file()), Files.size(report.gifFile()),
                epochWrite[0], endWrite[0]);
        assertThat(epochWrite[0]).isPositive().isLessThan(5000);
        assertThat(endWrite[0]).isPositive().isLessThan(epochWrite[0]);
        assertThat(page()).contains("data-frames=\"36\"").contains("Finished: epoch 36 of 36, global step 10116");
    }
}
