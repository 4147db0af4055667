/**
 * Training a GAN and what it produces, the package a user starts from.
 *
 * <p>{@link dev.gan4j.train.GanTrainer#builder()} takes the specs, the loss, label smoothing,
 * optimisers, batch size, epochs, seed, device, listeners, checkpoints and health policy, validates
 * them into a {@link dev.gan4j.train.GanConfig} and finds the engine on the class path;
 * {@link dev.gan4j.train.GanTrainer#resume} continues a run from a checkpoint
 * ({@link dev.gan4j.train.ResumeBuilder}). Training returns a {@link dev.gan4j.train.TrainedGan}: the
 * generator, which draws images, saves itself, exports to ONNX and carries its
 * {@link dev.gan4j.train.Provenance}. The setting types ({@link dev.gan4j.train.GanLoss},
 * {@link dev.gan4j.train.LabelSmoothing}, {@link dev.gan4j.train.Adam},
 * {@link dev.gan4j.train.ComputeDevice}, {@link dev.gan4j.train.Checkpointing},
 * {@link dev.gan4j.train.NativeMemory}) are immutable values, and
 * {@link dev.gan4j.train.GanException} reports an engine failure with where it happened.
 *
 * <pre>{@code
 * TrainedGan gan = GanTrainer.builder()
 *     .generator(GeneratorSpec.dcgan().latentDim(100).outputShape(1, 28, 28).build())
 *     .discriminator(DiscriminatorSpec.dcgan().build())
 *     .epochs(5).seed(42)
 *     .build()
 *     .train(Mnist.bundledTrainingSet());
 * }</pre>
 *
 * @see dev.gan4j.train.listener
 */
package dev.gan4j.train;
