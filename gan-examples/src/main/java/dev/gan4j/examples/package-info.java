/**
 * Runnable programs on gan4j with the DJL engine, for users to start from and for measuring it:
 * {@link dev.gan4j.examples.TrainMnist} (train on MNIST, write sample grids, metrics, the generator
 * and its ONNX export; the README's first command), {@link dev.gan4j.examples.TrainingBenchmark}
 * (training throughput and resident memory), {@link dev.gan4j.examples.InferenceBenchmark} (DJL
 * against onnxruntime on the exported model) and {@link dev.gan4j.examples.DeviceCheck} (does training
 * on a GPU work and agree with the CPU).
 *
 * <p>Run one with {@code mvn -pl gan-examples exec:exec -Dmain=dev.gan4j.examples.NAME -Dargs="..."};
 * each class's documentation lists its options. Not a library: nothing else depends on this module.
 */
package dev.gan4j.examples;
