/**
 * What an exported ONNX generator promises and how it is written:
 * {@link dev.gan4j.export.OnnxContract} holds the input, output and metadata names a client of the
 * model relies on (documented in {@code docs/onnx-contract.md}), and
 * {@link dev.gan4j.export.OnnxExportOptions} the opset, batch dimension, output range and BatchNorm
 * folding of {@link dev.gan4j.train.TrainedGan#exportOnnx}.
 *
 * <p>The export itself is engine-neutral code in gan-api; a client of the model needs no gan4j at
 * all, only these names and an ONNX runtime.
 */
package dev.gan4j.export;
