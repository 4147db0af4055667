package dev.gan4j.examples;

import java.util.function.BiConsumer;

/**
 * The example programs' command lines: {@code --flag value} pairs, and {@code --help} (or {@code -h}),
 * which the programs answer with their usage.
 */
final class Flags {

    private Flags() {}

    /**
     * Hands each {@code --flag value} pair of {@code args} to {@code option}, in order.
     *
     * @throws IllegalArgumentException {@code "help"} for {@code --help} or {@code -h}; naming the flag
     *     if its value is missing; whatever {@code option} throws for a value it rejects
     */
    static void parse(String[] args, BiConsumer<String, String> option) {
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (flag.equals("--help") || flag.equals("-h")) {
                throw new IllegalArgumentException("help");
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            option.accept(flag, args[++i]);
        }
    }
}
