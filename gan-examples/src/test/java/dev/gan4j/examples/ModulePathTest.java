package dev.gan4j.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.lang.module.FindException;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * gan4j on the module path, where the JVM enforces its module descriptors: a client module of its own
 * trains through the public API, and neither the compiler nor reflection lets it reach {@code
 * dev.gan4j.internal}. The rest of the suite runs on the class path.
 */
// A child JVM per test: slow, so it runs in mvn verify (CONTRIBUTING.md, "Slow tests").
@Tag("slow")
class ModulePathTest {

    /** What gan-api and gan-djl require, and SLF4J's binding; every other jar stays on the class path. */
    private static final Set<String> ON_MODULE_PATH = Set.of("dev.gan4j.api", "dev.gan4j.djl", "ai.djl.api",
            "ai.djl.pytorch_engine", "com.sun.jna", "org.slf4j", "org.slf4j.simple", "org.tribuo.util.onnx",
            "com.google.protobuf");

    private static final String CLIENT_MODULE = """
            module gan4j.client {
                requires dev.gan4j.api;
            }
            """;

    /** Trains 4 steps of a tiny GAN, saves, reloads and exports it, then tries the internals. */
    private static final String CLIENT_MAIN = """
            package gan4j.client;

            import dev.gan4j.data.InMemoryImageDataset;
            import dev.gan4j.spec.DiscriminatorSpec;
            import dev.gan4j.spec.GeneratorSpec;
            import dev.gan4j.spec.Padding;
            import dev.gan4j.spec.TensorShape;
            import dev.gan4j.spi.Engines;
            import dev.gan4j.train.GanTrainer;
            import dev.gan4j.train.TrainedGan;
            import java.lang.reflect.Method;
            import java.nio.file.Files;
            import java.nio.file.Path;
            import java.util.Arrays;
            import java.util.Random;

            public final class Main {
                public static void main(String[] args) throws Exception {
                    Path dir = Path.of(args[0]);
                    Module api = GanTrainer.class.getModule();
                    Module engine = Engines.provider().getClass().getModule();
                    System.out.println("api: " + api.getName());
                    System.out.println("engine: " + Engines.provider().name() + " in " + engine.getName());
                    System.out.println("torch: " + ModuleLayer.boot().findModule("ai.djl.pytorch_engine")
                            .map(Module::getName).orElse("not a module"));

                    Random random = new Random(3);
                    float[] pixels = new float[32 * 64];
                    for (int i = 0; i < pixels.length; i++) {
                        pixels[i] = random.nextFloat() * 2 - 1;
                    }
                    GeneratorSpec g = GeneratorSpec.builder().latentDim(8)
                            .dense(2 * 4 * 4, false).reshape(2, 4, 4).batchNorm().relu()
                            .convTranspose(1, 3, 2, Padding.same()).tanh()
                            .build();
                    DiscriminatorSpec d = DiscriminatorSpec.builder().inputShape(1, 8, 8)
                            .conv(4, 3, 2, Padding.same()).leakyRelu(0.2f).dropout(0.3f)
                            .flatten().dense(1)
                            .build();
                    try (TrainedGan gan = GanTrainer.builder().generator(g).discriminator(d)
                            .epochs(1).batchSize(8).logEvery(2).seed(42)
                            .build()
                            .train(InMemoryImageDataset.of(pixels, TensorShape.of(1, 8, 8)))) {
                        System.out.println("trained: " + gan.provenance().steps() + " steps");
                        gan.save(dir.resolve("g.gan4j"));
                        gan.exportOnnx(dir.resolve("g.onnx"));
                        gan.generate(4, 7).writeGridPng(dir.resolve("g.png"), 2);
                        try (TrainedGan loaded = TrainedGan.load(dir.resolve("g.gan4j"))) {
                            System.out.println("reloaded draws the same: " + Arrays.equals(
                                    gan.generate(4, 7).pixels(), loaded.generate(4, 7).pixels()));
                        }
                        System.out.println("onnx and png written: " + (Files.size(dir.resolve("g.onnx")) > 0
                                && Files.size(dir.resolve("g.png")) > 0));
                    }

                    Module self = Main.class.getModule();
                    System.out.println("internal.io to the engine: " + api.isExported("dev.gan4j.internal.io", engine));
                    System.out.println("internal.io to us: " + api.isExported("dev.gan4j.internal.io", self));
                    System.out.println("internal.checkpoint to the engine: "
                            + api.isExported("dev.gan4j.internal.checkpoint", engine));
                    Class<?> files = Class.forName("dev.gan4j.internal.io.AtomicFiles");
                    Method write = files.getMethod("write", Path.class,
                            Class.forName("dev.gan4j.internal.io.AtomicFiles$Content"));
                    try {
                        write.invoke(null, dir.resolve("sneaked"), null);
                        System.out.println("invoke: allowed");
                    } catch (IllegalAccessException e) {
                        System.out.println("invoke: " + e.getMessage());
                    }
                    try {
                        write.setAccessible(true);
                        System.out.println("setAccessible: allowed");
                    } catch (RuntimeException e) {
                        System.out.println("setAccessible: " + e.getClass().getSimpleName());
                    }
                }
            }
            """;

    private static final String PEEKING_MODULE = """
            module gan4j.peek {
                requires dev.gan4j.api;
            }
            """;

    private static final String PEEKING_CLASS = """
            package gan4j.peek;

            import dev.gan4j.internal.io.AtomicFiles;

            final class Peek {
                Class<?> files = AtomicFiles.class;
            }
            """;

    @TempDir
    Path dir;

    @Test
    void aModuleTrainsThroughThePublicApiAndIsRefusedTheInternals() throws Exception {
        Paths paths = splitClassPath();
        Path classes = dir.resolve("client");
        List<String> errors = compile(dir.resolve("client-src"), "gan4j/client/Main.java", CLIENT_MODULE,
                CLIENT_MAIN, paths.modulePath(), classes);
        assertThat(errors).as("the client compiles against the exported packages").isEmpty();

        // No --add-modules: the engine module is resolved because gan-api uses the service it provides.
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-Dai.djl.offline=" + System.getProperty("ai.djl.offline", "true"),
                "--module-path", paths.modulePath() + File.pathSeparator + classes,
                "--class-path", paths.classPath(),
                "-m", "gan4j.client/gan4j.client.Main", dir.toString());
        Path out = dir.resolve("client.out");
        Path err = dir.resolve("client.err");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        boolean ended = process.waitFor(60, TimeUnit.SECONDS);
        if (!ended) {
            process.destroyForcibly().waitFor();
        }
        String log = Files.readString(err);

        assertThat(ended).as("the client ended within 60 s: %s", log).isTrue();
        assertThat(process.exitValue()).as(log).isZero();
        assertThat(Files.readAllLines(out)).as(log).containsExactly(
                "api: dev.gan4j.api",
                "engine: djl in dev.gan4j.djl",
                "torch: ai.djl.pytorch_engine",
                "trained: 4 steps",
                "reloaded draws the same: true",
                "onnx and png written: true",
                "internal.io to the engine: true",
                "internal.io to us: false",
                "internal.checkpoint to the engine: false",
                "invoke: class gan4j.client.Main (in module gan4j.client) cannot access class"
                        + " dev.gan4j.internal.io.AtomicFiles (in module dev.gan4j.api) because module"
                        + " dev.gan4j.api does not export dev.gan4j.internal.io to module gan4j.client",
                "setAccessible: InaccessibleObjectException");
        assertThat(dir.resolve("sneaked")).doesNotExist();
    }

    @Test
    void aModuleImportingAnInternalPackageDoesNotCompile() throws IOException {
        Paths paths = splitClassPath();

        List<String> errors = compile(dir.resolve("peek-src"), "gan4j/peek/Peek.java", PEEKING_MODULE,
                PEEKING_CLASS, paths.modulePath(), dir.resolve("peek"));

        assertThat(errors).containsExactly("package dev.gan4j.internal.io is not visible\n"
                + "  (package dev.gan4j.internal.io is declared in module dev.gan4j.api, which does not export it"
                + " to module gan4j.peek)");
    }

    /** The test's class path split into a module path and the rest. */
    private record Paths(String modulePath, String classPath) {}

    /**
     * Puts the jars (or class folders) of {@link #ON_MODULE_PATH} on a module path, the rest (PyTorch's
     * natives among them, whose jar has no valid module name) on a class path.
     */
    private static Paths splitClassPath() {
        Map<String, String> modules = new TreeMap<>();
        List<String> rest = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String name = moduleName(entry);
            if (name != null && ON_MODULE_PATH.contains(name)) {
                modules.put(name, entry);
            } else {
                rest.add(entry);
            }
        }
        assertThat(modules.keySet()).as("modules found on the class path %s", modules)
                .containsExactlyInAnyOrderElementsOf(ON_MODULE_PATH);
        for (String gan4j : List.of("dev.gan4j.api", "dev.gan4j.djl")) {
            ModuleReference ref = ModuleFinder.of(Path.of(modules.get(gan4j))).find(gan4j).orElseThrow();
            if (ref.descriptor().isAutomatic()) {
                fail(modules.get(gan4j) + " has no module-info.class: a jar built before it (from ~/.m2?);"
                        + " run the build from the project root");
            }
        }
        return new Paths(String.join(File.pathSeparator, modules.values()), String.join(File.pathSeparator, rest));
    }

    /** The one module an entry holds, or null (none, several, or not a valid module). */
    private static String moduleName(String entry) {
        try {
            Set<ModuleReference> found = ModuleFinder.of(Path.of(entry)).findAll();
            return found.size() == 1 ? found.iterator().next().descriptor().name() : null;
        } catch (FindException e) {
            return null;
        }
    }

    /**
     * Compiles a module of one class against {@code modulePath}; returns the compiler's error messages.
     * The class path is set (to the empty output folder): by default javac would use this JVM's.
     */
    private static List<String> compile(Path src, String classFile, String moduleInfo, String source,
            String modulePath, Path out) throws IOException {
        Files.createDirectories(src.resolve(classFile).getParent());
        Files.createDirectories(out);
        Files.writeString(src.resolve("module-info.java"), moduleInfo);
        Files.writeString(src.resolve(classFile), source);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT,
                StandardCharsets.UTF_8)) {
            javac.getTask(null, files, diagnostics,
                    List.of("--module-path", modulePath, "--class-path", out.toString(), "-d", out.toString(),
                            "-proc:none"), null,
                    files.getJavaFileObjects(src.resolve("module-info.java"), src.resolve(classFile))).call();
        }
        return diagnostics.getDiagnostics().stream()
                .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                .map(d -> d.getMessage(Locale.ROOT))
                .collect(Collectors.toList());
    }
}
