package dev.gan4j.internal.io;

import static dev.gan4j.SpecialFiles.mkfifo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void writesTheContent() throws IOException {
        Path file = dir.resolve("model.gan4j");

        AtomicFiles.write(file, out -> out.write("hello".getBytes(StandardCharsets.UTF_8)));

        assertThat(file).hasContent("hello");
        assertThat(filesIn(dir)).containsExactly(file);
    }

    @Test
    void createsMissingParentFolders() throws IOException {
        Path file = dir.resolve("a/b/c.txt");

        AtomicFiles.write(file, out -> out.write(1));

        assertThat(file).hasBinaryContent(new byte[] {1});
    }

    @Test
    void aFileWhereAParentFolderShouldBeIsNamed() throws IOException {
        Path blocker = Files.writeString(dir.resolve("out"), "a file");
        Path file = blocker.resolve("model.gan4j");

        assertThatThrownBy(() -> AtomicFiles.write(file, out -> out.write(1)))
                .isInstanceOf(IOException.class)
                .hasMessage("could not write " + file + ": " + blocker + " is not a directory");

        assertThat(blocker).hasContent("a file");
    }

    @Test
    void replacesAnExistingFile() throws IOException {
        Path file = dir.resolve("grid.png");
        Files.writeString(file, "old content that is longer than the new");

        AtomicFiles.write(file, out -> out.write("new".getBytes(StandardCharsets.UTF_8)));

        assertThat(file).hasContent("new");
        assertThat(filesIn(dir)).containsExactly(file);
    }

    @Test
    void writesLargeContentBeyondTheBuffer() throws IOException {
        Path file = dir.resolve("big.bin");
        byte[] data = new byte[300_000];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 31);
        }

        AtomicFiles.write(file, out -> {
            out.write(data, 0, 1000);
            out.write(data, 1000, data.length - 1000);
        });

        assertThat(file).hasBinaryContent(data);
    }

    @Test
    void failingContentLeavesThePreviousFileAndNoTemporaryFile() throws IOException {
        Path file = dir.resolve("model.gan4j");
        Files.writeString(file, "previous");
        IOException failure = new IOException("disk full");

        assertThatThrownBy(() -> AtomicFiles.write(file, out -> {
            out.write("half of the new conte".getBytes(StandardCharsets.UTF_8));
            throw failure;
        })).hasMessage("could not write " + file + ": disk full").hasCauseReference(failure);

        assertThat(file).hasContent("previous");
        assertThat(filesIn(dir)).containsExactly(file);
    }

    @Test
    void uncheckedFailureAlsoLeavesThePreviousFileAndNoTemporaryFile() throws IOException {
        Path file = dir.resolve("model.gan4j");
        Files.writeString(file, "previous");

        assertThatThrownBy(() -> AtomicFiles.write(file, out -> {
            out.write(new byte[100_000]);
            throw new IllegalStateException("engine failed");
        })).isInstanceOf(IllegalStateException.class).hasMessage("engine failed");

        assertThat(file).hasContent("previous");
        assertThat(filesIn(dir)).containsExactly(file);
    }

    @Test
    void failingContentCreatesNoFileWhenThereWasNone() {
        Path file = dir.resolve("model.gan4j");

        assertThatThrownBy(() -> AtomicFiles.write(file, out -> {
            throw new IOException("nothing to write");
        })).isInstanceOf(IOException.class).hasMessage("could not write " + file + ": nothing to write")
                .hasRootCauseMessage("nothing to write");

        assertThat(filesIn(dir)).isEmpty();
    }

    @Test
    void newFileGetsTheSamePermissionsAsAnOrdinaryWrite() throws IOException {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path ordinary = Files.writeString(dir.resolve("ordinary.txt"), "x");
        Path atomic = dir.resolve("atomic.txt");

        AtomicFiles.write(atomic, out -> out.write('x'));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(atomic)))
                .isEqualTo(PosixFilePermissions.toString(Files.getPosixFilePermissions(ordinary)));
    }

    @Test
    void replacedFileKeepsItsPermissions() throws IOException {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path file = Files.writeString(dir.resolve("shared.png"), "old");
        Set<PosixFilePermission> shared = PosixFilePermissions.fromString("rw-r--r--");
        Files.setPosixFilePermissions(file, shared);

        AtomicFiles.write(file, out -> out.write('x'));

        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(shared);
    }

    @Test
    void fullDiskNamesTheFileAndKeepsThePreviousOne() throws IOException {
        Path file = Files.writeString(dir.resolve("model.onnx"), "previous");
        IOException full = new IOException("No space left on device");

        assertThatThrownBy(() -> AtomicFiles.write(file, out -> {
            out.write(new byte[100_000]);
            throw full;
        })).isInstanceOf(IOException.class)
                .hasMessage("could not write " + file + ": No space left on device")
                .hasCauseReference(full);

        assertThat(file).hasContent("previous");
        assertThat(filesIn(dir)).containsExactly(file);
    }

    @Test
    void anInterruptedThreadIsSaidToBeInterruptedAndKeepsThePreviousFile() throws IOException {
        Path file = Files.writeString(dir.resolve("model.gan4j"), "previous");

        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> AtomicFiles.write(file, out -> out.write(new byte[100_000])))
                    .isInstanceOf(IOException.class)
                    .hasMessage("could not write " + file + ": the thread was interrupted (ClosedByInterruptException)")
                    .hasCauseInstanceOf(ClosedByInterruptException.class);
        } finally {
            // NIO leaves the flag set, as it should; clear it so later tests run uninterrupted.
            assertThat(Thread.interrupted()).isTrue();
        }

        assertThat(file).hasContent("previous");
        assertThat(filesIn(dir)).containsExactly(file);
    }

    @Test
    void refusesAFifoAndLeavesItAFifo() throws IOException, InterruptedException {
        Path fifo = mkfifo(dir.resolve("pipe"));

        assertThatThrownBy(() -> AtomicFiles.write(fifo, out -> out.write('x')))
                .isInstanceOf(FileSystemException.class)
                .hasMessage(fifo + " is a FIFO, device or socket, not a regular file; gan4j writes only regular files");

        assertThat(attributes(fifo).isOther()).isTrue();
        assertThat(filesIn(dir)).containsExactly(fifo);
    }

    @Test
    void refusesADirectoryAndLeavesItUnchanged() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("out.png"));
        Path inside = Files.writeString(folder.resolve("kept.txt"), "kept");

        assertThatThrownBy(() -> AtomicFiles.write(folder, out -> out.write('x')))
                .isInstanceOf(FileSystemException.class)
                .hasMessage(folder + " is a directory, not a regular file; choose a file path");

        assertThat(folder).isDirectory();
        assertThat(filesIn(folder)).containsExactly(inside);
        assertThat(inside).hasContent("kept");
        assertThat(filesIn(dir)).containsExactly(folder);
    }

    @Test
    void throughASymlinkReplacesTheFileItPointsToAndKeepsTheLink() throws IOException {
        Path model = Files.writeString(dir.resolve("model-v3.onnx"), "old model");
        Path latest = Files.createSymbolicLink(dir.resolve("latest.onnx"), Path.of("model-v3.onnx"));

        AtomicFiles.write(latest, out -> out.write("new model".getBytes(StandardCharsets.UTF_8)));

        assertThat(latest).isSymbolicLink();
        assertThat(Files.readSymbolicLink(latest)).isEqualTo(Path.of("model-v3.onnx"));
        assertThat(model).hasContent("new model");
        assertThat(latest).hasContent("new model");
        assertThat(filesIn(dir)).containsExactlyInAnyOrder(model, latest);
    }

    @Test
    void throughAChainOfSymlinksInAnotherFolderReplacesTheLastFile() throws IOException {
        Path models = Files.createDirectory(dir.resolve("models"));
        Path model = Files.writeString(models.resolve("v3.onnx"), "old");
        Files.createSymbolicLink(models.resolve("current.onnx"), Path.of("v3.onnx"));
        Path latest = Files.createSymbolicLink(dir.resolve("latest.onnx"), Path.of("models/current.onnx"));

        AtomicFiles.write(latest, out -> out.write("new".getBytes(StandardCharsets.UTF_8)));

        assertThat(latest).isSymbolicLink();
        assertThat(models.resolve("current.onnx")).isSymbolicLink();
        assertThat(model).hasContent("new");
        assertThat(filesIn(models)).containsExactlyInAnyOrder(model, models.resolve("current.onnx"));
    }

    @Test
    void throughADanglingSymlinkCreatesTheFileItNames() throws IOException {
        Path latest = Files.createSymbolicLink(dir.resolve("latest.onnx"), Path.of("model-v4.onnx"));

        AtomicFiles.write(latest, out -> out.write("first".getBytes(StandardCharsets.UTF_8)));

        assertThat(latest).isSymbolicLink();
        assertThat(dir.resolve("model-v4.onnx")).isRegularFile().hasContent("first");
        assertThat(filesIn(dir)).containsExactlyInAnyOrder(latest, dir.resolve("model-v4.onnx"));
    }

    @Test
    void refusesASymlinkToAFifo() throws IOException, InterruptedException {
        Path fifo = mkfifo(dir.resolve("pipe"));
        Path link = Files.createSymbolicLink(dir.resolve("out.onnx"), Path.of("pipe"));

        assertThatThrownBy(() -> AtomicFiles.write(link, out -> out.write('x')))
                .isInstanceOf(FileSystemException.class)
                .hasMessage(fifo + ", where the symbolic link " + link + " points, is a FIFO, device or socket, not a"
                        + " regular file; gan4j writes only regular files");

        assertThat(link).isSymbolicLink();
        assertThat(attributes(fifo).isOther()).isTrue();
        assertThat(filesIn(dir)).containsExactlyInAnyOrder(fifo, link);
    }

    @Test
    void refusesASymlinkToADirectory() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("grids"));
        Path link = Files.createSymbolicLink(dir.resolve("grid.png"), Path.of("grids"));

        assertThatThrownBy(() -> AtomicFiles.write(link, out -> out.write('x')))
                .isInstanceOf(FileSystemException.class)
                .hasMessage(folder + ", where the symbolic link " + link + " points, is a directory, not a regular"
                        + " file; choose a file path");

        assertThat(filesIn(folder)).isEmpty();
    }

    @Test
    void refusesASymlinkLoop() throws IOException {
        Path a = Files.createSymbolicLink(dir.resolve("a.onnx"), Path.of("b.onnx"));
        Path b = Files.createSymbolicLink(dir.resolve("b.onnx"), Path.of("a.onnx"));

        assertThatThrownBy(() -> AtomicFiles.write(a, out -> out.write('x')))
                .isInstanceOf(FileSystemException.class)
                .hasMessage(a + " is a symbolic link in a loop (more than 40 links); point it at a file");

        assertThat(filesIn(dir)).containsExactlyInAnyOrder(a, b);
    }

    @Test
    void aFailedWriteThroughASymlinkNamesBoth() throws IOException {
        Path real = dir.toRealPath();
        Path model = Files.writeString(dir.resolve("model-v3.onnx"), "old model");
        Path latest = Files.createSymbolicLink(dir.resolve("latest.onnx"), Path.of("model-v3.onnx"));

        assertThatThrownBy(() -> AtomicFiles.write(latest, out -> {
            throw new IOException("No space left on device");
        })).hasMessage("could not write " + latest + " (a link to " + real.resolve("model-v3.onnx")
                + "): No space left on device");

        assertThat(latest).isSymbolicLink();
        assertThat(model).hasContent("old model");
        assertThat(filesIn(dir)).containsExactlyInAnyOrder(model, latest);
    }

    @Test
    void noFileIsANullPointerSayingFile() {
        assertThatThrownBy(() -> AtomicFiles.write(null, out -> out.write('x')))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("file");
    }

    @Test
    void theRootIsRefusedByName() {
        Path root = Path.of("/");

        assertThatThrownBy(() -> AtomicFiles.write(root, out -> out.write('x')))
                .isInstanceOf(FileSystemException.class)
                .hasMessage("/ is a directory, not a regular file; choose a file path");
    }

    private static BasicFileAttributes attributes(Path path) throws IOException {
        return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    }

    private static List<Path> filesIn(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
