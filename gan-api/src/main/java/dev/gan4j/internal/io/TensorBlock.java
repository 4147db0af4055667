package dev.gan4j.internal.io;

import dev.gan4j.spi.HostTensor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The binary form of a list of named tensors, as stored in zip entries of generator and checkpoint
 * files: magic {@code G4JW}, version, count, then per tensor its name, trainable flag, shape and float
 * values, all big-endian.
 */
public final class TensorBlock {

    private static final int MAGIC = 0x47344a57; // "G4JW"
    private static final int VERSION = 1;

    private TensorBlock() {}

    /**
     * Encodes {@code tensors}, in order.
     *
     * @param tensors the tensors to encode
     * @return the encoded block
     */
    public static byte[] write(List<HostTensor> tensors) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(tensors.size());
            for (HostTensor t : tensors) {
                out.writeUTF(t.name());
                out.writeBoolean(t.trainable());
                out.writeInt(t.shape().length);
                for (long d : t.shape()) {
                    out.writeLong(d);
                }
                // One bulk conversion instead of a call per float: checkpoints hold millions of them.
                ByteBuffer buffer = ByteBuffer.allocate(t.values().length * Float.BYTES).order(ByteOrder.BIG_ENDIAN);
                buffer.asFloatBuffer().put(t.values());
                out.write(buffer.array());
            }
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
    }

    /**
     * Reads a block written by {@link #write}.
     *
     * @param file the file it came from, for messages, or {@code null} for bytes from elsewhere
     * @param entry the zip entry it came from, for messages
     * @param bytes the block's bytes
     * @return the tensors, in the order written
     * @throws IOException naming the file and entry if the block is not one or is cut short
     */
    public static List<HostTensor> read(Path file, String entry, byte[] bytes) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        try {
            if (in.readInt() != MAGIC) {
                throw new IOException(where(file, entry) + " has the wrong magic number");
            }
            int version = in.readInt();
            if (version != VERSION) {
                throw new IOException(where(file, entry) + " version " + version + ", this gan4j reads " + VERSION);
            }
            int count = in.readInt();
            List<HostTensor> tensors = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String name = in.readUTF();
                boolean trainable = in.readBoolean();
                int rank = in.readInt();
                if (rank < 0 || rank > 8) {
                    throw new IOException(where(file, entry) + ": tensor " + name + " has rank " + rank);
                }
                long[] shape = new long[rank];
                long size = 1;
                for (int d = 0; d < rank; d++) {
                    shape[d] = in.readLong();
                    if (shape[d] < 0 || shape[d] > Integer.MAX_VALUE) {
                        throw new IOException(where(file, entry) + ": tensor " + name + " has dimension " + shape[d]);
                    }
                    size *= shape[d];
                    if (size > Integer.MAX_VALUE) {
                        throw new IOException(where(file, entry) + ": tensor " + name + " is too large");
                    }
                }
                if (size * Float.BYTES > in.available()) {
                    throw new EOFException();
                }
                byte[] raw = new byte[Math.toIntExact(size * Float.BYTES)];
                in.readFully(raw);
                float[] values = new float[raw.length / Float.BYTES];
                ByteBuffer.wrap(raw).order(ByteOrder.BIG_ENDIAN).asFloatBuffer().get(values);
                tensors.add(new HostTensor(name, trainable, shape, values));
            }
            if (in.available() > 0) {
                throw new IOException(where(file, entry) + " has " + in.available() + " bytes after its last tensor");
            }
            return tensors;
        } catch (EOFException e) {
            throw new IOException(where(file, entry) + " is truncated", e);
        }
    }

    private static String where(Path file, String entry) {
        return file == null ? entry : file + ": " + entry;
    }
}
