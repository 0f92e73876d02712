package io.litgraph.ingest.format;

import io.litgraph.ingest.service.ProblemException;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes request bodies strictly: a malformed byte sequence is an error with its byte position, never a
 * silent U+FFFD that would end up in the annotated text.
 */
public final class BodyDecoder {
    private BodyDecoder() {
    }

    public static String decode(byte[] body, String charsetName) {
        Charset charset = charset(charsetName);
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body);
        CharBuffer out = CharBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 16L, (long) (body.length * (double) decoder.maxCharsPerByte()) + 1));
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw ProblemException.invalidEncoding(charset.name(), in.position());
        }
        result = decoder.flush(out);
        if (result.isError()) {
            throw ProblemException.invalidEncoding(charset.name(), in.position());
        }
        return out.flip().toString();
    }

    /** For one line of a stream: the byte position is relative to the line. */
    public static String decodeUtf8(byte[] bytes, int length) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 0, length)).toString();
        } catch (CharacterCodingException e) {
            return decode(java.util.Arrays.copyOf(bytes, length), "UTF-8");
        }
    }

    private static Charset charset(String name) {
        if (name == null || name.isBlank()) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(name.strip().replace("\"", ""));
        } catch (IllegalArgumentException e) {
            throw new ProblemException(415, "unsupported-charset", "Unsupported charset",
                    "charset '" + name + "' is not supported; send UTF-8", null);
        }
    }
}
