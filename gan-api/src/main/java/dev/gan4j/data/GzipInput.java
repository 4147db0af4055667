package dev.gan4j.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Decompresses a gzip file (RFC 1952), failing with an {@link IdxFormatException} that names the file
 * and says where and how it is truncated or damaged.
 *
 * <p>Not {@link java.util.zip.GZIPInputStream}: its {@code EOFException} for a file cut inside the
 * header has no message, and after a member it reads whatever follows as a possible next member and
 * ignores it silently when it is not one, so garbage appended to a file went unnoticed. Here a file
 * may hold several members one after another, which RFC 1952 allows and {@code gunzip} reads as one
 * stream (what {@code cat a.gz b.gz} makes); anything else after the last member is refused with its
 * length, as {@code gzip -t} reports "trailing garbage".
 */
final class GzipInput extends InputStream {

    private static final int ID1 = 0x1f;
    private static final int ID2 = 0x8b;
    private static final int DEFLATE = 8;
    private static final int FHCRC = 0x02;
    private static final int FEXTRA = 0x04;
    private static final int FNAME = 0x08;
    private static final int FCOMMENT = 0x10;
    private static final int RESERVED_FLAGS = 0xe0;
    private static final int HEADER_BYTES = 10;
    private static final int TRAILER_BYTES = 8;

    private final String name;
    private final InputStream in;
    private final byte[] buffer = new byte[1 << 16];
    private final Inflater inflater = new Inflater(true);
    private final CRC32 crc = new CRC32();
    private final byte[] one = new byte[1];
    /** Bytes of the file before {@code buffer[0]}. */
    private long bufferStart;
    private int position;
    private int limit;
    private int member;
    private long memberStart;
    private long memberBytes;
    private boolean inMember;
    private boolean ended;

    /**
     * @param name the file's name for messages
     * @param in the file's bytes from its start, which must be gzip's magic bytes {@code 1f 8b}
     */
    GzipInput(String name, InputStream in) {
        this.name = name;
        this.in = in;
    }

    @Override
    public int read() throws IOException {
        return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (!ended) {
            if (!inMember) {
                startMember();
                continue;
            }
            if (inflater.needsInput()) {
                // What the header left in the buffer goes first.
                if (position == limit && !fill()) {
                    throw truncated("before the end of its compressed data");
                }
                inflater.setInput(buffer, position, limit - position);
            }
            int n;
            try {
                n = inflater.inflate(b, off, len);
            } catch (DataFormatException e) {
                throw damaged("the compressed data is invalid (" + e.getMessage() + ")");
            }
            position = limit - inflater.getRemaining();
            if (n > 0) {
                crc.update(b, off, n);
                memberBytes += n;
                return n;
            }
            if (inflater.finished()) {
                endMember();
            } else if (inflater.needsDictionary()) {
                throw damaged("the compressed data asks for a preset dictionary, which gzip never uses");
            }
        }
        return -1;
    }

    /** Reads the next member's header, or ends the stream where the file ends after a member. */
    private void startMember() throws IOException {
        long start = offset();
        int id1 = readByte();
        if (id1 == -1 && member > 0) {
            ended = true;
            return;
        }
        int id2 = id1 == -1 ? -1 : readByte();
        if (member > 0 && (id1 != ID1 || id2 != ID2)) {
            long trailing = 1 + (id2 == -1 ? 0 : 1) + drain();
            throw new IdxFormatException("file " + name + " has " + trailing + (trailing == 1 ? " byte" : " bytes")
                    + " after the end of its gzip stream at byte " + start + "; a gzip file holds nothing but gzip"
                    + " members");
        }
        member++;
        memberStart = start;
        if (id2 == -1) {
            throw truncatedHeader();
        }
        // The caller checked the first member's magic bytes; the test above, the others'.
        CRC32 headerCrc = new CRC32();
        headerCrc.update(id1);
        headerCrc.update(id2);
        int method = headerByte(headerCrc);
        if (method != DEFLATE) {
            throw damaged("the compression method is " + method + "; gzip defines only 8 (deflate)");
        }
        int flags = headerByte(headerCrc);
        if ((flags & RESERVED_FLAGS) != 0) {
            throw damaged("reserved header flags are set (" + String.format("0x%02x", flags) + ")");
        }
        for (int i = 0; i < 6; i++) {
            headerByte(headerCrc); // modification time, extra flags, operating system
        }
        if ((flags & FEXTRA) != 0) {
            int length = headerByte(headerCrc) | headerByte(headerCrc) << 8;
            for (int i = 0; i < length; i++) {
                headerByte(headerCrc);
            }
        }
        if ((flags & FNAME) != 0) {
            while (headerByte(headerCrc) != 0) {
                // the original file name, zero-terminated
            }
        }
        if ((flags & FCOMMENT) != 0) {
            while (headerByte(headerCrc) != 0) {
                // a comment, zero-terminated
            }
        }
        if ((flags & FHCRC) != 0) {
            int expected = (int) (headerCrc.getValue() & 0xffff);
            int stored = headerByte(null) | headerByte(null) << 8;
            if (stored != expected) {
                throw damaged("the header checksum is " + String.format("0x%04x", stored)
                        + ", but the header sums to " + String.format("0x%04x", expected));
            }
        }
        inflater.reset();
        crc.reset();
        memberBytes = 0;
        inMember = true;
    }

    private void endMember() throws IOException {
        long storedCrc = trailerInt();
        long storedSize = trailerInt();
        if (storedCrc != crc.getValue()) {
            throw damaged(String.format("the CRC-32 in the trailer is 0x%08x, but the data decompresses to 0x%08x",
                    storedCrc, crc.getValue()));
        }
        // ISIZE is the length modulo 2^32.
        if (storedSize != (memberBytes & 0xffffffffL)) {
            throw damaged("the length in the trailer is " + storedSize + " bytes, but the data decompresses to "
                    + memberBytes + " bytes");
        }
        inMember = false;
    }


    private int headerByte(CRC32 headerCrc) throws IOException {
        int b = readByte();
        if (b == -1) {
            throw truncatedHeader();
        }
        if (headerCrc != null) {
            headerCrc.update(b);
        }
        return b;
    }

    /** A little-endian unsigned 32-bit value of the trailer. */
    private long trailerInt() throws IOException {
        long value = 0;
        for (int i = 0; i < 4; i++) {
            int b = readByte();
            if (b == -1) {
                throw truncated("inside the " + TRAILER_BYTES + "-byte gzip trailer that follows its compressed data");
            }
            value |= (long) b << (8 * i);
        }
        return value;
    }

    private int readByte() throws IOException {
        if (position == limit && !fill()) {
            return -1;
        }
        return buffer[position++] & 0xff;
    }

    /** Refills the buffer once it is used up; false at the end of the file. */
    private boolean fill() throws IOException {
        bufferStart += limit;
        position = 0;
        limit = 0;
        int n = in.read(buffer, 0, buffer.length);
        if (n <= 0) {
            return false;
        }
        limit = n;
        return true;
    }

    private long offset() {
        return bufferStart + position;
    }

    private long drain() throws IOException {
        long rest = limit - position;
        position = limit;
        return rest + in.transferTo(OutputStream.nullOutputStream());
    }

    private IdxFormatException truncatedHeader() {
        return truncated(member == 1 ? "inside its " + HEADER_BYTES + "-byte gzip header"
                : "inside the header of gzip member " + member + " (at byte " + memberStart + ")");
    }

    private IdxFormatException truncated(String where) {
        return new IdxFormatException("file " + name + " is a truncated gzip stream: it ends after " + offset()
                + " bytes, " + where);
    }

    /** Names the member only when there are several: most files hold one. */
    private IdxFormatException damaged(String what) {
        String where = member > 1 ? "in gzip member " + member + " (at byte " + memberStart + "), " : "";
        return new IdxFormatException("file " + name + " is a damaged gzip stream: " + where + what);
    }

    @Override
    public void close() throws IOException {
        inflater.end();
        in.close();
    }
}
