package org.arbiter.cli;

import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The process's standard output as the commands' text writer (as picocli makes it: the stdout encoding,
 * flushed on println) that also hands out the byte stream beneath it. A PrintWriter and System.out both
 * swallow write errors, so a command whose output must arrive whole (export) writes the bytes itself and
 * sees the IOException: "No space left on device" for {@code > /dev/full}, "Broken pipe" for {@code | head}.
 */
final class StdoutWriter extends PrintWriter {
    private final OutputStream bytes;

    private StdoutWriter(OutputStream bytes, Charset charset) {
        super(new BufferedWriter(new OutputStreamWriter(bytes, charset)), true);
        this.bytes = bytes;
    }

    /**
     * UTF-8 whatever the locale: exports are JSON Lines, which is UTF-8, and under LANG=C (cron, containers,
     * ssh) Java 17's stdout encodes ASCII and turns every other character into '?'. Messages on stderr keep
     * the terminal's encoding.
     */
    static StdoutWriter ofProcess() {
        return new StdoutWriter(new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8);
    }

    /** The raw stream: flush this writer first so text written before stays in order. */
    OutputStream bytes() {
        flush();
        return bytes;
    }

    /**
     * Whether {@code path} is the file this process's stdout already is ({@code /dev/stdout},
     * {@code /dev/fd/1}, or the file stdout is redirected to). Writing there by path would re-open it:
     * truncating what a {@code >>} redirect appends to, or replacing the file under the shell's descriptor.
     * Known on Linux (through /proc); elsewhere false.
     */
    static boolean isProcessStdout(Path path) {
        Path self = Path.of("/proc/self/fd/1");
        try {
            if (!Files.exists(self) || !Files.exists(path)) return false;
            Object mine = Files.readAttributes(self, BasicFileAttributes.class).fileKey();
            return mine != null && mine.equals(Files.readAttributes(path, BasicFileAttributes.class).fileKey());
        } catch (IOException | SecurityException e) {
            return false;
        }
    }
}
