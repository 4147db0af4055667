package dev.gan4j.spec;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A plain-text form of a {@link GeneratorSpec} or {@link DiscriminatorSpec}, one layer per line, stored
 * in saved models and checkpoints so that a file carries its own architecture. Floats round-trip
 * exactly.
 *
 * <pre>
 * gan4j-generator 1
 * recipe dcgan
 * latentDim 100
 * dense units=6272 bias=false
 * reshape shape=128,7,7
 * ...
 * </pre>
 *
 * <p>A conditional spec ({@link Conditioning}) has a fourth line before the layers, for example {@code
 * conditioning labelEmbedding classes=10 dim=50} or {@code conditioning projection classes=10}; an
 * unconditional one has none, so that it is written as before conditioning existed and a text without
 * the line reads as {@link Conditioning#none()}.
 */
public final class SpecText {

    private static final String HEADER = "gan4j-generator 1";
    private static final String DISCRIMINATOR_HEADER = "gan4j-discriminator 1";
    private static final String CLASSIFIER_HEADER = "gan4j-classifier 1";
    private static final String CONDITIONING = "conditioning";

    private SpecText() {}

    /**
     * Writes the spec as text.
     *
     * @param spec the generator spec
     * @return the spec as text
     */
    public static String write(GeneratorSpec spec) {
        return text(spec.layers(), withConditioning(spec.conditioning(),
                HEADER, "recipe " + spec.recipe(), "latentDim " + spec.latentDim()));
    }

    /**
     * The header lines, and a fourth, {@code conditioning ...}, for a conditional network only: an
     * unconditional spec is written as before conditioning existed, and a text without the line (every
     * file written before) reads as {@link Conditioning#none()}.
     */
    private static String[] withConditioning(Conditioning conditioning, String... header) {
        if (!conditioning.isConditional()) {
            return header;
        }
        String[] lines = java.util.Arrays.copyOf(header, header.length + 1);
        lines[header.length] = CONDITIONING + " " + conditioning.accept(new Conditioning.Visitor<String>() {
            @Override
            public String visitNone(Conditioning.None none) {
                return "none";
            }

            @Override
            public String visitLabelEmbedding(Conditioning.LabelEmbedding e) {
                return "labelEmbedding classes=" + e.classes() + " dim=" + e.dim();
            }

            @Override
            public String visitProjection(Conditioning.Projection p) {
                return "projection classes=" + p.classes();
            }
        });
        return lines;
    }

    /** Reads line 4 if it is a {@code conditioning} line; returns the index of the first layer line. */
    private static int readConditioning(String[] lines, java.util.function.Consumer<Conditioning> set) {
        if (lines.length < 4 || !lines[3].strip().startsWith(CONDITIONING + " ")) {
            return 3;
        }
        String line = lines[3].strip();
        try {
            set.accept(parseConditioning(line.substring(CONDITIONING.length() + 1)));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("spec line 4 '" + line + "': " + e.getMessage(), e);
        }
        return 4;
    }

    private static Conditioning parseConditioning(String text) {
        String[] parts = text.split(" ");
        Args a = settings(parts);
        Conditioning c;
        switch (parts[0]) {
            case "labelEmbedding":
                c = Conditioning.labelEmbedding(a.integer("classes"), a.integer("dim"));
                break;
            case "projection":
                c = Conditioning.projection(a.integer("classes"));
                break;
            default:
                throw new IllegalArgumentException("unknown conditioning '" + parts[0] + "'");
        }
        if (a.unused() != null) {
            throw new IllegalArgumentException("unknown setting '" + a.unused() + "' for " + parts[0]);
        }
        return c;
    }

    /**
     * Reads a spec written by {@link #write(GeneratorSpec)}.
     *
     * @param text the text {@link #write(GeneratorSpec)} wrote
     * @return the generator spec the text describes
     * @throws IllegalArgumentException naming the line that cannot be read
     */
    public static GeneratorSpec readGenerator(String text) {
        String[] lines = lines(text, HEADER, "generator");
        GeneratorSpec.Builder builder = GeneratorSpec.builder();
        builder.recipe(value(lines[1], "recipe"));
        String latentDim = value(lines[2], "latentDim");
        try {
            builder.latentDim(Integer.parseInt(latentDim));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("spec line 3: latentDim must be a whole number, got '" + latentDim + "'", e);
        }
        addLayers(lines, readConditioning(lines, builder::conditioning), builder);
        return builder.build();
    }

    /**
     * Writes a discriminator spec as text: a header, the recipe, the input shape, then the layers.
     *
     * <pre>
     * gan4j-discriminator 1
     * recipe dcgan
     * inputShape 1,28,28
     * conv filters=64 kernel=4 stride=2 padding=same bias=true
     * ...
     * </pre>
     *
     * @param spec the discriminator spec
     * @return the spec as text
     */
    public static String write(DiscriminatorSpec spec) {
        return text(spec.layers(), withConditioning(spec.conditioning(), DISCRIMINATOR_HEADER,
                "recipe " + spec.recipe(), "inputShape " + dims(spec.inputShape().dims())));
    }

    /**
     * Writes a classifier spec as text: a header, the input shape, then the layers (no recipe: the
     * text identifies the architecture alone, for {@link ClassifierSpec#text()}).
     */
    static String write(ClassifierSpec spec) {
        return text(spec.layers(), CLASSIFIER_HEADER, "inputShape " + dims(spec.inputShape().dims()));
    }

    /** The header lines, one per line, then one line per layer. */
    private static String text(List<Layer> layers, String... headerLines) {
        StringBuilder sb = new StringBuilder();
        for (String header : headerLines) {
            sb.append(header).append('\n');
        }
        for (Layer layer : layers) {
            sb.append(layer.accept(LINE)).append('\n');
        }
        return sb.toString();
    }

    /**
     * Reads a spec written by {@link #write(DiscriminatorSpec)}.
     *
     * @param text the text {@link #write(DiscriminatorSpec)} wrote
     * @return the discriminator spec the text describes
     * @throws IllegalArgumentException naming the line that cannot be read
     */
    public static DiscriminatorSpec readDiscriminator(String text) {
        String[] lines = lines(text, DISCRIMINATOR_HEADER, "discriminator");
        DiscriminatorSpec.Builder builder = DiscriminatorSpec.builder();
        builder.recipe(value(lines[1], "recipe"));
        String shape = value(lines[2], "inputShape");
        try {
            builder.inputShape(TensorShape.of(parseDims(shape)));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("spec line 3: inputShape must be C,H,W, got '" + shape + "'", e);
        }
        addLayers(lines, readConditioning(lines, builder::conditioning), builder);
        return builder.build();
    }

    /** Splits the text into lines, checking the header and that the three fixed lines are there. */
    private static String[] lines(String text, String header, String what) {
        String[] lines = text.strip().split("\n");
        if (lines.length < 3 || !lines[0].strip().equals(header)) {
            throw new IllegalArgumentException(
                    "not a gan4j " + what + " spec: the first line must be '" + header + "'");
        }
        return lines;
    }

    /** Adds the layers on lines {@code first + 1} and after. */
    private static void addLayers(String[] lines, int first, LayerListBuilder<?> builder) {
        for (int i = first; i < lines.length; i++) {
            try {
                builder.layer(parse(lines[i].strip()));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(
                        "spec line " + (i + 1) + " '" + lines[i].strip() + "': " + e.getMessage(), e);
            }
        }
    }

    private static String dims(int[] dims) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < dims.length; i++) {
            sb.append(i == 0 ? "" : ",").append(dims[i]);
        }
        return sb.toString();
    }

    private static int[] parseDims(String text) {
        String[] parts = text.split(",");
        int[] dims = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            dims[i] = Integer.parseInt(parts[i]);
        }
        return dims;
    }

    private static String value(String line, String key) {
        String[] parts = line.strip().split(" ", 2);
        if (parts.length != 2 || !parts[0].equals(key)) {
            throw new IllegalArgumentException("expected '" + key + " VALUE', got '" + line.strip() + "'");
        }
        return parts[1];
    }

    /** Writes one layer as its line: the kind as the reader names it, then its settings as key=value. */
    private static final Layer.Visitor<String> LINE = new Layer.Visitor<>() {
        @Override
        public String visitDense(Layer.Dense l) {
            return "dense units=" + l.units() + " bias=" + l.useBias() + sn(l);
        }

        @Override
        public String visitReshape(Layer.Reshape l) {
            return "reshape shape=" + dims(l.target().dims());
        }

        @Override
        public String visitFlatten(Layer.Flatten l) {
            return "flatten";
        }

        @Override
        public String visitBatchNorm(Layer.BatchNorm l) {
            return "batchNorm momentum=" + l.momentum() + " epsilon=" + l.epsilon();
        }

        @Override
        public String visitLeakyRelu(Layer.LeakyRelu l) {
            return "leakyRelu alpha=" + l.alpha();
        }

        @Override
        public String visitRelu(Layer.Relu l) {
            return "relu";
        }

        @Override
        public String visitTanh(Layer.Tanh l) {
            return "tanh";
        }

        @Override
        public String visitSigmoid(Layer.Sigmoid l) {
            return "sigmoid";
        }

        @Override
        public String visitConv(Layer.Conv l) {
            return "conv filters=" + l.filters() + " kernel=" + l.kernel() + " stride=" + l.stride()
                    + " padding=" + l.padding().describe() + " bias=" + l.useBias() + sn(l);
        }

        @Override
        public String visitConvTranspose(Layer.ConvTranspose l) {
            return "convTranspose filters=" + l.filters() + " kernel=" + l.kernel() + " stride=" + l.stride()
                    + " padding=" + l.padding().describe() + " outputPadding=" + l.outputPadding()
                    + " bias=" + l.useBias() + sn(l);
        }

        @Override
        public String visitUpsample(Layer.Upsample l) {
            return "upsample factor=" + l.factor();
        }

        @Override
        public String visitDropout(Layer.Dropout l) {
            return "dropout rate=" + l.rate();
        }
    };

    /**
     * Spectral normalization's setting, written only when on: a spec without it reads as it did
     * before the setting existed, and so do files written then.
     */
    private static String sn(Layer l) {
        return l.spectralNorm() ? " sn=true" : "";
    }

    /** The {@code key=value} settings after a line's first word, {@code parts[0]}. */
    private static Args settings(String[] parts) {
        Map<String, String> args = new HashMap<>();
        for (int i = 1; i < parts.length; i++) {
            String[] kv = parts[i].split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException("expected key=value, got '" + parts[i] + "'");
            }
            args.put(kv[0], kv[1]);
        }
        return new Args(args);
    }

    private static Layer parse(String line) {
        String[] parts = line.split(" ");
        Args a = settings(parts);
        Layer layer = layerOf(parts[0], a);
        if (a.unused() != null) {
            throw new IllegalArgumentException("unknown setting '" + a.unused() + "' for " + parts[0]);
        }
        return layer;
    }

    private static Layer layerOf(String kind, Args a) {
        switch (kind) {
            case "dense":
                return new Layer.Dense(a.integer("units"), a.bool("bias"), a.bool("sn", false));
            case "reshape":
                return new Layer.Reshape(TensorShape.of(parseDims(a.string("shape"))));
            case "flatten":
                return new Layer.Flatten();
            case "batchNorm":
                return new Layer.BatchNorm(a.real("momentum"), a.real("epsilon"));
            case "leakyRelu":
                return new Layer.LeakyRelu(a.real("alpha"));
            case "relu":
                return new Layer.Relu();
            case "tanh":
                return new Layer.Tanh();
            case "sigmoid":
                return new Layer.Sigmoid();
            case "conv":
                return new Layer.Conv(a.integer("filters"), a.integer("kernel"), a.integer("stride"),
                        a.padding(), a.bool("bias"), a.bool("sn", false));
            case "convTranspose":
                return new Layer.ConvTranspose(a.integer("filters"), a.integer("kernel"), a.integer("stride"),
                        a.padding(), a.integer("outputPadding"), a.bool("bias"), a.bool("sn", false));
            case "upsample":
                return new Layer.Upsample(a.integer("factor"));
            case "dropout":
                return new Layer.Dropout(a.real("rate"));
            default:
                throw new IllegalArgumentException("unknown layer '" + kind + "'");
        }
    }

    private static final class Args {
        private final Map<String, String> map;
        private final java.util.Set<String> read = new java.util.HashSet<>();

        Args(Map<String, String> map) {
            this.map = map;
        }

        /** Returns a setting no layer read, or null. */
        String unused() {
            return map.keySet().stream().filter(k -> !read.contains(k)).sorted().findFirst().orElse(null);
        }

        String string(String key) {
            read.add(key);
            String v = map.get(key);
            if (v == null) {
                throw new IllegalArgumentException("missing " + key + "=");
            }
            return v;
        }

        int integer(String key) {
            return Integer.parseInt(string(key));
        }

        float real(String key) {
            return Float.parseFloat(string(key));
        }

        boolean bool(String key) {
            String v = string(key);
            if (!v.equals("true") && !v.equals("false")) {
                throw new IllegalArgumentException(key + " must be true or false, got " + v);
            }
            return Boolean.parseBoolean(v);
        }

        /** Reads an optional setting, {@code absent} when the line does not have it. */
        boolean bool(String key, boolean absent) {
            return map.containsKey(key) ? bool(key) : absent;
        }

        Padding padding() {
            String v = string("padding");
            return v.equals("same") ? Padding.same() : Padding.of(Integer.parseInt(v));
        }
    }
}
