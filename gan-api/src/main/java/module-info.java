/**
 * The gan4j API: specs, the trainer's builder, losses, data sets, listeners, the trained generator and
 * its ONNX export, and the contract engines implement. Pure Java: no engine type in any signature.
 *
 * <p>It exports every public package to everybody, {@code dev.gan4j.spi} included, since engines
 * implement it. The {@code dev.gan4j.internal} packages are code the engine shares with the
 * engine-neutral loop (file formats, the ONNX writer, seeds); their classes are public only so that
 * the engine can call them, so they are exported to the engine module {@code dev.gan4j.djl} alone
 * (OkHttp does the same for {@code okhttp3.internal}), and {@code internal.checkpoint}, which only
 * this module uses, to nobody. On the class path none of this is enforced.
 *
 * <p>The engine is found with {@link java.util.ServiceLoader}: on the module path through the
 * engine's {@code provides}, on the class path through its {@code META-INF/services} file.
 */
// javac cannot see dev.gan4j.djl (it is built after this module) and would warn at each qualified export.
@SuppressWarnings("module")
module dev.gan4j.api {
    // ImageBatch.toGrid returns a java.awt.image.BufferedImage.
    requires transitive java.desktop;
    requires org.slf4j;
    // ONNX's protobuf classes, for internal.onnx only (automatic modules: tribuo-util-onnx 4.3.2,
    // protobuf-java 3.25).
    requires org.tribuo.util.onnx;
    requires com.google.protobuf;

    exports dev.gan4j;
    exports dev.gan4j.data;
    exports dev.gan4j.export;
    exports dev.gan4j.health;
    exports dev.gan4j.image;
    exports dev.gan4j.quality;
    exports dev.gan4j.spec;
    exports dev.gan4j.spi;
    exports dev.gan4j.train;
    exports dev.gan4j.train.listener;

    exports dev.gan4j.internal.data to dev.gan4j.djl;
    // The run report (gan-report) writes its files atomically too.
    exports dev.gan4j.internal.io to dev.gan4j.djl, dev.gan4j.report;
    exports dev.gan4j.internal.onnx to dev.gan4j.djl;
    exports dev.gan4j.internal.random to dev.gan4j.djl;

    uses dev.gan4j.spi.GanTrainerProvider;
}
