package dev.gan4j.train;

/**
 * What the process's C allocator does with the native memory a training step frees; set with
 * {@link GanTrainer.Builder#nativeMemory(NativeMemory)}.
 *
 * <p>Every step allocates and frees the same large activation arrays (the Keras recipe's
 * discriminator holds 51 MB in one layer at batch 128). With glibc's defaults, blocks that large are
 * mapped from the operating system for each allocation and unmapped when freed, so every step pays a
 * page fault per 4 KiB of them; on the project's CPU benchmark that cost a fifth of a {@code
 * kerasDcgan} step (see docs/benchmarks.md). PyTorch's own CUDA allocator keeps freed blocks for the
 * same reason, and PyTorch's CPU tuning guide recommends an allocator that does.
 */
public enum NativeMemory {

    /**
     * Default. When training on a CPU under glibc (Linux), training tells glibc's {@code malloc} to
     * serve every block from its heaps and keep freed memory for reuse instead of returning it to the
     * operating system ({@code mallopt} of {@code M_MMAP_MAX} 0, {@code M_TRIM_THRESHOLD} 2^31 - 1 and
     * {@code M_TOP_PAD} 128 MiB), and gives the free memory back ({@code malloc_trim(0)}) when training
     * ends. Blocks larger than glibc's 64 MiB per-thread heaps are still mapped afresh. The settings are
     * process-wide and stay for the life of the process: other native allocations of the process are
     * served from the heap too. Nothing is changed when the process already chose its allocator
     * (a {@code MALLOC_*} or {@code GLIBC_TUNABLES} environment variable, or an allocator in {@code
     * LD_PRELOAD}), on other C libraries and operating systems, or when training on a GPU.
     */
    REUSE,

    /** The C allocator's settings are left as they are. */
    SYSTEM_DEFAULT
}
