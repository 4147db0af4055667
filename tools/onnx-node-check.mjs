// Runs a gan4j ONNX export with onnxruntime-node, a second, independent runtime:
//   npm install --ignore-scripts onnxruntime-node      (in any folder; the CPU binaries ship in the package)
//   node tools/onnx-node-check.mjs generator.onnx [z.f32 expected.f32 [labels.i64]]
// Without the .f32 files it feeds N(0, 1) latents and prints the output's shape and range. With them
// (little-endian float32: latents [n, latentDim] and gan4j's images for them) it also prints the
// largest absolute difference and exits 1 above 1e-4. A class-conditional model (contract 2: an input
// named label, int64 [n]) gets the labels of labels.i64 (little-endian int64), or i % 2 without it.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const require = createRequire(path.join(process.cwd(), 'package.json'));
const ort = require('onnxruntime-node');

const [model, zFile, expectedFile] = process.argv.slice(2);
if (!model) {
  console.error('usage: node tools/onnx-node-check.mjs model.onnx [z.f32 expected.f32]');
  process.exit(2);
}
const floats = (file) => {
  const b = readFileSync(file);
  return new Float32Array(b.buffer, b.byteOffset, b.byteLength / 4);
};

const session = await ort.InferenceSession.create(model);
console.log(`inputs ${session.inputNames}, outputs ${session.outputNames}`);
const latentDim = session.inputMetadata?.[0]?.shape?.[1] ?? 100;
let z;
if (zFile) {
  z = floats(zFile);
} else {
  z = new Float32Array(8 * latentDim);
  for (let i = 0; i < z.length; i++) {
    const u1 = 1 - Math.random();
    z[i] = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * Math.random());
  }
}
const n = z.length / latentDim;
const feeds = { z: new ort.Tensor('float32', z, [n, latentDim]) };
if (session.inputNames.includes('label')) {
  const [, , , labelFile] = process.argv.slice(2);
  let labels;
  if (labelFile) {
    const b = readFileSync(labelFile);
    labels = new BigInt64Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
  } else {
    labels = BigInt64Array.from({ length: n }, (_, i) => BigInt(i % 2));
  }
  feeds.label = new ort.Tensor('int64', labels, [n]);
}
const result = await session.run(feeds);
const image = result.image;
let min = Infinity;
let max = -Infinity;
for (const v of image.data) {
  min = Math.min(min, v);
  max = Math.max(max, v);
}
console.log(`image dims [${image.dims}], values in [${min.toFixed(4)}, ${max.toFixed(4)}]`);
if (expectedFile) {
  const expected = floats(expectedFile);
  let diff = 0;
  for (let i = 0; i < expected.length; i++) {
    diff = Math.max(diff, Math.abs(expected[i] - image.data[i]));
  }
  console.log(`max |gan4j - onnxruntime-node| = ${diff.toExponential(2)}`);
  process.exit(expected.length === image.data.length && diff <= 1e-4 ? 0 : 1);
}
