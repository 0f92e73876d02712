package io.litgraph.testsupport.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, one connection per request. HTTP client libraries refuse to send what
 * the fuzz tests must send (a request target with {@code %zz} or a lone surrogate's bytes); this one
 * writes the target exactly as given.
 */
public final class RawHttp {
    private final String host;
    private final int port;

    public RawHttp(String host, int port) {
        this.host = host;
        this.port = port;
    }

    public record Response(int status, String contentType, String body) {
        public boolean isProblemJson() {
            return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("application/problem+json");
        }

        @Override
        public String toString() {
            return status + " " + contentType + " " + (body.length() > 300 ? body.substring(0, 300) + "…" : body);
        }
    }

    public Response send(String method, String target, Map<String, String> headers, byte[] body) {
        try (Socket socket = new Socket(host, port)) {
            socket.setSoTimeout(60_000);
            StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                    .append("Host: ").append(host).append(':').append(port).append("\r\nConnection: close\r\n");
            headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            if (body != null) {
                head.append("Content-Length: ").append(body.length).append("\r\n");
            }
            head.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.UTF_8));
            if (body != null) {
                out.write(body);
            }
            out.flush();
            return read(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + abbreviate(target) + ": " + e.getMessage(), e);
        }
    }

    private static Response read(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        in.transferTo(all);
        byte[] bytes = all.toByteArray();
        int end = indexOf(bytes, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0);
        String head = new String(bytes, 0, end < 0 ? bytes.length : end, StandardCharsets.ISO_8859_1);
        byte[] body = end < 0 ? new byte[0] : java.util.Arrays.copyOfRange(bytes, end + 4, bytes.length);
        String[] lines = head.split("\r\n");
        String[] statusLine = lines[0].split(" ", 3);
        if (statusLine.length < 2 || !statusLine[0].startsWith("HTTP/")) {
            throw new IOException("not an HTTP response: " + abbreviate(head));
        }
        String contentType = null;
        boolean chunked = false;
        for (String line : lines) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).equalsIgnoreCase("Content-Type")) {
                contentType = line.substring(colon + 1).strip();
            } else if (colon > 0 && line.substring(0, colon).equalsIgnoreCase("Transfer-Encoding")) {
                chunked = line.substring(colon + 1).toLowerCase(Locale.ROOT).contains("chunked");
            }
        }
        return new Response(Integer.parseInt(statusLine[1]), contentType,
                new String(chunked ? dechunk(body) : body, StandardCharsets.UTF_8));
    }

    /** The body of a chunked response: hex size line, that many bytes, CRLF, until a size of 0. */
    private static byte[] dechunk(byte[] body) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length);
        int position = 0;
        while (position < body.length) {
            int lineEnd = indexOf(body, new byte[]{'\r', '\n'}, position);
            if (lineEnd < 0) {
                throw new IOException("a chunk size line without its end");
            }
            String sizeLine = new String(body, position, lineEnd - position, StandardCharsets.ISO_8859_1);
            int semicolon = sizeLine.indexOf(';');
            int size = Integer.parseInt((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).strip(), 16);
            if (size == 0) {
                break;
            }
            out.write(body, lineEnd + 2, size);
            position = lineEnd + 2 + size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] bytes, byte[] needle, int from) {
        outer:
        for (int i = from; i <= bytes.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (bytes[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /**
     * Percent-encodes a value for a path segment or query parameter: every byte but the unreserved
     * characters; a lone surrogate as the three bytes a careless encoder would produce. A value marked
     * {@link HostileInputs#RAW} is left as it is.
     */
    public static String encode(String value) {
        if (HostileInputs.isRaw(value)) {
            return HostileInputs.text(value);
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            i += Character.charCount(cp);
            if (cp < 0x80 && (Character.isLetterOrDigit(cp) || "-._~".indexOf(cp) >= 0)) {
                out.append((char) cp);
                continue;
            }
            byte[] bytes = Character.isSurrogate((char) cp) && cp <= 0xFFFF
                    ? new byte[]{(byte) (0xE0 | (cp >> 12)), (byte) (0x80 | ((cp >> 6) & 0x3F)), (byte) (0x80 | (cp & 0x3F))}
                    : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
            for (byte b : bytes) {
                out.append('%').append(String.format("%02X", b & 0xFF));
            }
        }
        return out.toString();
    }

    private static String abbreviate(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }
}
