package dev.gan4j.djl;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import dev.gan4j.train.NativeMemory;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out {@link NativeMemory#REUSE}: asks glibc's {@code malloc} to keep freed memory for reuse.
 *
 * <p>PyTorch's CPU allocator is plain {@code posix_memalign}/{@code free}. glibc serves blocks above
 * its mmap threshold (at most 32 MiB) with a fresh {@code mmap} and unmaps them when freed, and trims
 * freed heap memory above its trim threshold, so a training step that allocates and frees the same
 * large arrays every time takes a page fault for every 4 KiB of them, every step. {@code
 * mallopt(M_MMAP_MAX, 0)} serves every block from the heap, {@code M_TRIM_THRESHOLD} keeps what is
 * freed at the top of a heap and {@code M_TOP_PAD} keeps a thread's wholly free heaps mapped (see
 * {@code man mallopt}). Blocks larger than a per-thread heap (64 MiB) are still mapped afresh.
 */
final class GlibcMalloc {

    private static final Logger LOG = LoggerFactory.getLogger(GlibcMalloc.class);

    // From glibc's <malloc.h>.
    private static final int M_TRIM_THRESHOLD = -1;
    private static final int M_TOP_PAD = -2;
    private static final int M_MMAP_MAX = -4;
    // Twice glibc's 64 MiB per-thread heap: a heap whose memory is all free is unmapped only if that
    // frees more than the top pad (arena.c, heap_trim), so with this pad no heap ever is.
    private static final int HEAP_KEEPING_TOP_PAD = 128 << 20;

    private static boolean applied;

    private GlibcMalloc() {}

    /**
     * Why the allocator is left alone for this policy, device and environment, or empty when {@link
     * #reuseFreedMemory()} should apply. Pure, for tests: the environment is passed in.
     */
    static Optional<String> reasonToLeaveAlone(NativeMemory policy, boolean gpu, Map<String, String> env) {
        if (policy == NativeMemory.SYSTEM_DEFAULT) {
            return Optional.of("NativeMemory.SYSTEM_DEFAULT");
        }
        if (gpu) {
            return Optional.of("training on a GPU");
        }
        for (String name : env.keySet()) {
            if (name.startsWith("MALLOC_")) {
                return Optional.of("the environment sets " + name);
            }
        }
        String tunables = env.getOrDefault("GLIBC_TUNABLES", "");
        if (tunables.contains("glibc.malloc.")) {
            return Optional.of("GLIBC_TUNABLES sets malloc tunables");
        }
        String preload = env.getOrDefault("LD_PRELOAD", "");
        if (preload.contains("malloc")) {
            return Optional.of("LD_PRELOAD loads an allocator (" + preload + ")");
        }
        return Optional.empty();
    }

    /**
     * Applies the settings once per process, if this is glibc; returns whether they are in force.
     * Failure is logged and training goes on with the allocator as it was.
     */
    static synchronized boolean reuseFreedMemory() {
        if (applied) {
            return true;
        }
        Optional<NativeLibrary> libc = glibc();
        if (libc.isEmpty()) {
            LOG.debug("native memory: not glibc, allocator left alone");
            return false;
        }
        Function mallopt = libc.get().getFunction("mallopt");
        boolean ok = mallopt.invokeInt(new Object[] {M_MMAP_MAX, 0}) == 1
                && mallopt.invokeInt(new Object[] {M_TRIM_THRESHOLD, Integer.MAX_VALUE}) == 1
                && mallopt.invokeInt(new Object[] {M_TOP_PAD, HEAP_KEEPING_TOP_PAD}) == 1;
        if (!ok) {
            LOG.warn("native memory: glibc's mallopt refused M_MMAP_MAX, M_TRIM_THRESHOLD or M_TOP_PAD; allocator"
                    + " settings may be partly changed");
            return false;
        }
        applied = true;
        LOG.info("native memory: glibc malloc keeps freed memory for reuse (NativeMemory.REUSE, process-wide;"
                + " NativeMemory.SYSTEM_DEFAULT to opt out)");
        return true;
    }

    /** Returns the heap's free memory to the operating system ({@code malloc_trim(0)}). */
    static synchronized void releaseFreeMemory() {
        if (applied) {
            glibc().ifPresent(c -> c.getFunction("malloc_trim").invokeInt(new Object[] {0}));
        }
    }

    /** Whether this process runs on glibc and JNA can reach it. */
    static boolean available() {
        return glibc().isPresent();
    }

    private static Optional<NativeLibrary> glibc() {
        try {
            if (!Platform.isLinux()) {
                return Optional.empty();
            }
            NativeLibrary c = NativeLibrary.getInstance(Platform.C_LIBRARY_NAME);
            // Only glibc has gnu_get_libc_version; musl's mallopt does nothing.
            c.getFunction("gnu_get_libc_version");
            return Optional.of(c);
        } catch (LinkageError e) {
            // Not glibc, or JNA cannot load its native part here (e.g. a noexec temp directory):
            // training goes on with the allocator as it is.
            LOG.debug("native memory: no glibc reachable through JNA ({})", e.toString());
            return Optional.empty();
        }
    }
}
