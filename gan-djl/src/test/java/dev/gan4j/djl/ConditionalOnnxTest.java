package dev.gan4j.djl;

import static org.assertj.core.api.Assertions.assertThat;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import dev.gan4j.export.OnnxContract;
import dev.gan4j.export.OnnxExportOptions;
import dev.gan4j.train.Latents;
import dev.gan4j.train.TrainedGan;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Contract 2: a conditional generator's ONNX model takes {@code label} int64 {@code [batch]} beside z
 * and draws, in onnxruntime, what the engine draws for the same latents and labels.
 */
class ConditionalOnnxTest {

    @Test
    void exportedConditionalGeneratorMatchesTheEngineInOnnxRuntimeAndAnnouncesItsLabel(@TempDir Path dir)
            throws Exception {
        // given: a conditional generator trained a few steps (BatchNorm folded on export)
        try (TrainedGan gan = ConditionalRunTest.builder(dir.resolve("run")).epochs(1).stepsPerEpoch(3).build()
                .train(ConditionalNetworkTest.data(40, 4))) {
            Path file = dir.resolve("g.onnx");
            int[] labels = {2, 0, 1, 1, 2, 0, 0};
            float[] z = Latents.normal(labels.length, 8, 17);
            float[] expected = gan.generate(z, labels).pixels();

            // when
            gan.exportOnnx(file, OnnxExportOptions.defaults());

            // then
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            long[] y = new long[labels.length];
            for (int i = 0; i < y.length; i++) {
                y[i] = labels[i];
            }
            try (OrtSession session = env.createSession(file.toString(), new OrtSession.SessionOptions());
                    OnnxTensor zt = OnnxTensor.createTensor(env, FloatBuffer.wrap(z), new long[] {labels.length, 8});
                    OnnxTensor yt = OnnxTensor.createTensor(env, LongBuffer.wrap(y), new long[] {labels.length});
                    OrtSession.Result result = session.run(Map.of(OnnxContract.INPUT, zt, OnnxContract.LABEL_INPUT, yt))) {
                FloatBuffer out = ((OnnxTensor) result.get(OnnxContract.OUTPUT).orElseThrow()).getFloatBuffer();
                float[] actual = new float[out.remaining()];
                out.get(actual);
                assertThat(OnnxRuntimes.maxAbsDifference(actual, expected)).isLessThanOrEqualTo(1e-4);

                NodeInfo label = session.getInputInfo().get(OnnxContract.LABEL_INPUT);
                assertThat(((TensorInfo) label.getInfo()).type).isEqualTo(ai.onnxruntime.OnnxJavaType.INT64);
                Map<String, String> meta = session.getMetadata().getCustomMetadata();
                assertThat(meta).containsEntry(OnnxContract.KEY_CONTRACT_VERSION, "2")
                        .containsEntry(OnnxContract.KEY_INPUTS, "z,label")
                        .containsEntry(OnnxContract.KEY_CLASSES, "3");
                assertThat(meta.get(OnnxContract.KEY_SPEC)).contains("conditioning labelEmbedding classes=3 dim=4");
            }
        }
    }
}
