package dev.gan4j.internal.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.UUID;

/**
 * Writes files so that nothing is lost: into a temporary file beside the target, flushed to disk,
 * then moved over the target in one step. A crash leaves the old file or the new one, never half.
 */
public final class AtomicFiles {

    private AtomicFiles() {}

    /** Writes the content of a stream. */
    @FunctionalInterface
    public interface Content {
        /** Writes everything to {@code out}; do not close it. */
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Writes {@code target} atomically, creating its parent folders.
     *
     * @throws IOException if writing or moving fails; the target is then unchanged
     */
    public static void write(Path target, Content content) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Files.createDirectories(dir);
        // Not Files.createTempFile: it makes the file owner-only whatever the umask, and the move would
        // hand those permissions to the target.
        Path tmp = dir.resolve("." + absolute.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            try (OutputStream file = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                    OutputStream out = new BufferedOutputStream(file, 1 << 16)) {
                content.writeTo(out);
                out.flush();
            }
            keepPermissions(absolute, tmp);
            // Flush to disk before the move, so the rename never points at unwritten blocks.
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            try {
                Files.move(tmp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            syncDirectory(dir);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Flushes the directory entry of the rename, so that a power cut right after cannot bring back
     * the old file. Where a directory cannot be opened for syncing (not POSIX), the rename stands
     * unsynced, as the platform allows.
     */
    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException notSupported) {
            // Windows cannot open a directory as a channel; its renames are journalled by NTFS.
        }
    }

    /** A replaced file keeps its permissions, where the file system has POSIX ones. */
    private static void keepPermissions(Path target, Path tmp) throws IOException {
        if (Files.exists(target) && Files.getFileStore(target).supportsFileAttributeView(PosixFileAttributeView.class)) {
            Files.setPosixFilePermissions(tmp, Files.getPosixFilePermissions(target));
        }
    }
}
