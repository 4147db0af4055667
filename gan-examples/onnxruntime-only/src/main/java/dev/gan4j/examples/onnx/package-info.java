/**
 * A client of exported gan4j generators with nothing but onnxruntime and the JDK on its class path
 * (its own Maven module, so the compiler keeps gan4j out): proof that an exported model needs no
 * gan4j to run.
 *
 * <p>{@link dev.gan4j.examples.onnx.OnnxGenerator} reads the contract from the model's metadata and
 * draws images; {@link dev.gan4j.examples.onnx.NormalLatents} draws the latent vectors as gan4j does,
 * so a seed gives the same images here as in gan4j; {@link
 * dev.gan4j.examples.onnx.GenerateWithOnnxRuntime} is the command line that writes a PNG grid and
 * prints the inference throughput. The contract is documented in {@code docs/onnx-contract.md}.
 */
package dev.gan4j.examples.onnx;
