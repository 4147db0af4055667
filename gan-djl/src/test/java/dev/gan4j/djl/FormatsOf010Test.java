package dev.gan4j.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;


import dev.gan4j.internal.checkpoint.CheckpointFile;
import dev.gan4j.internal.checkpoint.CheckpointState;
import dev.gan4j.spi.TrainingLoop;
import dev.gan4j.train.GanTrainer;
import dev.gan4j.train.GradientPenalty;
import dev.gan4j.train.Provenance;
import dev.gan4j.train.TrainedGan;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files written by gan4j 0.1.0 (src/test/resources/formats/0.1.0, see its README) still read, and
 * mean what they meant: a saved generator draws the same images (to the last bits the processor's
 * convolution kernels decide), a checkpoint resumes into the run 0.1.0 itself finished, its weights within
 * a few optimiser updates (see {@link Runs#assertCloseState}).
 */
class FormatsOf010Test {

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(Objects.requireNonNull(FormatsOf010Test.class.getResource("/formats/0.1.0/" + name), name).toURI());
    }

    /**
     * How far the drawn images may be from those 0.1.0 drew: the weights read back are compared bit for
     * bit, but the images come from the CPU's convolution kernels, which oneDNN picks per processor, and
     * kernels that sum in another order differ in the last bits (seen: 1e-9 on an AMD EPYC with
     * AVX-512 VP2INTERSECT, against the fixture's machine).
     */
    private static final Offset<Float> ACROSS_MACHINES = Offset.offset(1e-6f);

    private static float[] referenceImages() throws Exception {
        byte[] bytes = Files.readAllBytes(fixture("tiny.generate-3-seed-5.f32be"));
        float[] values = new float[bytes.length / Float.BYTES];
        ByteBuffer.wrap(bytes).asFloatBuffer().get(values);
        return values;
    }

    @Test
    void generatorSavedBy010DrawsTheSameImages() throws Exception {
        try (TrainedGan gan = TrainedGan.load(fixture("tiny.gan4j"))) {
            assertThat(gan.spec()).isEqualTo(TinyGan.generator());
            assertThat(gan.generate(3, 5).pixels()).containsExactly(referenceImages(), ACROSS_MACHINES);
        }
    }

    @Test
    void provenanceOf010ReadsWithWhatItDidNotRecordUnknown() throws Exception {
        try (TrainedGan gan = TrainedGan.load(fixture("tiny.gan4j"))) {
            Provenance p = gan.provenance();
            assertThat(p.recipe()).isEqualTo("custom");
            assertThat(p.seed()).isEqualTo(11);
            assertThat(p.steps()).isEqualTo(5);
            assertThat(p.epochs()).isEqualTo(1);
            assertThat(p.batchSize()).isEqualTo(8);
            assertThat(p.labelSmoothing()).isEqualTo("0.9/0.1");
            assertThat(p.datasetSize()).isEqualTo(40);
            assertThat(p.engine()).isEqualTo("DJL 0.36.0 / PyTorch 2.7.1");
            assertThat(p.gan4jVersion()).isEqualTo("0.1.0-SNAPSHOT");
            assertThat(p.stepsPerEpoch()).isZero();
            assertThat(p.discriminatorSteps()).isZero();
            assertThat(p.generatorEma()).isNaN();
            assertThat(p.dataFingerprint()).isEmpty();
            assertThat(p.discriminator()).isEmpty();
            assertThat(p.jvm()).isEmpty();
            assertThat(p.os()).isEmpty();
        }
    }

    @Test
    void generatorSavedAgainWritesTheCurrentProvenanceVersion(@TempDir Path dir) throws Exception {
        Path again = dir.resolve("again.gan4j");
        try (TrainedGan gan = TrainedGan.load(fixture("tiny.gan4j"))) {
            gan.save(again);
        }
        try (TrainedGan reloaded = TrainedGan.load(again)) {
            assertThat(reloaded.provenance().seed()).isEqualTo(11);
            assertThat(reloaded.provenance().generatorEma()).isNaN();
            assertThat(reloaded.generate(3, 5).pixels()).containsExactly(referenceImages(), ACROSS_MACHINES);
        }
    }

    @Test
    void checkpointOf010Reads() throws Exception {
        CheckpointFile.Contents c = CheckpointFile.read(fixture("checkpoint-000000000004.ckpt"));

        assertThat(c.state().progress()).isEqualTo(new CheckpointState.Progress(1, 4, 4, 5));
        assertThat(c.state().data().size()).isEqualTo(40);
        assertThat(c.generator()).isEqualTo(TinyGan.generator());
        assertThat(c.discriminator()).isEqualTo(TinyGan.discriminator());
        assertThat(c.state().average()).isNotEmpty();
        assertThat(c.state().averageUpdates()).isEqualTo(4);
        assertThat(c.builder().config().discriminatorSteps()).isEqualTo(2);
        assertThat(c.builder().config().gradientPenalty()).as("written before penalties existed")
                .isEqualTo(GradientPenalty.none());
    }

    @Test
    void runResumedFromA010CheckpointEndsWhere010EndedIt(@TempDir Path dir) throws Exception {
        Files.copy(fixture("checkpoint-000000000004.ckpt"), dir.resolve("checkpoint-000000000004.ckpt"));

        try (TrainedGan gan = GanTrainer.resume(dir).build().train(Runs.DATA)) {
            assertThat(gan.generate(3, 5).pixels()).containsExactly(referenceImages(), ACROSS_MACHINES);
        }
        CheckpointState resumed = CheckpointFile.read(dir.resolve("checkpoint-000000000005.ckpt")).state();
        CheckpointState original = CheckpointFile.read(fixture("checkpoint-000000000005.ckpt")).state();
        // Not bit for bit: 0.1.0's state came from another machine's convolution kernels, and the engine
        // now pads small convolutions while training (Convolutions); 1e-3 is five Adam updates at 2e-4.
        Runs.assertCloseState(resumed, original, 1e-3);
    }

    @Test
    void checkpointsNowRecordTheFullProvenance(@TempDir Path dir) throws IOException {
        Runs.train(Runs.builder(dir).epochs(1).build());

        CheckpointFile.Contents c = Runs.newest(dir);

        assertThat(c.settings().getProperty("provenance.provenance_version")).isEqualTo("2");
        assertThat(c.settings().getProperty("provenance.steps")).isEqualTo("5");
        assertThat(c.settings().getProperty("provenance.data_fingerprint"))
                .isEqualTo(String.format("crc32c:%08x", c.state().data().fingerprint()));
        assertThat(c.settings().getProperty("provenance.discriminator_spec")).isNotBlank();
    }

    @Test
    void a010CheckpointInAnotherDirectoryIsAnotherRunsButItsOwnDirectoryStaysItsRuns(@TempDir Path old,
            @TempDir Path mine) throws Exception {
        Files.copy(fixture("checkpoint-000000000004.ckpt"), old.resolve("checkpoint-000000000004.ckpt"));
        Runs.train(Runs.builder(mine).epochs(1).build());

        assertThatThrownBy(() -> GanTrainer.resume(mine).epochs(2).checkpointDir(old).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("checkpointDir " + old + " holds checkpoints of a run of gan4j 0.1.0 (no run id)"
                        + " (1 checkpoint, newest checkpoint-000000000004.ckpt), not of run ");

        // resumed in its own directory, the 0.1.0 run takes a new id and keeps pruning its old files
        TrainingLoop resumed = (TrainingLoop) GanTrainer.resume(old).build();
        assertThat(resumed.runId()).isNotEmpty();
        Runs.train(resumed);
        assertThat(CheckpointFile.runOf(old.resolve("checkpoint-000000000005.ckpt"))).contains(resumed.runId());
    }
}
