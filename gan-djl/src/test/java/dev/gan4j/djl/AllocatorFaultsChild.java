package dev.gan4j.djl;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.gan4j.train.ComputeDevice;
import dev.gan4j.train.GanTrainer;
import dev.gan4j.train.NativeMemory;
import dev.gan4j.train.TrainedGan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A child JVM for {@link GlibcMallocTest}: trains a tiny GAN with the {@link NativeMemory} policy
 * named by {@code args[0]}, then prints the page faults taken while an array about as large as the
 * Keras discriminator's biggest activation at batch 128 (51 MB) is allocated, filled and freed ten
 * times, as every step does. (Blocks above glibc's 64 MiB per-thread heaps are mapped afresh whatever
 * the settings.)
 */
public final class AllocatorFaultsChild {

    static final int CYCLES = 10;
    static final long BYTES = 48L << 20;

    private AllocatorFaultsChild() {}

    /** Prints {@code faults <n>}. */
    public static void main(String[] args) throws IOException {
        NativeMemory policy = NativeMemory.valueOf(args[0]);
        GanTrainer trainer = GanTrainer.builder()
                .generator(TinyGan.generator())
                .discriminator(TinyGan.discriminator())
                .batchSize(8)
                .stepsPerEpoch(2)
                .epochs(1)
                .device(ComputeDevice.cpu())
                .seed(3)
                .nativeMemory(policy)
                .build();
        try (TrainedGan gan = trainer.train(TinyGan.data(16, 4))) {
            // Only the allocator setting the run leaves behind matters here.
        }
        try (NDManager manager = NDManager.newBaseManager(Device.cpu(), DjlEngine.get().getEngineName())) {
            Shape shape = new Shape(BYTES / Float.BYTES);
            for (int i = 0; i < 2; i++) {
                cycle(manager, shape);
            }
            long before = minorFaults();
            for (int i = 0; i < CYCLES; i++) {
                cycle(manager, shape);
            }
            System.out.println("faults " + (minorFaults() - before));
        }
    }

    private static void cycle(NDManager manager, Shape shape) {
        try (NDManager step = manager.newSubManager()) {
            step.zeros(shape).addi(1f);
        }
    }

    /** The process's minor page faults so far: field 10 of /proc/self/stat. */
    private static long minorFaults() throws IOException {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        String[] afterName = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(afterName[7]);
    }
}
