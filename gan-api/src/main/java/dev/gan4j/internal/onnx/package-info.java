/**
 * The ONNX export, engine-neutral: {@link dev.gan4j.internal.onnx.OnnxExporter} writes a generator's
 * graph from its spec and its parameters as host tensors, with ONNX's own protobuf classes, one node
 * per layer in inference form, and the contract's metadata; BatchNorm can be folded into the weights
 * before it. No engine runs, and no protobuf type appears in a public signature.
 *
 * <p>Not API: public only so that engine modules can call it from
 * {@link dev.gan4j.train.TrainedGan#exportOnnx}; it may change without notice. Users export through
 * {@code TrainedGan.exportOnnx}, configured by {@link dev.gan4j.export.OnnxExportOptions}.
 */
package dev.gan4j.internal.onnx;
