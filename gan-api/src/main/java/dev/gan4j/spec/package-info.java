/**
 * Immutable descriptions of the networks: {@link dev.gan4j.spec.GeneratorSpec},
 * {@link dev.gan4j.spec.DiscriminatorSpec} and {@link dev.gan4j.spec.ClassifierSpec}, built fluently
 * from a closed vocabulary of {@link dev.gan4j.spec.Layer}s, or from the named presets ({@code dcgan},
 * {@code kerasDcgan}).
 *
 * <p>Shapes are inferred and parameters counted in pure Java as a spec is built, so a spec that
 * cannot work fails at {@code build()}, before any engine runs. {@link dev.gan4j.spec.SpecText} is
 * the plain-text form that saved generators and checkpoints carry. Engines and the ONNX export read
 * the layer records and handle each kind through a {@link dev.gan4j.spec.Layer.Visitor}, so a new
 * kind is a compile error wherever it is not handled.
 */
package dev.gan4j.spec;
