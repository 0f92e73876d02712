package io.litgraph.ingest.rest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Reads an NDJSON stream one line at a time as raw bytes (decoding is per line, so one line in a bad
 * encoding fails alone). A line longer than the cap is skipped to its end and reported as too long
 * instead of being buffered.
 */
final class NdjsonLines {
    record Line(int number, byte[] bytes, int length, boolean tooLong) {
        /** Only ASCII whitespace (what JSON allows between tokens), or nothing. */
        boolean isBlank() {
            for (int i = 0; i < length; i++) {
                byte b = bytes[i];
                if (b != ' ' && b != '\t' && b != '\r' && b != '\f' && b != 0x0B) {
                    return false;
                }
            }
            return true;
        }
    }

    private final InputStream in;
    private final int maxLineBytes;
    private final byte[] buffer = new byte[64 * 1024];
    private int position;
    private int limit;
    private int lineNumber;

    NdjsonLines(InputStream in, int maxLineBytes) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
    }

    /** The next line, or null at the end of the stream. */
    Line next() {
        ByteArrayOutputStream line = new ByteArrayOutputStream(256);
        boolean tooLong = false;
        boolean any = false;
        while (true) {
            if (position == limit && !fill()) {
                if (!any) {
                    return null;
                }
                break;
            }
            any = true;
            int start = position;
            while (position < limit && buffer[position] != '\n') {
                position++;
            }
            int length = position - start;
            if (!tooLong) {
                if (line.size() + length > maxLineBytes) {
                    tooLong = true;
                    line.reset();
                } else {
                    line.write(buffer, start, length);
                }
            }
            if (position < limit) {
                position++; // the newline
                break;
            }
        }
        lineNumber++;
        byte[] bytes = line.toByteArray();
        int length = bytes.length;
        if (length > 0 && bytes[length - 1] == '\r') {
            length--;
        }
        return new Line(lineNumber, bytes, length, tooLong);
    }

    private boolean fill() {
        try {
            int read = in.read(buffer);
            if (read <= 0) {
                return false;
            }
            position = 0;
            limit = read;
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
