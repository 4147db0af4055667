package dev.gan4j.internal.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.Objects;
import java.util.UUID;

/**
 * Writes files so that nothing is lost: into a temporary file beside the target, flushed to disk,
 * then moved over the target in one step. A crash leaves the old file or the new one, never half.
 * Every file gan4j writes goes through here, so it alone decides what may be replaced: a regular file
 * or nothing, and through a symbolic link the file it points to; never a directory, device or FIFO.
 */
public final class AtomicFiles {

    /** Linux follows at most 40 links in a path; a longer chain is taken for a loop. */
    private static final int MAX_LINKS = 40;

    private AtomicFiles() {}

    /** Writes the content of a stream. */
    @FunctionalInterface
    public interface Content {
        /**
         * Writes everything to {@code out}; do not close it.
         *
         * @param out the stream to write to, which the caller closes
         * @throws IOException if writing fails
         */
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Writes {@code target} atomically, creating its parent folders.
     *
     * <p>Only a regular file, or nothing, is replaced. A symbolic link is followed (link by link, a
     * dangling one too) and the file it points to is replaced, so the link stays a link and shows the
     * new content. A directory, a FIFO, device or socket, or a loop of links is refused before anything
     * is written.
     *
     * @param target the file to write
     * @param content what to write into it
     * @throws NullPointerException with the message {@code "file"} if {@code target} is null
     * @throws java.nio.file.FileSystemException if {@code target} (or what it links to) is not a
     *     regular file, or is a root with no file name; the message names the path and what it is
     * @throws IOException if writing or moving fails, with the target's path and {@linkplain
     *     #describe why} in the message (for a thread interrupted while writing: "the thread was
     *     interrupted") and the original as its cause; the target is then unchanged and the temporary
     *     file removed
     */
    public static void write(Path target, Content content) throws IOException {
        Objects.requireNonNull(target, "file");
        Objects.requireNonNull(content, "content");
        Path given = target.toAbsolutePath();
        Path file = given;
        try {
            checkParents(given);
            file = regularFileOrNothing(given);
            replace(file, content);
        } catch (NotARegularFileException refused) {
            throw refused;
        } catch (IOException e) {
            String where = file.equals(given) ? given.toString() : given + " (a link to " + file + ")";
            throw new IOException("could not write " + where + ": " + describe(e), e);
        }
    }

    /**
     * Creates the folders {@code file} goes in, as {@link Files#createDirectories} does, but where one of
     * them is a file, says which: the JDK's message is that path alone, or {@code "Not a directory"}.
     *
     * @param file the file whose parent folders are made
     * @throws IOException {@code "<path> is not a directory"} for the nearest existing one that is not,
     *     or if a folder cannot be made
     */
    public static void createParents(Path file) throws IOException {
        checkParents(file);
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
    }

    private static void checkParents(Path file) throws IOException {
        for (Path p = file.toAbsolutePath().getParent(); p != null && !Files.isDirectory(p); p = p.getParent()) {
            if (Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                throw new IOException(p + " is not a directory");
            }
        }
    }

    private static void replace(Path file, Content content) throws IOException {
        Path dir = file.getParent();
        createParents(file);
        // Not Files.createTempFile: it makes the file owner-only whatever the umask, and the move would
        // hand those permissions to the target.
        Path tmp = dir.resolve("." + file.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            try (OutputStream stream = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                    OutputStream out = new BufferedOutputStream(stream, 1 << 16)) {
                content.writeTo(out);
                out.flush();
            }
            keepPermissions(file, tmp);
            // Flush to disk before the move, so the rename never points at unwritten blocks.
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            syncDirectory(dir);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * The file to replace for {@code given}: itself if it is a regular file or absent, the end of its
     * chain of links if it is a symbolic link, else a refusal. Links are followed one at a time rather
     * than with {@code toRealPath()} so that a dangling link still yields the path it names, and a
     * loop is told apart from other faults.
     */
    private static Path regularFileOrNothing(Path given) throws IOException {
        Path current = given;
        for (int links = 0; ; links++) {
            BasicFileAttributes attributes = attributesOrNull(current);
            if (attributes == null || attributes.isRegularFile()) {
                if (current.getFileName() == null) {
                    throw new NotARegularFileException(given, given + " has no file name; choose a file path");
                }
                if (links == 0) {
                    return given;
                }
                return attributes == null ? realParent(current) : current.toRealPath();
            }
            if (attributes.isSymbolicLink()) {
                if (links == MAX_LINKS) {
                    throw new NotARegularFileException(given, given + " is a symbolic link in a loop (more than "
                            + MAX_LINKS + " links); point it at a file");
                }
                // A link's relative target is relative to the link's directory; a link always has one.
                current = current.getParent().resolve(Files.readSymbolicLink(current));
                continue;
            }
            String subject = current.equals(given) ? given.toString()
                    : current + ", where the symbolic link " + given + " points,";
            throw new NotARegularFileException(given, attributes.isDirectory()
                    ? subject + " is a directory, not a regular file; choose a file path"
                    : subject + " is a FIFO, device or socket, not a regular file; gan4j writes only regular files");
        }
    }

    private static BasicFileAttributes attributesOrNull(Path path) throws IOException {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException absent) {
            return null;
        }
    }

    /** An absent file under its parent's real path, where the parent exists yet. */
    private static Path realParent(Path file) throws IOException {
        Path parent = file.getParent();
        return Files.isDirectory(parent) ? parent.toRealPath().resolve(file.getFileName()) : file;
    }

    /**
     * Says why a file operation failed, for a message that already names the file: the JDK leaves some
     * messages empty ({@code ClosedByInterruptException}) or a bare path ({@code NoSuchFileException}),
     * so the exception's class is added where its message alone would not say what happened.
     *
     * @param e the failure
     * @return e.g. {@code No space left on device}, {@code the thread was interrupted
     *     (ClosedByInterruptException)}, {@code /out/a (AccessDeniedException)}
     */
    public static String describe(IOException e) {
        String name = e.getClass().getSimpleName();
        if (e instanceof ClosedByInterruptException) {
            // An interrupt closes the NIO channel being written, with no message of its own.
            return "the thread was interrupted (" + name + ")";
        }
        if (e.getMessage() == null) {
            return name;
        }
        if (e instanceof FileSystemException && ((FileSystemException) e).getReason() == null) {
            return e.getMessage() + " (" + name + ")";
        }
        return e.getMessage();
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
