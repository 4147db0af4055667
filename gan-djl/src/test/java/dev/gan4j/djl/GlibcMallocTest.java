package dev.gan4j.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.gan4j.train.NativeMemory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class GlibcMallocTest {

    private static final Map<String, String> PLAIN = Map.of("PATH", "/usr/bin", "LD_PRELOAD", "");

    @Test
    void reusesOnACpuWhenTheProcessHasNotChosenItsAllocator() {
        assertThat(GlibcMalloc.reasonToLeaveAlone(NativeMemory.REUSE, false, PLAIN)).isEmpty();
    }

    @Test
    void leavesTheAllocatorAloneWhenAskedOrOnAGpu() {
        assertThat(GlibcMalloc.reasonToLeaveAlone(NativeMemory.SYSTEM_DEFAULT, false, PLAIN))
                .contains("NativeMemory.SYSTEM_DEFAULT");
        assertThat(GlibcMalloc.reasonToLeaveAlone(NativeMemory.REUSE, true, PLAIN)).contains("training on a GPU");
    }

    @Test
    void leavesTheAllocatorAloneWhenTheEnvironmentConfiguresIt() {
        assertThat(leftAloneWith("MALLOC_ARENA_MAX", "2")).contains("the environment sets MALLOC_ARENA_MAX");
        assertThat(leftAloneWith("MALLOC_CONF", "background_thread:true")).contains("the environment sets MALLOC_CONF");
        assertThat(leftAloneWith("GLIBC_TUNABLES", "glibc.malloc.trim_threshold=0"))
                .contains("GLIBC_TUNABLES sets malloc tunables");
        assertThat(leftAloneWith("LD_PRELOAD", "/usr/lib/x86_64-linux-gnu/libjemalloc.so.2"))
                .contains("LD_PRELOAD loads an allocator (/usr/lib/x86_64-linux-gnu/libjemalloc.so.2)");
        assertThat(leftAloneWith("GLIBC_TUNABLES", "glibc.cpu.hwcaps=-AVX512F")).isEmpty();
    }

    @Test
    @Slow
    void trainingWithReuseStopsTheFaultsOfReallocatingLargeArrays() throws Exception {
        assumeThat(GlibcMalloc.available()).as("glibc, reachable through JNA").isTrue();

        long system = faultsAfterTraining(NativeMemory.SYSTEM_DEFAULT);
        long reuse = faultsAfterTraining(NativeMemory.REUSE);

        // glibc maps a 48 MiB block afresh on every allocation (12,288 faults of 4 KiB pages, fewer with
        // transparent huge pages); kept for reuse, the block is faulted in once, before the count starts.
        long pages = AllocatorFaultsChild.BYTES / 4096;
        assertThat(system).as("faults with the system's settings").isGreaterThan(AllocatorFaultsChild.CYCLES * 16L);
        assertThat(reuse).as("faults with REUSE, against %d with the system's settings", system)
                .isLessThan(Math.max(system / 10, 1));
        assertThat(reuse).isLessThan(pages);
    }

    private static Optional<String> leftAloneWith(String name, String value) {
        return GlibcMalloc.reasonToLeaveAlone(NativeMemory.REUSE, false, Map.of(name, value));
    }

    private static long faultsAfterTraining(NativeMemory policy) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx512m", "-Dai.djl.offline=true",
                "-cp", System.getProperty("java.class.path"), AllocatorFaultsChild.class.getName(), policy.name())
                .redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("MALLOC_") || name.equals("GLIBC_TUNABLES"));
        Process child = builder.start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as(output).isZero();
        String line = output.lines().filter(l -> l.startsWith("faults ")).findFirst().orElseThrow(
                () -> new AssertionError("no faults line in the child's output:\n" + output));
        return Long.parseLong(line.substring("faults ".length()).strip());
    }
}
