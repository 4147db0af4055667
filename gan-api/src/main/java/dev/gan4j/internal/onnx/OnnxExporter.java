package dev.gan4j.internal.onnx;

import ai.onnx.proto.OnnxMl;
import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import com.google.protobuf.ByteString;
import dev.gan4j.Gan4j;
import dev.gan4j.export.OnnxContract;
import dev.gan4j.export.OnnxExportOptions;
import dev.gan4j.internal.io.AtomicFiles;
import dev.gan4j.spec.Conditioning;
import dev.gan4j.spec.GeneratorSpec;
import dev.gan4j.spec.Layer;
import dev.gan4j.spec.LayerStack;
import dev.gan4j.spec.Padding;
import dev.gan4j.spec.SpecText;
import dev.gan4j.spec.TensorShape;
import dev.gan4j.spi.HostTensor;
import dev.gan4j.train.Provenance;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes a generator as an ONNX graph, from its spec and trained parameters: the graph is built with
 * ONNX's own protobuf classes ({@code ai.onnx.proto.OnnxMl}), one node per layer in inference form.
 * Our transposed convolution becomes the native {@code ConvTranspose}, whose semantics it shares.
 * Spectrally normalised weights are written divided by their {@code σ} ({@link SpectralNormFolding}).
 */
public final class OnnxExporter {

    private static final String DOMAIN = "dev.gan4j";

    private final LayerStack stack;
    private final Map<String, HostTensor> weights;
    private final Set<Integer> foldedBatchNorms;
    private final OnnxExportOptions options;
    private final OnnxMl.GraphProto.Builder graph = OnnxMl.GraphProto.newBuilder();
    private final Set<String> initialized = new HashSet<>();
    private int nextValue;

    private OnnxExporter(LayerStack stack, Map<String, HostTensor> trained, OnnxExportOptions options) {
        this.stack = stack;
        this.options = options;
        // Spectral normalization first: BatchNorm then folds into the normalised weight, W / σ.
        Map<String, HostTensor> weights = SpectralNormFolding.fold(stack, trained);
        if (options.batchNorm() == OnnxExportOptions.BatchNormExport.FOLD) {
            BatchNormFolding.Result folding = BatchNormFolding.fold(stack, weights);
            this.weights = folding.weights();
            this.foldedBatchNorms = folding.folded();
        } else {
            this.weights = weights;
            this.foldedBatchNorms = Set.of();
        }
    }

    /**
     * Writes the model of {@code spec} with its trained {@code parameters} atomically.
     *
     * @param parameters every parameter, named as the engine names them ({@code <layer>.weight} ...)
     * @param file the ONNX file to write
     * @param spec the generator's spec
     * @param provenance where the generator came from, written into the model's metadata
     * @param options the export options
     * @throws IOException if the file cannot be written
     */
    public static void write(Path file, GeneratorSpec spec, List<HostTensor> parameters, Provenance provenance,
            OnnxExportOptions options) throws IOException {
        Map<String, HostTensor> weights = new LinkedHashMap<>();
        for (HostTensor p : parameters) {
            weights.put(p.name(), p);
        }
        OnnxMl.ModelProto model = model(spec, weights, provenance, options);
        AtomicFiles.write(file, model::writeTo);
    }

    /** Builds the model of {@code spec} with {@code weights}, named as the engine names them. */
    private static OnnxMl.ModelProto model(
            GeneratorSpec spec, Map<String, HostTensor> weights, Provenance provenance, OnnxExportOptions options) {
        OnnxExporter exporter = new OnnxExporter(spec.stack(), weights, options);
        OnnxMl.GraphProto graph = exporter.graph(spec);
        OnnxMl.ModelProto.Builder model = OnnxMl.ModelProto.newBuilder()
                .setIrVersion(irVersion(options.opset()))
                .addOpsetImport(OnnxMl.OperatorSetIdProto.newBuilder().setDomain("").setVersion(options.opset()))
                .setProducerName("gan4j")
                .setProducerVersion(Gan4j.version())
                .setDomain(DOMAIN)
                .setModelVersion(provenance.steps())
                .setDocString(docString(spec, provenance, options))
                .setGraph(graph);
        metadata(spec, provenance, options).forEach((k, v) ->
                model.addMetadataProps(OnnxMl.StringStringEntryProto.newBuilder().setKey(k).setValue(v)));
        return model.build();
    }

    /**
     * The oldest IR version that carries {@code opset}, so that older runtimes accept the file: IR 7
     * came with opset 13 and 14 (ONNX 1.8, 1.9), IR 8 with opsets 15 to 17 (ONNX 1.10 to 1.12).
     */
    static int irVersion(int opset) {
        return opset <= 14 ? 7 : 8;
    }

    /** Returns the metadata of contract {@value OnnxContract#VERSION}, in a fixed order. */
    static Map<String, String> metadata(GeneratorSpec spec, Provenance p, OnnxExportOptions options) {
        TensorShape image = spec.outputShape();
        Map<String, String> m = new LinkedHashMap<>();
        boolean conditional = spec.classes() > 0;
        m.put(OnnxContract.KEY_CONTRACT_VERSION, conditional ? OnnxContract.CONDITIONAL_VERSION : OnnxContract.VERSION);
        m.put(OnnxContract.KEY_INPUTS, conditional ? OnnxContract.INPUT + "," + OnnxContract.LABEL_INPUT : OnnxContract.INPUT);
        m.put(OnnxContract.KEY_LATENT_DIM, Integer.toString(spec.latentDim()));
        m.put(OnnxContract.KEY_LATENT_DISTRIBUTION, OnnxContract.NORMAL);
        m.put(OnnxContract.KEY_CLASSES, Integer.toString(spec.classes()));
        m.put(OnnxContract.KEY_IMAGE_SHAPE, image.dim(0) + "," + image.dim(1) + "," + image.dim(2));
        m.put(OnnxContract.KEY_LAYOUT, OnnxContract.NCHW);
        m.put(OnnxContract.KEY_OUTPUT_RANGE, options.outputRange().interval());
        m.put(OnnxContract.KEY_PRODUCER, "gan4j " + Gan4j.version());
        m.put(OnnxContract.KEY_SPEC, SpecText.write(spec));
        p.toProperties().forEach((key, value) -> m.put(OnnxContract.TRAINING_PREFIX + key, value));
        return m;
    }

    private static String docString(GeneratorSpec spec, Provenance p, OnnxExportOptions options) {
        TensorShape image = spec.outputShape();
        return "gan4j generator (" + spec.recipe() + "): z float32 [batch, " + spec.latentDim()
                + "] drawn from N(0, 1)" + (spec.classes() > 0 ? ", label int64 [batch] in [0, " + spec.classes() + ")" : "")
                + " -> image float32 [batch, " + image.dim(0) + ", " + image.dim(1) + ", "
                + image.dim(2) + "] NCHW in " + options.outputRange().interval() + ". Trained " + p.steps()
                + " steps with seed " + p.seed() + ". Contract "
                + (spec.classes() > 0 ? OnnxContract.CONDITIONAL_VERSION : OnnxContract.VERSION)
                + ": see metadata_props (gan4j.*).";
    }

    private OnnxMl.GraphProto graph(GeneratorSpec spec) {
        graph.setName("gan4j_generator");
        graph.addInput(valueInfo(OnnxContract.INPUT, spec.latentDim()));
        String x = OnnxContract.INPUT;
        if (spec.conditioning() instanceof Conditioning.LabelEmbedding) {
            // Contract 2: the label's row of the embedding (one Gather), concatenated after z, as the
            // engine computes it (docs/conditional.md).
            graph.addInput(labelInfo());
            String rows = node("Gather", "label.Gather", List.of(param("label.embedding"), OnnxContract.LABEL_INPUT),
                    List.of(intAttr("axis", 0)));
            x = node("Concat", "label.Concat", List.of(x, rows), List.of(intAttr("axis", 1)));
        }
        List<Layer> layers = stack.layers();
        for (int i = 0; i < layers.size(); i++) {
            x = layer(i, layers.get(i), stack.inputShapeOf(i), x);
        }
        if (options.outputRange() == OnnxExportOptions.OutputRange.UNIT) {
            // (x + 1) / 2 as x * 0.5 + 0.5.
            String half = initializer("output.half", new long[0], new float[] {0.5f});
            x = node("Mul", "output.scale", List.of(x, half), List.of());
            x = node("Add", "output.shift", List.of(x, half), List.of());
        }
        if (x.equals(OnnxContract.INPUT)) {
            // Only possible for a stack of dropouts; keep input and output distinct.
            x = node("Identity", "output", List.of(x), List.of());
        }
        renameOutput(x, OnnxContract.OUTPUT);
        TensorShape image = spec.outputShape();
        graph.addOutput(valueInfo(OnnxContract.OUTPUT, image.dim(0), image.dim(1), image.dim(2)));
        return graph.build();
    }

    /** Emits layer {@code i} reading {@code x}; returns the name of its output. */
    private String layer(int i, Layer layer, TensorShape in, String x) {
        String name = "layers." + i;
        String p = i + ".";
        return layer.accept(new Layer.Visitor<String>() {
            @Override
            public String visitDense(Layer.Dense l) {
                List<String> inputs = new ArrayList<>(List.of(x, param(p + "weight")));
                if (weights.containsKey(p + "bias")) {
                    inputs.add(param(p + "bias"));
                }
                // Gemm's transB reads the weight as PyTorch stores it, [units, in].
                return node("Gemm", name + ".Gemm", inputs, List.of(intAttr("transB", 1)));
            }

            @Override
            public String visitReshape(Layer.Reshape l) {
                int[] dims = l.target().dims();
                long[] shape = new long[dims.length + 1];
                shape[0] = options.dynamicBatch() ? -1 : options.fixedBatchSize();
                for (int d = 0; d < dims.length; d++) {
                    shape[d + 1] = dims[d];
                }
                String target = int64Initializer(name + ".shape", shape);
                return node("Reshape", name + ".Reshape", List.of(x, target), List.of());
            }

            @Override
            public String visitFlatten(Layer.Flatten l) {
                return node("Flatten", name + ".Flatten", List.of(x), List.of(intAttr("axis", 1)));
            }

            @Override
            public String visitBatchNorm(Layer.BatchNorm l) {
                if (foldedBatchNorms.contains(i)) {
                    return x;
                }
                List<String> inputs = List.of(x, param(p + "gamma"), param(p + "beta"), param(p + "runningMean"),
                        param(p + "runningVar"));
                return node("BatchNormalization", name + ".BatchNormalization", inputs,
                        List.of(floatAttr("epsilon", l.epsilon())));
            }

            @Override
            public String visitLeakyRelu(Layer.LeakyRelu l) {
                return node("LeakyRelu", name + ".LeakyRelu", List.of(x), List.of(floatAttr("alpha", l.alpha())));
            }

            @Override
            public String visitRelu(Layer.Relu l) {
                return node("Relu", name + ".Relu", List.of(x), List.of());
            }

            @Override
            public String visitTanh(Layer.Tanh l) {
                return node("Tanh", name + ".Tanh", List.of(x), List.of());
            }

            @Override
            public String visitSigmoid(Layer.Sigmoid l) {
                return node("Sigmoid", name + ".Sigmoid", List.of(x), List.of());
            }

            @Override
            public String visitConv(Layer.Conv l) {
                Padding.Resolved ph = l.resolvePadding(in.dim(1));
                Padding.Resolved pw = l.resolvePadding(in.dim(2));
                return node("Conv", name + ".Conv", convInputs(p, x), convAttrs(l.kernel(), l.stride(), ph, pw));
            }

            @Override
            public String visitConvTranspose(Layer.ConvTranspose l) {
                Padding.Resolved ph = l.resolvePadding(in.dim(1));
                Padding.Resolved pw = l.resolvePadding(in.dim(2));
                // Symmetric pads only, with any remainder cropped by a Slice: asymmetric ConvTranspose
                // pads (TensorFlow's "same" with an odd kernel - stride) are legal ONNX but not every
                // runtime implements them, while Slice is everywhere.
                Padding.Resolved sh = symmetricPart(ph);
                Padding.Resolved sw = symmetricPart(pw);
                List<AttributeProto> attrs = new ArrayList<>(convAttrs(l.kernel(), l.stride(), sh, sw));
                if (l.outputPadding() > 0) {
                    attrs.add(intsAttr("output_padding", l.outputPadding(), l.outputPadding()));
                }
                String y = node("ConvTranspose", name + ".ConvTranspose", convInputs(p, x), attrs);
                if (sh.equals(ph) && sw.equals(pw)) {
                    return y;
                }
                long[] starts = {ph.before() - sh.before(), pw.before() - sw.before()};
                long[] ends = {sliceEnd(ph.after() - sh.after()), sliceEnd(pw.after() - sw.after())};
                return node("Slice", name + ".Slice", List.of(y,
                        int64Initializer(name + ".starts", starts),
                        int64Initializer(name + ".ends", ends),
                        int64Initializer(name + ".axes", new long[] {2, 3})), List.of());
            }

            @Override
            public String visitUpsample(Layer.Upsample l) {
                int f = l.factor();
                if (f == 1) {
                    return x;
                }
                String scales = initializer(name + ".scales", new long[] {4}, new float[] {1f, 1f, f, f});
                // Asymmetric coordinates with floor rounding copy pixel (y / f, x / f): exact nearest
                // neighbour, the same as our broadcast upsampling.
                return node("Resize", name + ".Resize", List.of(x, "", scales), List.of(
                        stringAttr("mode", "nearest"),
                        stringAttr("coordinate_transformation_mode", "asymmetric"),
                        stringAttr("nearest_mode", "floor")));
            }

            @Override
            public String visitDropout(Layer.Dropout l) {
                return x;
            }
        });
    }

    private static Padding.Resolved symmetricPart(Padding.Resolved pad) {
        int both = Math.min(pad.before(), pad.after());
        return new Padding.Resolved(both, both);
    }

    /** A Slice end that drops {@code crop} positions from the end of an axis. */
    private static long sliceEnd(int crop) {
        return crop == 0 ? Long.MAX_VALUE : -crop;
    }

    private List<String> convInputs(String prefix, String x) {
        List<String> inputs = new ArrayList<>(List.of(x, param(prefix + "weight")));
        if (weights.containsKey(prefix + "bias")) {
            inputs.add(param(prefix + "bias"));
        }
        return inputs;
    }

    private static List<AttributeProto> convAttrs(int kernel, int stride, Padding.Resolved ph, Padding.Resolved pw) {
        return List.of(
                intsAttr("kernel_shape", kernel, kernel),
                intsAttr("strides", stride, stride),
                // ONNX orders pads as all begins, then all ends: [top, left, bottom, right].
                intsAttr("pads", ph.before(), pw.before(), ph.after(), pw.after()),
                intsAttr("dilations", 1, 1),
                intAttr("group", 1));
    }

    /** Adds a parameter as an initializer, once, and returns its graph name. */
    private String param(String name) {
        String graphName = "layers." + name;
        if (initialized.add(graphName)) {
            HostTensor t = weights.get(name);
            if (t == null) {
                throw new IllegalStateException("no weights for parameter " + name);
            }
            graph.addInitializer(tensor(graphName, t.shape(), t.values()));
        }
        return graphName;
    }

    private String initializer(String name, long[] dims, float[] values) {
        graph.addInitializer(tensor(name, dims, values));
        return name;
    }

    private String int64Initializer(String name, long[] values) {
        ByteBuffer bytes = ByteBuffer.allocate(values.length * Long.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : values) {
            bytes.putLong(v);
        }
        graph.addInitializer(TensorProto.newBuilder()
                .setName(name)
                .setDataType(TensorProto.DataType.INT64.getNumber())
                .addDims(values.length)
                .setRawData(ByteString.copyFrom(bytes.array())));
        return name;
    }

    private static TensorProto tensor(String name, long[] dims, float[] values) {
        // raw_data is little-endian by the ONNX spec, whatever the host.
        ByteBuffer bytes = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(values);
        TensorProto.Builder t = TensorProto.newBuilder()
                .setName(name)
                .setDataType(TensorProto.DataType.FLOAT.getNumber())
                .setRawData(ByteString.copyFrom(bytes.array()));
        for (long d : dims) {
            t.addDims(d);
        }
        return t.build();
    }

    /** Adds a node with one fresh output and returns that output's name. */
    private String node(String op, String name, List<String> inputs, List<AttributeProto> attributes) {
        String output = "t" + nextValue++;
        graph.addNode(NodeProto.newBuilder()
                .setOpType(op)
                .setName(name)
                .addAllInput(inputs)
                .addOutput(output)
                .addAllAttribute(attributes));
        return output;
    }

    private void renameOutput(String from, String to) {
        for (NodeProto.Builder n : graph.getNodeBuilderList()) {
            for (int k = 0; k < n.getOutputCount(); k++) {
                if (n.getOutput(k).equals(from)) {
                    n.setOutput(k, to);
                }
            }
        }
    }

    /** The label input of contract 2: int64 {@code [batch]}. */
    private ValueInfoProto labelInfo() {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        shape.addDim(options.dynamicBatch()
                ? TensorShapeProto.Dimension.newBuilder().setDimParam("batch")
                : TensorShapeProto.Dimension.newBuilder().setDimValue(options.fixedBatchSize()));
        return ValueInfoProto.newBuilder()
                .setName(OnnxContract.LABEL_INPUT)
                .setType(TypeProto.newBuilder().setTensorType(TypeProto.Tensor.newBuilder()
                        .setElemType(TensorProto.DataType.INT64.getNumber())
                        .setShape(shape)))
                .build();
    }

    private ValueInfoProto valueInfo(String name, int... dims) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        shape.addDim(options.dynamicBatch()
                ? TensorShapeProto.Dimension.newBuilder().setDimParam("batch")
                : TensorShapeProto.Dimension.newBuilder().setDimValue(options.fixedBatchSize()));
        for (int d : dims) {
            shape.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(d));
        }
        return ValueInfoProto.newBuilder()
                .setName(name)
                .setType(TypeProto.newBuilder().setTensorType(TypeProto.Tensor.newBuilder()
                        .setElemType(TensorProto.DataType.FLOAT.getNumber())
                        .setShape(shape)))
                .build();
    }

    private static AttributeProto intAttr(String name, long value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INT).setI(value).build();
    }

    private static AttributeProto floatAttr(String name, float value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.FLOAT).setF(value).build();
    }

    private static AttributeProto stringAttr(String name, String value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.STRING)
                .setS(ByteString.copyFromUtf8(value)).build();
    }

    private static AttributeProto intsAttr(String name, long... values) {
        AttributeProto.Builder a = AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INTS);
        for (long v : values) {
            a.addInts(v);
        }
        return a.build();
    }
}
