package dev.gan4j.cli;

/** The value of an {@code on|off} option; lower case, as typed. */
enum Switch {
    on, off;

    /** Whether it is {@code on}. */
    boolean isOn() {
        return this == on;
    }
}
