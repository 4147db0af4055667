package dev.gan4j.train.listener;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gan4j.health.Diagnosis;
import dev.gan4j.health.HealthAction;
import dev.gan4j.health.HealthCondition;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import dev.gan4j.spec.DiscriminatorSpec;
import dev.gan4j.spec.GeneratorSpec;
import dev.gan4j.train.GanTrainer;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final ProgressBar bar = ProgressBar.lines(new PrintStream(bytes, true, StandardCharsets.UTF_8));

    private static StepMetrics metrics(int step, int stepsPerEpoch) {
        return new StepMetrics(2, step, stepsPerEpoch, 942, 0.5f, 1.25f, 0.8f, 0.3f, 0.9f, 0.75f, 0.25f, 1234.4, 0.5f, 0.25f, 9f, 10f);
    }

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void printsTheFirstReportOfAnEpochWithBarAndMetrics() {
        bar.onStep(metrics(5, 10));

        assertThat(printed()).isEqualTo(" 5/10 [===============...............] d_loss 0.5000  g_loss 1.2500"
                + "  D(x) 0.800  D(G(z)) 0.300  d_acc real 0.90 fake 0.75  fool 0.25  1234 img/s"
                + System.lineSeparator());
    }

    @Test
    void barIsEmptyAtTheStartAndFullAtTheEnd() {
        bar.onStep(metrics(10, 937));
        bar.onStep(metrics(937, 937));

        assertThat(printed().lines()).extracting(l -> l.substring(0, l.indexOf(']') + 1)).containsExactly(
                " 10/937 [..............................]",
                "937/937 [==============================]");
    }

    @Test
    void printsTheStartOfAnEpoch() {
        bar.onEpochStart(3, 937);

        assertThat(printed()).isEqualTo("epoch 3: 937 steps" + System.lineSeparator());
    }

    @Test
    void printsTheEpochSummaryWithItsMeans() {
        bar.onEpochEnd(new EpochSummary(2, 5, 1874, metrics(937, 937), 12.345, null));

        assertThat(printed()).isEqualTo("epoch 2/5 done in 12.3 s, means: d_loss 0.5000  g_loss 1.2500"
                + "  D(x) 0.800  D(G(z)) 0.300  d_acc real 0.90 fake 0.75  fool 0.25  1234 img/s"
                + System.lineSeparator());
    }

    @Test
    void printsAWholeEpochAsPlainLines() {
        bar.onEpochStart(1, 2);
        bar.onStep(metrics(1, 2));
        bar.onStep(metrics(2, 2));
        bar.onEpochEnd(new EpochSummary(1, 1, 2, metrics(2, 2), 0.04, null));

        List<String> lines = printed().lines().collect(Collectors.toList());
        assertThat(printed()).doesNotContain("\r");
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).isEqualTo("epoch 1: 2 steps");
        assertThat(lines.get(1)).startsWith("1/2 [===============...............] d_loss ");
        assertThat(lines.get(2)).startsWith("2/2 [==============================] d_loss ");
        assertThat(lines.get(3)).startsWith("epoch 1/1 done in 0.0 s, means: d_loss ");
    }

    @Test
    void plainLinesShowAboutATenthOfAnEpochEach() {
        // given: an epoch of 281 steps reported every 10 steps and at its end
        bar.onEpochStart(1, 281);
        for (int s = 10; s <= 281; s += 10) {
            bar.onStep(metrics(s, 281));
        }
        bar.onStep(metrics(281, 281));

        // then: the first report, then the first report in each further tenth
        assertThat(printed().lines().skip(1)).extracting(l -> l.substring(0, l.indexOf('/')).strip())
                .containsExactly("10", "30", "60", "90", "120", "150", "170", "200", "230", "260", "281");
    }

    @Test
    void plainLinesStartAgainWithEachEpoch() {
        bar.onStep(metrics(100, 200));
        bar.onStep(metrics(200, 200));
        // a listener may miss onEpochStart (added mid-run): a smaller step means a new epoch
        bar.onStep(metrics(10, 200));
        bar.onEpochStart(3, 200);
        bar.onStep(metrics(10, 200));

        assertThat(printed().lines().filter(l -> l.contains("["))).extracting(l -> l.substring(0, l.indexOf(' ', 1)))
                .containsExactly("100/200", "200/200", " 10/200", " 10/200");
    }

    @Test
    void redrawnBarEndsItsLineBeforeADiagnosisIsLogged() {
        ProgressBar redrawn = ProgressBar.redrawing(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        Diagnosis diagnosis = new Diagnosis(HealthCondition.DIVERGENCE, HealthAction.STOP, 1, 1, 1, 1, "x");

        redrawn.onStep(metrics(1, 2));
        redrawn.onStep(metrics(2, 2));
        redrawn.onHealth(diagnosis);
        redrawn.onHealth(diagnosis);

        assertThat(printed()).startsWith("\r1/2 [").contains("\r2/2 [").endsWith(" img/s" + System.lineSeparator());
    }

    @Test
    void healthDiagnosisInPlainLinesPrintsNothing() {
        bar.onHealth(new Diagnosis(HealthCondition.DIVERGENCE, HealthAction.STOP, 1, 1, 1, 1, "x"));

        assertThat(printed()).isEmpty();
    }

    @Test
    void discriminatorAccuracyIsTheMeanOfRealAndFake() {
        assertThat(metrics(1, 1).discriminatorAccuracy()).isEqualTo(0.825f);
    }

    private static StepMetrics metrics(int step, int stepsPerEpoch, long globalStep) {
        return new StepMetrics(1, step, stepsPerEpoch, globalStep, 0.5f, 1.25f, 0.8f, 0.3f, 0.9f, 0.75f, 0.25f,
                1234.4, 0.5f, 0.25f, 9f, 10f);
    }

    @Test
    void etaCoversTheEpochAndTheWholeRunFromTheMeanTimePerStep() {
        // given: a run of 3 epochs of 1,000 steps and a clock that advances 200 s over 100 steps (2 s a step)
        AtomicLong nanos = new AtomicLong();
        ProgressBar timed = ProgressBar.lines(new PrintStream(bytes, true, StandardCharsets.UTF_8), nanos::get);
        timed.onTrainingStart(GanTrainer.builder().generator(GeneratorSpec.dcgan().build())
                .discriminator(DiscriminatorSpec.dcgan().build()).epochs(3).config(), 9000);
        timed.onEpochStart(1, 1000);

        timed.onStep(metrics(10, 1000, 10));
        nanos.set(200_000_000_000L);
        timed.onStep(metrics(110, 1000, 110));
        timed.onEpochEnd(new EpochSummary(1, 3, 1000, metrics(1000, 1000, 1000), 200, null));

        // then: no rate at the first report; then 890 steps x 2 s left in the epoch and 2,890 in the run,
        // and 2,000 steps after the first epoch
        List<String> lines = printed().lines().collect(Collectors.toList());
        assertThat(lines.get(1)).endsWith(" img/s");
        assertThat(lines.get(2)).endsWith(" img/s  ETA epoch 29:40, run 1:36:20");
        assertThat(lines.get(3)).startsWith("epoch 1/3 done in 200.0 s, run ETA 1:06:40, means: d_loss ");
    }

    @Test
    void etaOfAResumedRunCountsFromWhereItResumed() {
        // given: a run resumed at step 2,000 of 3,000, reporting at 1 s a step
        AtomicLong nanos = new AtomicLong(5_000_000_000_000L);
        ProgressBar timed = ProgressBar.lines(new PrintStream(bytes, true, StandardCharsets.UTF_8), nanos::get);
        timed.onTrainingStart(GanTrainer.builder().generator(GeneratorSpec.dcgan().build())
                .discriminator(DiscriminatorSpec.dcgan().build()).epochs(3).config(), 9000);

        timed.onStep(metrics(10, 1000, 2010));
        nanos.addAndGet(100_000_000_000L);
        timed.onStep(metrics(110, 1000, 2110));

        // then: 890 steps left, in the epoch and in the run, at 1 s each
        assertThat(printed().lines().skip(1)).singleElement().asString().endsWith("ETA epoch 14:50, run 14:50");
    }

    @Test
    void durationsReadAsMinutesUnderAnHourAndHoursAbove() {
        assertThat(ProgressBar.duration(0.4)).isEqualTo("0:00");
        assertThat(ProgressBar.duration(59.5)).isEqualTo("1:00");
        assertThat(ProgressBar.duration(3599)).isEqualTo("59:59");
        assertThat(ProgressBar.duration(3600)).isEqualTo("1:00:00");
        assertThat(ProgressBar.duration(100 * 3600 + 61)).isEqualTo("100:01:01");
    }
}
