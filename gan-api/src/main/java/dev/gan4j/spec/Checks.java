package dev.gan4j.spec;

/** Argument checks shared by the spec types; each message names the parameter and its value. */
final class Checks {

    private Checks() {}

    static void atLeast(String name, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be >= " + min + ", got " + value);
        }
    }

    static void notNull(String name, Object value) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
    }
}
