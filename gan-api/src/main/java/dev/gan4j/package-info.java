/**
 * The root of gan4j: {@link dev.gan4j.Gan4j}, facts about this build (its version, which saved
 * generators, checkpoints and ONNX metadata record).
 *
 * <p>Users start in {@link dev.gan4j.train} ({@link dev.gan4j.train.GanTrainer#builder()}) and
 * {@link dev.gan4j.spec}; engine authors in {@link dev.gan4j.spi}.
 */
package dev.gan4j;
