package org.arbiter.logic.importer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.LongConsumer;

import org.arbiter.json.Json;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;

/**
 * Streams the records of a file: JSONL (one object per line; BOM, CRLF and blank lines accepted, each line
 * decoded as strict UTF-8) or one JSON array of objects (AlpacaEval's annotations.json), whose "line" is
 * where each element starts. Only one record is in memory at a time, and none larger than
 * {@link RecordLimit#MAX_BYTES}: the bytes of a longer one are skipped, not collected.
 */
final class RecordSource {
    interface Sink {
        void record(long line, JsonNode record);

        void problem(long line, String field, String expected);

        /** The record starting on {@code line} is over {@link RecordLimit#MAX_BYTES}; it was not read. */
        void tooLarge(long line);
    }

    private static final int CHUNK = 1 << 16;

    private final InputStream in;
    private final LongConsumer progress;
    private long bytesRead;

    RecordSource(InputStream in, LongConsumer progress) {
        this.in = in;
        this.progress = progress;
    }

    void read(Sink sink) throws IOException {
        byte[] head = new byte[CHUNK];
        int n = fill(head);
        int start = n >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF ? 3 : 0;
        int first = start;
        while (first < n && isSpace(head[first])) first++;
        if (first < n && head[first] == '[') {
            readArray(new HeadThenRest(head, start, n, in), sink);
        } else {
            readLines(head, start, n, sink);
        }
    }

    private void readLines(byte[] chunk, int pos, int limit, Sink sink) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer scratch = CharBuffer.allocate(CHUNK);
        byte[] line = new byte[1024];
        int len = 0;
        boolean oversized = false;
        long number = 0;
        while (limit > 0) {
            for (int i = pos; i < limit; i++) {
                byte b = chunk[i];
                if (b == '\n') {
                    number++;
                    if (oversized) sink.tooLarge(number);
                    else handleLine(line, len, number, decoder, scratch, sink);
                    len = 0;
                    oversized = false;
                } else if (!oversized) {
                    if (len == RecordLimit.MAX_BYTES) {
                        // the rest of this line is skipped; keep neither it nor the part already read
                        oversized = true;
                        len = 0;
                        line = new byte[1024];
                        continue;
                    }
                    if (len == line.length) line = Arrays.copyOf(line, Math.min(line.length * 2, RecordLimit.MAX_BYTES));
                    line[len++] = b;
                }
            }
            // a long line is done: do not keep its buffer for the rest of the file
            if (len == 0 && line.length > (1 << 20)) line = new byte[1024];
            pos = 0;
            limit = fill(chunk);
        }
        if (oversized) sink.tooLarge(number + 1);
        else if (len > 0) handleLine(line, len, number + 1, decoder, scratch, sink);
    }

    /**
     * Checks the line is strict UTF-8 through a small buffer, then lets Jackson parse the bytes themselves:
     * decoding the whole line to a String first would need three times its size in heap.
     */
    private static void handleLine(byte[] bytes, int len, long number, CharsetDecoder decoder, CharBuffer scratch, Sink sink) {
        if (len > 0 && bytes[len - 1] == '\r') len--;
        decoder.reset();
        ByteBuffer in = ByteBuffer.wrap(bytes, 0, len);
        boolean blank = true;
        CoderResult result;
        do {
            scratch.clear();
            result = decoder.decode(in, scratch, true);
            if (!result.isError() && !result.isOverflow()) result = decoder.flush(scratch);
            scratch.flip();
            for (int i = 0; blank && i < scratch.limit(); i++) blank = Character.isWhitespace(scratch.get(i));
        } while (result.isOverflow());
        if (result.isError()) {
            sink.problem(number, "(encoding)", "UTF-8 text, found an invalid byte at byte " + (in.position() + 1) + " of the line");
            return;
        }
        if (blank) return;
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(bytes, 0, len);
        } catch (JacksonException e) {
            sink.problem(number, "(json)", "one complete JSON object per line (" + describe(e) + ")");
            return;
        }
        if (node == null || !node.isObject()) {
            sink.problem(number, "(line)", "a JSON object, found " + Json.kind(node));
            return;
        }
        sink.record(number, node);
    }

    private void readArray(HeadThenRest stream, Sink sink) {
        try (JsonParser p = Json.MAPPER.createParser(stream)) {
            p.nextToken();
            while (true) {
                JsonToken t = p.nextToken();
                if (t == JsonToken.END_ARRAY) break;
                if (t == null) {
                    sink.problem(p.currentLocation().getLineNr(), "(json)", "a closing ] (the file ends inside the array)");
                    return;
                }
                long line = p.currentTokenLocation().getLineNr();
                if (t != JsonToken.START_OBJECT) {
                    p.skipChildren();
                    sink.problem(line, "(element)", "a JSON object, found " + t.name().toLowerCase().replace('_', ' '));
                    continue;
                }
                JsonNode node;
                stream.limitNext(RecordLimit.MAX_BYTES);
                try {
                    node = p.readValueAsTree();
                } catch (JacksonException e) {
                    if (!(e.getCause() instanceof RecordTooLarge)) throw e;
                    // the parser cannot resume inside the element: the rest of the file goes unread
                    sink.tooLarge(line);
                    return;
                }
                stream.limitNext(Long.MAX_VALUE);
                sink.record(line, node);
            }
            if (p.nextToken() != null) {
                sink.problem(p.currentTokenLocation().getLineNr(), "(json)", "nothing after the closing ] of the array");
            }
        } catch (JacksonException e) {
            // the rest of a broken array cannot be read reliably
            TokenStreamLocation loc = e.getLocation();
            sink.problem(loc == null ? 0 : loc.getLineNr(), "(json)", "a well-formed JSON array (" + describe(e) + ")");
        }
    }

    private static String describe(JacksonException e) {
        String m = e.getOriginalMessage();
        if (m == null) m = e.getClass().getSimpleName();
        m = m.replace('\n', ' ');
        return m.length() > 160 ? m.substring(0, 160) + "…" : m;
    }

    private int fill(byte[] buf) throws IOException {
        int n = 0;
        while (n < buf.length) {
            int r = in.read(buf, n, buf.length - n);
            if (r < 0) break;
            n += r;
        }
        bytesRead += n;
        if (n > 0) progress.accept(bytesRead);
        return n;
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n';
    }

    /** Thrown by {@link HeadThenRest} past its limit; Jackson hands it back as the cause of its exception. */
    private static final class RecordTooLarge extends IOException {
        RecordTooLarge() {
            super(RecordLimit.message());
        }
    }

    /**
     * The bytes already read to sniff the format, then the rest of the file (counted for progress). Can
     * refuse to deliver more than a record's worth of bytes, so one huge array element fails early instead
     * of filling the heap.
     */
    private final class HeadThenRest extends InputStream {
        /** What Jackson may have read ahead of the element it is at (its buffers are 8 KB). */
        private static final long READ_AHEAD = 64 << 10;

        private final byte[] head;
        private int pos;
        private final int limit;
        private final InputStream rest;
        private long delivered;
        private long ceiling = Long.MAX_VALUE;

        HeadThenRest(byte[] head, int pos, int limit, InputStream rest) {
            this.head = head;
            this.pos = pos;
            this.limit = limit;
            this.rest = rest;
        }

        /** Delivers at most about {@code bytes} more (an element starts at or before what was delivered). */
        void limitNext(long bytes) {
            ceiling = bytes == Long.MAX_VALUE ? Long.MAX_VALUE : delivered + bytes + READ_AHEAD;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (delivered > ceiling) throw new RecordTooLarge();
            if (pos < limit) {
                int n = Math.min(len, limit - pos);
                System.arraycopy(head, pos, b, off, n);
                pos += n;
                delivered += n;
                return n;
            }
            int n = rest.read(b, off, len);
            if (n > 0) {
                delivered += n;
                bytesRead += n;
                progress.accept(bytesRead);
            }
            return n;
        }
    }
}
