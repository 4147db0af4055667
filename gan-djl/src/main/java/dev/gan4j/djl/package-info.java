/**
 * The DJL engine: gan4j's networks trained and run on DJL 0.36's PyTorch engine, on the CPU or a
 * CUDA GPU.
 *
 * <p>The only public class is {@link dev.gan4j.djl.DjlGanTrainerProvider}, the
 * {@link dev.gan4j.spi.GanTrainerProvider} registered in {@code META-INF/services}; users put this
 * module and PyTorch's natives on the class path and never name it. Everything else is package-private:
 * the per-run {@link dev.gan4j.spi.TrainingSession} ({@code DjlTrainingSession}), the specs compiled to
 * flat lists of DJL operations ({@code Network}, with {@code TransposedConvolution} and {@code
 * Dropout}), the adversarial step and losses ({@code AdversarialStep}, {@code Losses}), Adam with its
 * state in reach of checkpoints ({@code AdamOptimizer}), the data set on the device ({@code
 * DeviceDataset}), the generator's moving average ({@code GeneratorAverage}), conversion to and from
 * host tensors ({@code HostTensors}), counted device reads ({@code HostReads}), glibc's allocator
 * settings ({@code GlibcMalloc}) and the quality metric's classifiers ({@code DjlClassifiers}). The
 * training loop, checkpoint and generator files and the ONNX export are gan-api's, engine-neutral.
 */
package dev.gan4j.djl;
