package dev.gan4j.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.onnx.proto.OnnxMl;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import dev.gan4j.Gan4j;
import dev.gan4j.export.OnnxContract;
import dev.gan4j.export.OnnxExportOptions;
import dev.gan4j.export.OnnxExportOptions.OutputRange;
import dev.gan4j.spec.GeneratorSpec;
import dev.gan4j.spec.SpecText;
import dev.gan4j.train.Provenance;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An exported model keeps the promises of docs/onnx-contract.md, read back by onnxruntime. */
class OnnxContractTest {

    @TempDir
    Path dir;

    private Path export(GeneratorSpec spec, OnnxExportOptions options) throws Exception {
        Path model = dir.resolve("out/generator.onnx");
        try (DjlTrainedGan gan = RandomGenerators.of(spec, 5)) {
            gan.exportOnnx(model, options);
        }
        return model;
    }

    @Test
    void modelHasOneLatentInputAndOneNchwImageOutputWithADynamicBatch() throws Exception {
        Path model = export(GeneratorSpec.dcgan().build(), OnnxExportOptions.defaults());

        try (OrtSession session = OrtEnvironment.getEnvironment().createSession(model.toString())) {
            assertThat(session.getInputNames()).containsExactly("z");
            assertThat(session.getOutputNames()).containsExactly("image");
            TensorInfo z = (TensorInfo) session.getInputInfo().get("z").getInfo();
            TensorInfo image = (TensorInfo) session.getOutputInfo().get("image").getInfo();
            assertThat(z.type).isEqualTo(OnnxJavaType.FLOAT);
            assertThat(z.getShape()).containsExactly(-1, 100);
            assertThat(image.type).isEqualTo(OnnxJavaType.FLOAT);
            assertThat(image.getShape()).containsExactly(-1, 1, 28, 28);
        }
    }

    @Test
    void fixedBatchSizeFixesBothShapes() throws Exception {
        Path model = export(GeneratorSpec.dcgan().build(), OnnxExportOptions.builder().fixedBatchSize(8).build());

        try (OrtSession session = OrtEnvironment.getEnvironment().createSession(model.toString())) {
            assertThat(((TensorInfo) session.getInputInfo().get("z").getInfo()).getShape()).containsExactly(8, 100);
            assertThat(((TensorInfo) session.getOutputInfo().get("image").getInfo()).getShape())
                    .containsExactly(8, 1, 28, 28);
        }
    }

    @Test
    void metadataHoldsTheWholeProvenanceInTheOneCodecsKeys() throws Exception {
        Path model = export(GeneratorSpec.dcgan().build(), OnnxExportOptions.defaults());

        try (OrtSession session = OrtEnvironment.getEnvironment().createSession(model.toString())) {
            Map<String, String> training = new HashMap<>();
            session.getMetadata().getCustomMetadata().forEach((k, v) -> {
                if (k.startsWith(OnnxContract.TRAINING_PREFIX)) {
                    training.put(k.substring(OnnxContract.TRAINING_PREFIX.length()), v);
                }
            });

            assertThat(training).isEqualTo(RandomGenerators.PROVENANCE.toProperties());
            assertThat(Provenance.fromProperties(training)).isEqualTo(RandomGenerators.PROVENANCE);
        }
    }

    @Test
    void metadataCarriesTheContractAndTheProvenance() throws Exception {
        GeneratorSpec spec = GeneratorSpec.dcgan().build();
        Path model = export(spec, OnnxExportOptions.builder().outputRange(OutputRange.UNIT).build());

        try (OrtSession session = OrtEnvironment.getEnvironment().createSession(model.toString())) {
            Map<String, String> m = session.getMetadata().getCustomMetadata();
            assertThat(m).containsEntry("gan4j.contract_version", "1")
                    .containsEntry("gan4j.inputs", "z")
                    .containsEntry("gan4j.latent_dim", "100")
                    .containsEntry("gan4j.latent_distribution", "normal(0, 1)")
                    .containsEntry("gan4j.classes", "0")
                    .containsEntry("gan4j.image_shape", "1,28,28")
                    .containsEntry("gan4j.layout", "NCHW")
                    .containsEntry("gan4j.output_range", "[0, 1]")
                    .containsEntry("gan4j.producer", "gan4j " + Gan4j.version())
                    .containsEntry("gan4j.training.recipe", "custom")
                    .containsEntry("gan4j.training.seed", "42")
                    .containsEntry("gan4j.training.steps", "1234")
                    .containsEntry("gan4j.training.epochs", "3")
                    .containsEntry("gan4j.training.batch_size", "64")
                    .containsEntry("gan4j.training.label_smoothing", "0.9/0.1")
                    .containsEntry("gan4j.training.finished_at", "2026-11-26T00:00:00Z")
                    .containsKeys("gan4j.training.loss", "gan4j.training.generator_optimizer",
                            "gan4j.training.discriminator_optimizer", "gan4j.training.dataset_size",
                            "gan4j.training.engine", "gan4j.training.device");
            assertThat(SpecText.readGenerator(m.get(OnnxContract.KEY_SPEC))).isEqualTo(spec);
            assertThat(session.getMetadata().getProducerName()).isEqualTo("gan4j");
            assertThat(session.getMetadata().getDescription()).contains("z float32 [batch, 100]", "N(0, 1)", "[0, 1]");
            assertThat(session.getMetadata().getDomain()).isEqualTo("dev.gan4j");
        }
    }

    @Test
    void irVersionIsTheOldestThatCarriesTheOpset() throws Exception {
        for (int opset = OnnxExportOptions.MIN_OPSET; opset <= OnnxExportOptions.MAX_OPSET; opset++) {
            Path model = export(GeneratorSpec.dcgan().build(), OnnxExportOptions.builder().opset(opset).build());
            OnnxMl.ModelProto proto = OnnxMl.ModelProto.parseFrom(Files.readAllBytes(model));
            assertThat(proto.getOpsetImport(0).getVersion()).isEqualTo(opset);
            assertThat(proto.getIrVersion()).isEqualTo(opset <= 14 ? 7 : 8);
            assertThat(proto.getProducerVersion()).isEqualTo(Gan4j.version());
        }
    }

    @Test
    void foldingRemovesEveryBatchNormThatFollowsALinearLayer() throws Exception {
        OnnxMl.ModelProto folded = OnnxMl.ModelProto.parseFrom(Files.readAllBytes(
                export(GeneratorSpec.kerasDcgan().build(), OnnxExportOptions.defaults())));
        OnnxMl.ModelProto nodes = OnnxMl.ModelProto.parseFrom(Files.readAllBytes(export(GeneratorSpec.kerasDcgan().build(),
                OnnxExportOptions.builder().batchNorm(OnnxExportOptions.BatchNormExport.NODES).build())));

        assertThat(folded.getGraph().getNodeList()).noneMatch(n -> n.getOpType().equals("BatchNormalization"));
        assertThat(nodes.getGraph().getNodeList()).filteredOn(n -> n.getOpType().equals("BatchNormalization")).hasSize(2);
        assertThat(folded.getGraph().getNodeList()).filteredOn(n -> n.getOpType().equals("ConvTranspose")).hasSize(2);
    }

    @Test
    void transposedConvolutionsHaveSymmetricPadsAndSliceTheRemainder() throws Exception {
        // The Keras recipe's Conv2DTranspose(256, 3, strides 2, "same") crops 0 before and 1 after.
        OnnxMl.ModelProto model = OnnxMl.ModelProto.parseFrom(Files.readAllBytes(
                export(GeneratorSpec.kerasDcgan().build(), OnnxExportOptions.defaults())));

        for (OnnxMl.NodeProto node : model.getGraph().getNodeList()) {
            if (node.getOpType().equals("ConvTranspose")) {
                List<Long> pads = node.getAttributeList().stream().filter(a -> a.getName().equals("pads"))
                        .findFirst().orElseThrow().getIntsList();
                assertThat(pads.subList(0, 2)).isEqualTo(pads.subList(2, 4));
            }
        }
        assertThat(model.getGraph().getNodeList()).filteredOn(n -> n.getOpType().equals("Slice")).hasSize(1);
    }

    @Test
    void closedGeneratorRefusesToExport() {
        DjlTrainedGan gan = RandomGenerators.of(GeneratorSpec.dcgan().build(), 5);
        gan.close();

        assertThatThrownBy(() -> gan.exportOnnx(dir.resolve("g.onnx")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("this TrainedGan is closed");
        assertThat(dir.resolve("g.onnx")).doesNotExist();
    }
}
