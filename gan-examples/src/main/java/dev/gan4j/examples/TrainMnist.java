package dev.gan4j.examples;

import dev.gan4j.cli.Gan4jCommand;
import dev.gan4j.cli.TrainCommand;

/**
 * Trains a GAN on MNIST: {@code gan4j train} (gan-cli's {@link TrainCommand}) with the same arguments,
 * defaults and output, so that {@code mvn -pl gan-examples exec:exec -Dargs="--recipe keras"} works as
 * it always did. It writes a sample grid per epoch, the metrics of every report ({@code metrics.csv}),
 * the trained generator and its ONNX export into {@code gan4j-out}; a diverging run stops with its
 * diagnosis (exit 1), a bad argument prints the usage (exit 2).
 *
 * <pre>
 * TrainMnist [--recipe dcgan|keras] [--loss NAME] [--data DIR] [--out DIR] [--epochs N] [--seed N]
 *            [--quality-every N] [--images N] [--augment POLICIES] [--instance-noise SIGMA]
 *            [--label-flips P] [--spectral-norm on|off] [--penalty r1|r2|wganGp:WEIGHT[:EVERY]] ...
 * </pre>
 *
 * <p>Every option, with its default, is in {@code gan4j train --help} and docs/cli.md.
 */
public final class TrainMnist {

    private TrainMnist() {}

    /**
     * Runs {@code gan4j train} with {@code args}; exits with its code (1 for a failed run, 2 for a usage
     * error) unless it succeeded.
     */
    public static void main(String[] args) {
        String[] train = new String[args.length + 1];
        train[0] = "train";
        System.arraycopy(args, 0, train, 1, args.length);
        int code = Gan4jCommand.execute(train);
        if (code != Gan4jCommand.OK) {
            System.exit(code);
        }
    }
}
