package org.arbiter.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one whole-or-nothing write every rewritten file goes through, on real files, links and a FIFO. */
class AtomicFileTest {
    @TempDir
    Path dir;

    @Test
    void aFailedWriteLeavesTheOldFileAndNoTemporaryFile() throws IOException {
        Path file = dir.resolve("settings.json");
        AtomicFile.writeString(file, "old\n");
        assertThatThrownBy(() -> AtomicFile.write(file, out -> {
            out.write("half of the new");
            throw new IOException("disk full");
        })).hasMessage("disk full");
        assertThat(Files.readString(file)).isEqualTo("old\n");
        try (var listing = Files.list(dir)) {
            assertThat(listing).containsExactly(file);
        }
    }

    @Test
    void aSymbolicLinkStaysALinkAndItsTargetIsReplaced() throws IOException {
        Path real = Files.createDirectories(dir.resolve("real")).resolve("keys.json");
        Files.writeString(real, "old");
        Path link = dir.resolve("keys.json");
        try {
            Files.createSymbolicLink(link, real);
        } catch (UnsupportedOperationException | IOException e) {
            assumeTrue(false, "needs symbolic links");
        }
        AtomicFile.writeString(link, "ünïcode new\n");
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(real, StandardCharsets.UTF_8)).isEqualTo("ünïcode new\n");
    }

    @Test
    void aFifoIsWrittenThroughNotReplaced() throws Exception {
        Path fifo = dir.resolve("out.fifo");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assumeTrue(mk.waitFor(10, TimeUnit.SECONDS) && mk.exitValue() == 0, "needs mkfifo");
        CompletableFuture<String> reader = CompletableFuture.supplyAsync(() -> {
            try {
                return Files.readString(fifo);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertThat(AtomicFile.writesThrough(fifo)).isTrue();
        AtomicFile.writeString(fifo, "row 1\nrow 2\n");
        assertThat(reader.get(10, TimeUnit.SECONDS)).isEqualTo("row 1\nrow 2\n");
        assertThat(Files.isRegularFile(fifo)).as("still a FIFO").isFalse();
    }
}
