package dev.gan4j.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * A classifier's parameters as bytes, the engine's encoding that gan-api caches: a magic number, a
 * version, then every parameter by name, trainability, shape and float values, big-endian.
 */
final class ClassifierWeights {

    private static final int MAGIC = 0x47344a4b; // "G4JK"
    private static final int VERSION = 1;

    private ClassifierWeights() {}

    static byte[] encode(List<Param> params) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(params.size());
            for (Param p : params) {
                out.writeUTF(p.name());
                out.writeBoolean(p.trainable());
                long[] dims = p.array().getShape().getShape();
                out.writeInt(dims.length);
                for (long d : dims) {
                    out.writeLong(d);
                }
                float[] values = p.array().toFloatArray();
                ByteBuffer buffer = ByteBuffer.allocate(values.length * Float.BYTES);
                buffer.asFloatBuffer().put(values);
                out.write(buffer.array());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
        return bytes.toByteArray();
    }

    /**
     * Reads parameters written by {@link #encode} into {@code manager}.
     *
     * @throws IllegalArgumentException if the bytes are not classifier weights
     */
    static List<Param> decode(byte[] bytes, NDManager manager) {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        try {
            if (in.readInt() != MAGIC) {
                throw new IllegalArgumentException("not gan4j classifier weights: wrong magic number");
            }
            int version = in.readInt();
            if (version != VERSION) {
                throw new IllegalArgumentException(
                        "classifier weights of version " + version + "; this gan4j reads version " + VERSION);
            }
            int count = in.readInt();
            List<Param> params = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                String name = in.readUTF();
                boolean trainable = in.readBoolean();
                long[] dims = new long[in.readInt()];
                for (int d = 0; d < dims.length; d++) {
                    dims[d] = in.readLong();
                }
                Shape shape = new Shape(dims);
                byte[] raw = new byte[Math.multiplyExact(Math.toIntExact(shape.size()), Float.BYTES)];
                in.readFully(raw);
                float[] values = new float[raw.length / Float.BYTES];
                ByteBuffer.wrap(raw).asFloatBuffer().get(values);
                params.add(new Param(name, manager.create(values, shape), trainable));
            }
            if (in.available() > 0) {
                throw new IllegalArgumentException(
                        "classifier weights have " + in.available() + " bytes after the last parameter");
            }
            return params;
        } catch (EOFException e) {
            throw new IllegalArgumentException("classifier weights are truncated", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
