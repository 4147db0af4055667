package dev.gan4j.report;

import dev.gan4j.health.Diagnosis;
import dev.gan4j.health.HealthAction;
import dev.gan4j.health.HealthPolicy;
import dev.gan4j.quality.QualityReport;
import dev.gan4j.report.RunHistory.Column;
import dev.gan4j.train.GanConfig;
import dev.gan4j.train.GanLoss;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;

/** Renders the run's state as one HTML page with every image embedded as a data URI. */
final class ReportPage {

    /** How the discriminator's outputs read, per loss (docs/losses.md, "What the metrics mean for each loss"). */
    enum Family {
        /** Cross-entropy losses: D(x) and D(G(z)) are probabilities, accuracies judge the logit's sign. */
        PROBABILITY,
        /** Least squares and hinge: scores, with accuracies against a threshold. */
        SCORE,
        /** Wasserstein critics: scores without a threshold, so no accuracy; the estimate instead. */
        CRITIC,
        /** The loss is unknown (the run's start was not seen): what was measured is shown. */
        UNKNOWN;

        static Family of(GanLoss loss) {
            return loss.accept(new GanLoss.Visitor<Family>() {
                @Override public Family nonSaturating(GanLoss.NonSaturating l) { return PROBABILITY; }
                @Override public Family minimax(GanLoss.Minimax l) { return PROBABILITY; }
                @Override public Family leastSquares(GanLoss.LeastSquares l) { return SCORE; }
                @Override public Family hinge(GanLoss.Hinge l) { return SCORE; }
                @Override public Family wasserstein(GanLoss.Wasserstein l) { return CRITIC; }
                @Override public Family relativisticAverage(GanLoss.RelativisticAverage l) { return PROBABILITY; }
                @Override public Family wassersteinGp(GanLoss.WassersteinGp l) { return CRITIC; }
            });
        }
    }

    private ReportPage() {}

    static String render(RunState s, String title, int refreshSeconds, byte[] gif) throws IOException {
        Family family = s.config == null ? Family.UNKNOWN : Family.of(s.config.loss());
        StringBuilder h = new StringBuilder(1 << 20);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        if (s.status == RunState.Status.RUNNING && refreshSeconds > 0) {
            h.append("<meta http-equiv=\"refresh\" content=\"").append(refreshSeconds).append("\">\n");
        }
        h.append("<title>").append(esc(title)).append("</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n");
        h.append("<body data-status=\"").append(s.status.name().toLowerCase(Locale.ROOT)).append("\">\n");
        h.append("<h1>").append(esc(title)).append("</h1>\n");
        h.append("<p class=\"status ").append(s.status.name().toLowerCase(Locale.ROOT)).append("\">")
                .append(esc(statusLine(s))).append("</p>\n");

        samples(h, s, gif);
        List<Chart> stepCharts = stepCharts(s, family);
        List<Chart> qualityCharts = qualityCharts(s);
        h.append("<h2 id=\"training\">Training</h2>\n");
        if (stepCharts.isEmpty()) {
            h.append("<p>No step measured yet.</p>\n");
        } else {
            h.append("<p class=\"note\">Over global steps, one point per report (every <code>logEvery</code> steps).")
                    .append(s.diagnoses.isEmpty() ? "" : " Red vertical lines: health conditions raised (below).")
                    .append("</p>\n");
        }
        charts(h, stepCharts, s, "steps " + s.history.size() + ", diagnoses " + s.diagnoses.size());
        if (!qualityCharts.isEmpty()) {
            h.append("<h2 id=\"quality\">Quality</h2>\n<p class=\"note\">After the epochs the quality metric ran,"
                    + " with the same figures of held-out real images beside them: the ceiling. ")
                    .append(esc(s.quality.get(s.quality.size() - 1).classifier().describe())).append("</p>\n");
            charts(h, qualityCharts, s, "reports " + s.quality.size() + ", diagnoses " + s.diagnoses.size());
            qualityTable(h, s);
        }
        health(h, s);
        architecture(h, s);
        configuration(h, s);
        provenance(h, s);
        h.append("<p class=\"note\">Written by gan4j's RunReport at ")
                .append(Instant.now().truncatedTo(ChronoUnit.SECONDS)).append(".</p>\n");
        // Records how many images the browser decoded, for a person in the developer tools and for the
        // browser test; the page needs no script otherwise.
        h.append("<script>\nwindow.addEventListener('load', function () {\n"
                + "  var images = document.images, decoded = 0;\n"
                + "  for (var i = 0; i < images.length; i++) {\n"
                + "    if (images[i].complete && images[i].naturalWidth > 0) { decoded++; }\n"
                + "  }\n"
                + "  document.body.setAttribute('data-images-decoded', decoded + '/' + images.length);\n"
                + "});\n</script>\n");
        h.append("</body>\n</html>\n");
        return h.toString();
    }

    private static String statusLine(RunState s) {
        String where = s.epochs > 0
                ? String.format(Locale.ROOT, "epoch %d of %d, global step %d", s.epoch, s.epochs, s.globalStep)
                : String.format(Locale.ROOT, "epoch %d, global step %d", s.epoch, s.globalStep);
        double seconds = s.epochSeconds.stream().mapToDouble(Double::doubleValue).sum();
        String time = String.format(Locale.ROOT, ", %.1f s of training over %d epoch%s", seconds, s.epochSeconds.size(),
                s.epochSeconds.size() == 1 ? "" : "s");
        switch (s.status) {
            case WAITING:
                return "Waiting for training to start.";
            case RUNNING:
                return "Running: " + where + time + ". This page reloads itself while the run lasts.";
            case FINISHED:
                return "Finished: " + where + time + ".";
            case CANCELLED:
                return "Cancelled at " + where + time + ": " + s.failure;
            default:
                return "Failed at " + where + time + ": " + s.failure;
        }
    }

    private static void samples(StringBuilder h, RunState s, byte[] gif) throws IOException {
        h.append("<h2 id=\"samples\">Samples</h2>\n");
        if (s.frames.isEmpty()) {
            h.append("<p>No epoch has ended yet.</p>\n");
            return;
        }
        BufferedImage last = s.lastGrid;
        int width = scaled(last.getWidth());
        h.append("<div class=\"samples\">\n<figure><img id=\"final-grid\" class=\"pixels\" width=\"").append(width)
                .append("\" alt=\"samples after epoch ").append(s.gridEpochs.get(s.gridEpochs.size() - 1))
                .append("\" src=\"data:image/png;base64,").append(base64(png(last))).append("\">")
                .append("<figcaption>After epoch ").append(s.gridEpochs.get(s.gridEpochs.size() - 1))
                .append(", from fixed latent vectors.</figcaption></figure>\n");
        h.append("<figure><img id=\"progress\" class=\"pixels\" width=\"").append(width)
                .append("\" alt=\"samples after each epoch, animated\" data-frames=\"").append(s.frames.size())
                .append("\" src=\"data:image/gif;base64,").append(base64(gif)).append("\">")
                .append("<figcaption>The same latent vectors after each of ").append(s.frames.size())
                .append(" epochs (<code>").append(RunReport.GIF_FILE).append("</code>).</figcaption></figure>\n</div>\n");
    }

    /** Small images (28×28 digits) are shown at 2× or 3×, pixelated rather than blurred. */
    private static int scaled(int width) {
        return width < 200 ? width * 3 : width < 400 ? width * 2 : width;
    }

    private static List<Chart> stepCharts(RunState s, Family family) {
        RunHistory r = s.history;
        List<Chart> charts = new ArrayList<>();
        if (r.size() == 0) {
            return charts;
        }
        double[] x = r.steps();
        String critic = family == Family.CRITIC ? "critic" : "discriminator";
        charts.add(new Chart("losses", "Losses", "global step", family == Family.CRITIC
                ? "The critic's loss is −(D(x) − D(G(z))) (plus its penalty): its negative estimates the"
                        + " Wasserstein distance. The generator's is −D(G(z))."
                : "The " + critic + "'s loss on real plus fake images, and the generator's.")
                .line("D loss", x, r.column(Column.DISCRIMINATOR_LOSS))
                .line("G loss", x, r.column(Column.GENERATOR_LOSS)));
        charts.add(new Chart("outputs", "D(x) and D(G(z))", "global step", switch (family) {
            case PROBABILITY -> "Probabilities that real and generated images are real (before D's update).";
            case SCORE -> "The discriminator's mean scores of real and generated images (before its update).";
            case CRITIC -> "The critic's mean scores of real and generated images: only their difference means something.";
            default -> "The discriminator's mean outputs for real and generated images.";
        }).line("D(x)", x, r.column(Column.REAL_SCORE)).line("D(G(z))", x, r.column(Column.FAKE_SCORE)));
        if (family == Family.CRITIC) {
            charts.add(new Chart("estimate", "Critic's estimate D(x) − D(G(z))", "global step",
                    "A Wasserstein critic has no accuracy: its estimate of the distance between real and"
                            + " generated images should fall as the samples improve (docs/health.md).")
                    .line("D(x) − D(G(z))", x, r.criticEstimate()));
        } else {
            charts.add(new Chart("accuracy", "Accuracies and fool rate", "global step",
                    "Shares of real images D calls real and of generated ones it calls fake, and of generated"
                            + " images the updated D calls real. Healthy runs keep D's accuracy near 0.8–0.95.")
                    .line("real accuracy", x, r.column(Column.REAL_ACCURACY))
                    .line("fake accuracy", x, r.column(Column.FAKE_ACCURACY))
                    .line("fool rate", x, r.column(Column.FOOL_RATE)));
        }
        charts.add(new Chart("gradients", "Gradient norms", "global step",
                "Global L2 norms of each network's gradient before its optimiser applies it.")
                .line("G", x, r.column(Column.GENERATOR_GRADIENT_NORM))
                .line("D", x, r.column(Column.DISCRIMINATOR_GRADIENT_NORM)));
        charts.add(new Chart("diversity", "Diversity", "global step",
                "Mean L2 distance between two images of a batch: the generated one near 0 means collapse.")
                .line("generated", x, r.column(Column.FAKE_DIVERSITY))
                .line("real", x, r.column(Column.REAL_DIVERSITY)));
        if (r.measured(Column.GRADIENT_PENALTY)) {
            charts.add(new Chart("penalty", "Gradient penalty", "global step",
                    "The " + critic + "'s gradient penalty in its last penalised update.")
                    .line("penalty", x, r.column(Column.GRADIENT_PENALTY)));
        }
        List<Chart> shown = new ArrayList<>();
        for (Chart c : charts) {
            if (!c.isEmpty()) {
                for (Diagnosis d : s.diagnoses) {
                    c.marker(d.globalStep());
                }
                shown.add(c);
            }
        }
        return shown;
    }

    private static List<Chart> qualityCharts(RunState s) {
        List<Chart> charts = new ArrayList<>();
        if (s.quality.isEmpty()) {
            return charts;
        }
        double[] x = s.quality.stream().mapToDouble(QualityReport::epoch).toArray();
        charts.add(qualityChart("score", "Classifier score (higher is better)", x, s,
                q -> q.generated().classifierScore(), q -> q.real().classifierScore()));
        charts.add(qualityChart("frechet", "Fréchet distance (lower is better)", x, s,
                q -> q.generated().frechetDistance(), q -> q.real().frechetDistance()));
        charts.add(qualityChart("recognizable", "Recognizable share (higher is better)", x, s,
                q -> q.generated().recognizability(), q -> q.real().recognizability()));
        charts.removeIf(Chart::isEmpty);
        for (Chart c : charts) {
            for (Diagnosis d : s.diagnoses) {
                c.marker(d.epoch());
            }
        }
        return charts;
    }

    private static Chart qualityChart(String id, String title, double[] x, RunState s,
            ToDoubleFunction<QualityReport> generated, ToDoubleFunction<QualityReport> real) {
        return new Chart("quality-" + id, title, "epoch", "Generated samples, and held-out real images (the ceiling).")
                .dots("generated", x, s.quality.stream().mapToDouble(generated).toArray())
                .dots("real (ceiling)", x, s.quality.stream().mapToDouble(real).toArray());
    }

    /** Writes the charts, each drawn anew only if {@code drawnFrom} (what its data depends on) changed. */
    private static void charts(StringBuilder h, List<Chart> charts, RunState s, String drawnFrom) throws IOException {
        if (charts.isEmpty()) {
            return;
        }
        h.append("<div class=\"charts\">\n");
        for (Chart c : charts) {
            h.append("<figure><img class=\"chart\" id=\"chart-").append(c.id).append("\" width=\"").append(Chart.WIDTH)
                    .append("\" height=\"").append(Chart.HEIGHT).append("\" alt=\"").append(esc(c.title))
                    .append("\" data-markers=\"")
                    .append(c.markers().stream().map(m -> String.format(Locale.ROOT, "%.0f", m)).collect(Collectors.joining(",")))
                    .append("\" src=\"data:image/png;base64,").append(base64(png(c, s, drawnFrom))).append("\">")
                    .append("<figcaption>").append(esc(c.caption)).append("</figcaption></figure>\n");
        }
        h.append("</div>\n");
    }

    private static byte[] png(Chart c, RunState s, String drawnFrom) throws IOException {
        Map.Entry<String, byte[]> drawn = s.charts.get(c.id);
        if (drawn != null && drawn.getKey().equals(drawnFrom)) {
            return drawn.getValue();
        }
        byte[] png = c.png();
        s.charts.put(c.id, Map.entry(drawnFrom, png));
        return png;
    }

    private static void qualityTable(StringBuilder h, RunState s) {
        // A class-conditional generator's reports add how often the classifier agrees with the label.
        boolean conditional = s.quality.stream().anyMatch(QualityReport::isConditional);
        h.append("<table class=\"quality\">\n<tr><th>epoch</th><th>step</th><th>score</th><th>Fréchet distance</th>"
                + "<th>recognizable</th><th>classes</th><th>smallest class</th>"
                + (conditional ? "<th>conditional accuracy</th>" : "") + "</tr>\n");
        for (QualityReport q : s.quality) {
            h.append(String.format(Locale.ROOT,
                    "<tr><td>%d</td><td>%d</td><td>%.2f (real %.2f)</td><td>%.2f (real %.2f)</td>"
                            + "<td>%.1f%% (real %.1f%%)</td><td>%d/%d</td><td>%.1f%% (real %.1f%%)</td>",
                    q.epoch(), q.globalStep(), q.generated().classifierScore(), q.real().classifierScore(),
                    q.generated().frechetDistance(), q.real().frechetDistance(), 100 * q.generated().recognizability(),
                    100 * q.real().recognizability(), q.generated().classesCovered(), q.generated().classShares().size(),
                    100 * q.generated().smallestClassShare(), 100 * q.real().smallestClassShare()));
            if (conditional) {
                h.append(String.format(Locale.ROOT, "<td>%.1f%%</td>", 100 * q.conditionalAccuracy()));
            }
            h.append("</tr>\n");
        }
        h.append("</table>\n");
    }

    private static void health(StringBuilder h, RunState s) {
        h.append("<h2 id=\"health\">Health</h2>\n");
        if (s.diagnoses.isEmpty()) {
            h.append("<p class=\"healthy\">No health condition raised")
                    .append(s.config != null && s.config.health().equals(HealthPolicy.off())
                            ? " (the health monitor is off)." : ".")
                    .append("</p>\n");
            return;
        }
        h.append("<ol class=\"diagnoses\">\n");
        for (Diagnosis d : s.diagnoses) {
            h.append("<li class=\"diagnosis ").append(d.action() == HealthAction.STOP ? "stop" : "warn")
                    .append("\" data-step=\"").append(d.globalStep()).append("\"><strong>").append(esc(d.condition().label()))
                    .append("</strong> (").append(esc(d.action().name().toLowerCase(Locale.ROOT)))
                    .append(String.format(Locale.ROOT, ") at global step %d (epoch %d, step %d): ", d.globalStep(), d.epoch(),
                            d.step()))
                    .append(esc(d.evidence())).append(".<br><span class=\"advice\">Advice: ").append(esc(d.advice()))
                    .append("</span></li>\n");
        }
        h.append("</ol>\n");
    }

    private static void architecture(StringBuilder h, RunState s) {
        if (s.config == null) {
            return;
        }
        h.append("<h2 id=\"architecture\">Architecture</h2>\n<pre class=\"summary\">")
                .append(esc(s.config.generator().summary())).append("</pre>\n<pre class=\"summary\">")
                .append(esc(s.config.discriminator().summary())).append("</pre>\n");
    }

    private static void configuration(StringBuilder h, RunState s) {
        GanConfig c = s.config;
        if (c == null) {
            return;
        }
        Map<String, Object> rows = new LinkedHashMap<>();
        rows.put("loss", c.loss().describe());
        rows.put("gradient penalty", c.gradientPenalty().describe());
        rows.put("label smoothing", c.labelSmoothing().realTarget() + "/" + c.labelSmoothing().fakeTarget());
        rows.put("label flips", c.labelFlips());
        rows.put("generator optimizer", c.generatorOptimizer().describe());
        rows.put("discriminator optimizer", c.discriminatorOptimizer().describe());
        rows.put("batch size", c.batchSize());
        rows.put("epochs", c.epochs());
        rows.put("steps per epoch", s.stepsPerEpoch > 0 ? s.stepsPerEpoch : c.stepsPerEpoch());
        rows.put("discriminator steps", c.discriminatorSteps());
        rows.put("generator EMA", c.generatorEma() == 0 ? "none" : c.generatorEma());
        rows.put("augmentation", c.augmentation().describe());
        rows.put("instance noise", c.instanceNoise().describe());
        rows.put("seed", c.seed());
        rows.put("device", c.device());
        rows.put("log every", c.logEvery() + " steps");
        rows.put("health", c.health());
        rows.put("dataset size", s.datasetSize + " images");
        h.append("<h2 id=\"configuration\">Configuration</h2>\n");
        table(h, "configuration", rows);
    }

    private static void provenance(StringBuilder h, RunState s) {
        h.append("<h2 id=\"provenance\">Provenance</h2>\n");
        if (s.provenance == null) {
            h.append("<p>Recorded when the run ends normally.</p>\n");
            return;
        }
        table(h, "provenance", new LinkedHashMap<>(s.provenance.toProperties()));
    }

    private static void table(StringBuilder h, String id, Map<String, ?> rows) {
        h.append("<table class=\"settings\" id=\"").append(id).append("\">\n");
        rows.forEach((k, v) -> h.append("<tr><th>").append(esc(k)).append("</th><td>").append(esc(String.valueOf(v)))
                .append("</td></tr>\n"));
        h.append("</table>\n");
    }

    private static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(image, "png", out)) {
            throw new IOException("no PNG writer in this JDK");
        }
        return out.toByteArray();
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    static String esc(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }

    private static final String STYLE = String.join("\n",
            "body { font-family: sans-serif; margin: 1.5em auto; padding: 0 16px; max-width: 1200px; color: #222; }",
            "h1 { margin-bottom: 0.2em; } h2 { border-bottom: 1px solid #ccc; margin-top: 1.6em; }",
            ".status { font-size: 1.1em; } .status.failed, .status.cancelled { color: #b00; }",
            ".note { color: #555; } .healthy { color: #176317; }",
            ".charts, .samples { display: flex; flex-wrap: wrap; gap: 12px; }",
            "figure { margin: 0; } figcaption { max-width: 560px; font-size: 0.9em; color: #444; }",
            "img.pixels { image-rendering: pixelated; background: #000; }",
            "img.chart { border: 1px solid #eee; }",
            "li.diagnosis { margin-bottom: 0.6em; } li.stop strong { color: #b00; } li.warn strong { color: #a60; }",
            ".advice { color: #444; }",
            "pre.summary { background: #f6f6f6; padding: 0.6em; overflow-x: auto; }",
            "table { border-collapse: collapse; } th, td { border: 1px solid #ddd; padding: 3px 8px; text-align: left;",
            "  vertical-align: top; } td { white-space: pre-wrap; font-family: monospace; }",
            "");
}
