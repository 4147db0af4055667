package dev.gan4j.djl;

import dev.gan4j.export.OnnxExportOptions;
import dev.gan4j.export.OnnxExportOptions.BatchNormExport;
import dev.gan4j.export.OnnxExportOptions.OutputRange;
import dev.gan4j.spec.GeneratorSpec;
import dev.gan4j.spec.Padding;
import java.util.ArrayList;
import java.util.List;

/** The generators and options every export test runs: each layer kind, both presets, every option. */
final class ExportCases {

    private ExportCases() {}

    /** One generator exported with one set of options. */
    record Case(String name, GeneratorSpec spec, OnnxExportOptions options) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** BatchNorm right after a dense (through a reshape), a transposed convolution and a convolution. */
    static GeneratorSpec foldableBatchNorms() {
        return GeneratorSpec.builder().latentDim(8)
                .dense(2 * 4 * 4).reshape(2, 4, 4).batchNorm().relu()
                .convTranspose(3, 3, 2, Padding.same()).batchNorm().leakyRelu(0.2f)
                .upsample(2)
                .conv(2, 3, 1, Padding.same(), false).batchNorm().dropout(0.3f)
                .conv(1, 3, 1, Padding.of(1)).tanh()
                .build();
    }

    /** BatchNorm on a flat batch and after an activation, a flatten, a sigmoid, odd kernels and strides. */
    static GeneratorSpec unfoldableBatchNorms() {
        return GeneratorSpec.builder().latentDim(6)
                .dense(24, false).batchNorm().leakyRelu(0.1f).batchNorm(0.9f, 1e-3f)
                .reshape(1, 4, 6)
                .conv(3, 2, 2, Padding.valid()).sigmoid()
                .flatten().dense(2 * 3 * 3).reshape(2, 3, 3)
                .convTranspose(1, 5, 3, Padding.of(2), 1, true).tanh()
                .build();
    }

    /** A BatchNorm behind a reshape of a convolution, and a non-square image. */
    static GeneratorSpec reshapedConvolution() {
        return GeneratorSpec.builder().latentDim(4)
                .dense(16).reshape(1, 4, 4)
                .conv(4, 3, 1, Padding.same()).reshape(2, 4, 8).batchNorm().relu()
                .convTranspose(1, 4, 2, Padding.of(1), 0, true).tanh()
                .build();
    }

    /**
     * Spectral normalization on a dense layer, a transposed convolution (before a BatchNorm that folds
     * into its normalised weight) and a convolution, as BigGAN's generator uses it.
     */
    static GeneratorSpec spectrallyNormalized() {
        return GeneratorSpec.builder().latentDim(8)
                .dense(2 * 4 * 4).spectralNorm().reshape(2, 4, 4).relu()
                .convTranspose(3, 3, 2, Padding.same()).spectralNorm().batchNorm().leakyRelu(0.2f)
                .conv(2, 3, 1, Padding.same()).spectralNorm().relu()
                .convTranspose(1, 4, 2, Padding.of(1), 0, false).spectralNorm().tanh()
                .build();
    }

    /** Images with alpha: gray and alpha ({@code channels} 2) or RGBA (4), which PNG grids draw too. */
    static GeneratorSpec withAlpha(int channels) {
        return GeneratorSpec.builder().latentDim(8)
                .dense(2 * 4 * 4).reshape(2, 4, 4).batchNorm().relu()
                .convTranspose(channels, 3, 2, Padding.same()).tanh()
                .build();
    }

    /**
     * A transposed convolution alone, on a 2x3x4 input: kernel 1-5, stride 1-3, {@code same} where it
     * applies, every padding below the kernel and every output padding below the stride, as long as the
     * output keeps a pixel.
     */
    static List<Case> transposedConvolutions() {
        List<Case> cases = new ArrayList<>();
        for (int k = 1; k <= 5; k++) {
            for (int s = 1; s <= 3; s++) {
                if (k >= s) {
                    cases.add(transposedConvolution(k, s, Padding.same(), 0));
                }
                for (int p = 0; p < k; p++) {
                    for (int op = 0; op < s; op++) {
                        if (2 * s + k + op - 2 * p >= 1) {
                            cases.add(transposedConvolution(k, s, Padding.of(p), op));
                        }
                    }
                }
            }
        }
        return cases;
    }

    private static Case transposedConvolution(int kernel, int stride, Padding padding, int outputPadding) {
        GeneratorSpec spec = GeneratorSpec.builder().latentDim(4)
                .dense(2 * 3 * 4).reshape(2, 3, 4)
                .convTranspose(3, kernel, stride, padding, outputPadding, true)
                .build();
        return new Case("kernel " + kernel + ", stride " + stride + ", padding " + padding.describe()
                + ", output padding " + outputPadding, spec, OnnxExportOptions.defaults());
    }

    static List<Case> all() {
        OnnxExportOptions defaults = OnnxExportOptions.defaults();
        OnnxExportOptions nodes = OnnxExportOptions.builder().batchNorm(BatchNormExport.NODES).build();
        List<Case> cases = new ArrayList<>();
        cases.add(new Case("foldable batch norms, folded", foldableBatchNorms(), defaults));
        cases.add(new Case("foldable batch norms, as nodes", foldableBatchNorms(), nodes));
        cases.add(new Case("unfoldable batch norms, folded", unfoldableBatchNorms(), defaults));
        cases.add(new Case("unfoldable batch norms, as nodes", unfoldableBatchNorms(), nodes));
        cases.add(new Case("reshaped convolution", reshapedConvolution(), defaults));
        cases.add(new Case("reshaped convolution, as nodes", reshapedConvolution(), nodes));
        cases.add(new Case("spectral norm, folded", spectrallyNormalized(), defaults));
        cases.add(new Case("spectral norm, batch norm as nodes", spectrallyNormalized(), nodes));
        cases.add(new Case("gray and alpha, 2 channels", withAlpha(2), defaults));
        cases.add(new Case("RGBA, 4 channels", withAlpha(4), defaults));
        cases.add(new Case("output in [0, 1]", foldableBatchNorms(),
                OnnxExportOptions.builder().outputRange(OutputRange.UNIT).build()));
        cases.add(new Case("fixed batch of 16", unfoldableBatchNorms(),
                OnnxExportOptions.builder().fixedBatchSize(16).build()));
        for (int opset = OnnxExportOptions.MIN_OPSET; opset < OnnxExportOptions.MAX_OPSET; opset++) {
            cases.add(new Case("opset " + opset, foldableBatchNorms(), OnnxExportOptions.builder().opset(opset).build()));
            cases.add(new Case("opset " + opset + ", as nodes", unfoldableBatchNorms(),
                    OnnxExportOptions.builder().opset(opset).batchNorm(BatchNormExport.NODES).build()));
        }
        cases.add(new Case("dcgan preset", GeneratorSpec.dcgan().build(), defaults));
        cases.add(new Case("dcgan preset, as nodes", GeneratorSpec.dcgan().build(), nodes));
        cases.add(new Case("kerasDcgan preset", GeneratorSpec.kerasDcgan().build(), defaults));
        cases.add(new Case("kerasDcgan preset, as nodes, opset 13", GeneratorSpec.kerasDcgan().build(),
                OnnxExportOptions.builder().batchNorm(BatchNormExport.NODES).opset(13).build()));
        return cases;
    }
}
