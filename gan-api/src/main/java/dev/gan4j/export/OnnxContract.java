package dev.gan4j.export;

/**
 * The names a gan4j ONNX model promises to its users, version {@value #VERSION}; documented in {@code
 * docs/onnx-contract.md}. A client needs nothing but these strings and an ONNX runtime.
 *
 * <p>The model has one input, {@value #INPUT} (float32 {@code [batch, latentDim]}, each value drawn
 * from N(0, 1)), and one output, {@value #OUTPUT} (float32 {@code [batch, C, H, W]}). A later contract
 * version may add an optional class-label input named {@value #LABEL_INPUT} for conditional
 * generators; clients should find inputs by name, never by position.
 */
public final class OnnxContract {

    private OnnxContract() {}

    /** The contract version written to {@link #KEY_CONTRACT_VERSION}. */
    public static final String VERSION = "1";

    /**
     * The contract version of a class-conditional generator's model: version 1 with a second input,
     * {@value #LABEL_INPUT} (int64 {@code [batch]}, each in {@code [0, classes)}), {@link #KEY_INPUTS}
     * {@code z,label} and {@link #KEY_CLASSES} the number of classes. See {@code docs/conditional.md}.
     */
    public static final String CONDITIONAL_VERSION = "2";

    /** The latent input's name. */
    public static final String INPUT = "z";

    /** The image output's name. */
    public static final String OUTPUT = "image";

    /** Reserved for the class-label input of conditional generators (int64 {@code [batch]}). */
    public static final String LABEL_INPUT = "label";

    /** The contract version, {@value #VERSION}. */
    public static final String KEY_CONTRACT_VERSION = "gan4j.contract_version";

    /** The latent size, e.g. {@code 100}. */
    public static final String KEY_LATENT_DIM = "gan4j.latent_dim";

    /** The latent distribution, {@code normal(0, 1)}. */
    public static final String KEY_LATENT_DISTRIBUTION = "gan4j.latent_distribution";

    /** The image shape without the batch, as {@code C,H,W}, e.g. {@code 1,28,28}. */
    public static final String KEY_IMAGE_SHAPE = "gan4j.image_shape";

    /** The output layout, {@code NCHW}. */
    public static final String KEY_LAYOUT = "gan4j.layout";

    /** The output range, {@code [-1, 1]} or {@code [0, 1]}. */
    public static final String KEY_OUTPUT_RANGE = "gan4j.output_range";

    /** The input names, comma-separated: {@code z} in version 1. */
    public static final String KEY_INPUTS = "gan4j.inputs";

    /** The number of classes of a conditional generator; {@code 0} (unconditional) in version 1. */
    public static final String KEY_CLASSES = "gan4j.classes";

    /** The producer and its version, e.g. {@code gan4j 0.1.0}. */
    public static final String KEY_PRODUCER = "gan4j.producer";

    /** The generator's architecture in gan4j's spec text, to rebuild or audit it. */
    public static final String KEY_SPEC = "gan4j.spec";

    /** The prefix of the training provenance keys: {@code gan4j.training.seed}, {@code .steps}... */
    public static final String TRAINING_PREFIX = "gan4j.training.";

    /** The value of {@link #KEY_LATENT_DISTRIBUTION}. */
    public static final String NORMAL = "normal(0, 1)";

    /** The value of {@link #KEY_LAYOUT}. */
    public static final String NCHW = "NCHW";
}
