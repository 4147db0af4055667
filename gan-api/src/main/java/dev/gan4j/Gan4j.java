package dev.gan4j;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Facts about this gan4j build. */
public final class Gan4j {

    private static final String VERSION = readVersion();

    private Gan4j() {}

    /**
     * Returns the gan4j version, e.g. {@code 0.1.0}.
     *
     * @return the gan4j version
     */
    public static String version() {
        return VERSION;
    }

    private static String readVersion() {
        try (InputStream in = Gan4j.class.getResourceAsStream("gan4j.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
