/**
 * The gan4j engine on DJL's PyTorch engine. It exports nothing: its one public class, {@code
 * dev.gan4j.djl.DjlGanTrainerProvider}, is reached through {@link java.util.ServiceLoader} only, which
 * on the module path needs the {@code provides} below and no export (the {@code META-INF/services}
 * file stays for the class path).
 *
 * <p>DJL's jars are automatic modules ({@code ai.djl.api}, {@code ai.djl.pytorch_engine}), as is JNA's
 * ({@code com.sun.jna}). PyTorch's natives, {@code pytorch-native-cpu} (or a CUDA build) and {@code
 * pytorch-jni}, stay on the class path: DJL finds them as resources, and the CPU jar's manifest names
 * an invalid module ({@code ai.djl.pytorch_native_cpu_linux-x86_64}), so it cannot be on the module
 * path.
 */
module dev.gan4j.djl {
    requires dev.gan4j.api;
    requires ai.djl.api;
    // ai.djl.pytorch.jni.JniUtils: torch's seed and grad mode, which DJL's api does not reach.
    requires ai.djl.pytorch_engine;
    // glibc's mallopt for NativeMemory.REUSE.
    requires com.sun.jna;
    requires org.slf4j;

    provides dev.gan4j.spi.GanTrainerProvider with dev.gan4j.djl.DjlGanTrainerProvider;
}
