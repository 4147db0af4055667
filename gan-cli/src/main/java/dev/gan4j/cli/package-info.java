/**
 * The {@code gan4j} command ({@link dev.gan4j.cli.Gan4jCommand}): {@code train}, {@code resume},
 * {@code generate}, {@code export}, {@code inspect} and {@code completion}, on picocli. See
 * docs/cli.md.
 */
package dev.gan4j.cli;
