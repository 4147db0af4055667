package dev.gan4j.internal.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
        })).isSameAs(failure);

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
        })).isInstanceOf(IOException.class).hasMessage("nothing to write");

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

    private static List<Path> filesIn(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
