/**
 * File formats and writing shared by gan-api and the engines: {@link dev.gan4j.internal.io.AtomicFiles}
 * (write to a temporary file, flush, move over the target, so a crash leaves the old file or the
 * new one), {@link dev.gan4j.internal.io.TensorBlock} (the binary form of named host tensors in
 * generator, checkpoint and classifier files) and {@link dev.gan4j.internal.io.GeneratorFile} (the
 * saved-generator zip, engine-neutral).
 *
 * <p>Not API: public only so that gan4j's own packages and engine modules can call it; it may change
 * without notice. Users save and load generators through {@link dev.gan4j.train.TrainedGan}.
 */
package dev.gan4j.internal.io;
