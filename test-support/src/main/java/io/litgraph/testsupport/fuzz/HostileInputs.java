package io.litgraph.testsupport.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * The values the API fuzz tests send: first a fixed list that names each class of trouble once, then
 * values generated from a fixed seed, so a failing run can be repeated exactly
 * ({@code -Dlitgraph.fuzz.seed=…}, {@code -Dlitgraph.fuzz.generated=…}). A plain seeded generator: jqwik
 * cannot run {@code @QuarkusTest}, and its generators refuse to run outside its own engine's threads.
 */
public final class HostileInputs {
    public static final long DEFAULT_SEED = 20_261_206L;
    public static final int DEFAULT_GENERATED = 24;

    /** A marker for {@link RawHttp}: the value is sent as it is, not percent-encoded again. */
    public static final String RAW = "\u0001raw:";

    private HostileInputs() {
    }

    public static long seed() {
        return Long.getLong("litgraph.fuzz.seed", DEFAULT_SEED);
    }

    /** The fixed values followed by {@code litgraph.fuzz.generated} generated ones. */
    public static List<String> values() {
        return values(seed(), Integer.getInteger("litgraph.fuzz.generated", DEFAULT_GENERATED));
    }

    public static List<String> values(long seed, int generated) {
        List<String> values = new ArrayList<>(named());
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < generated; i++) {
            values.add(generate(random));
        }
        return values;
    }

    /** One value of each kind, always sent. */
    public static List<String> named() {
        return List.of(
                "", " ", "abc\u0000def", "\u0000", "\u0001\u0002\u0003\u001b[31m\u007f", "tab\tline\nreturn\r",
                "lone \uD800 high", "lone \uDC00 low", "\uDFFF\uD800", "non\uFFFEchar\uFFFF", "\uFEFFbom",
                "e\u0301\u0301\u0301 combining \u0489\u20DD", "\u202Ertl override\u202C \u200F\u200E\u061C\u2067x\u2069",
                "emoji \uD83D\uDE00 \uD83E\uDDEC \uD83D\uDC69\u200D\uD83D\uDD2C \uD83C\uDDE9\uD83C\uDDEA",
                "a".repeat(10_000), "\uD83E\uDDEC".repeat(5_000), "IL-6 ".repeat(2_000),
                RAW + "%00", RAW + "abc%00def", RAW + "%ff%fe", RAW + "%ED%A0%80", RAW + "%C0%80", RAW + "%e2%82",
                RAW + "%", RAW + "%zz", RAW + "%2e%2e%2f%2e%2e%2f", "%00", "%25%32%35",
                "0", "-1", "1", "2147483647", "2147483648", "-2147483648", "-2147483649",
                "9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809",
                "1e309", "NaN", "-0", "0x10", "99999999999999999999999999999",
                "../../etc/passwd", "'; DROP TABLE documents; --", "<script>alert(1)</script>", "{\"a\":1}",
                "MESH:D000001,MESH:\u0000", "a,b,,c", "null", "true");
    }

    /** Kinds of trouble; each draws one short value. */
    private static final List<Function<SplittableRandom, String>> KINDS = List.of(
            HostileInputs::controls, HostileInputs::loneSurrogate, HostileInputs::combiningMarks,
            HostileInputs::bidiMarks, HostileInputs::emoji, HostileInputs::noncharacter,
            HostileInputs::percentEncoded, HostileInputs::edgeNumber, HostileInputs::anyChars);
    private static final List<String> WORDS = List.of("IL-6", "insulin", "BRCA1", "MESH:D003920", "p.V600E", "", " ");

    /** One value: a kind of trouble alone (4 in 9), inside ordinary words (4 in 9) or repeated to 10,000 characters. */
    static String generate(SplittableRandom random) {
        String trouble = KINDS.get(random.nextInt(KINDS.size())).apply(random);
        int shape = random.nextInt(9);
        if (shape < 4) {
            return trouble;
        }
        if (shape < 8) {
            return pick(random, WORDS) + trouble + pick(random, WORDS);
        }
        String unit = text(trouble) + "x";
        return (isRaw(trouble) ? RAW : "") + unit.repeat(10_000 / unit.length() + 1).substring(0, 10_000);
    }

    static String controls(SplittableRandom random) {
        StringBuilder out = new StringBuilder();
        for (int i = 0, n = 1 + random.nextInt(6); i < n; i++) {
            int c = random.nextInt(33);
            out.append(c == 32 ? '\u007f' : (char) c);
        }
        return out.toString();
    }

    static String loneSurrogate(SplittableRandom random) {
        return String.valueOf((char) random.nextInt(0xD800, 0xE000));
    }

    static String combiningMarks(SplittableRandom random) {
        StringBuilder out = new StringBuilder("a");
        for (int i = 0, n = 1 + random.nextInt(30); i < n; i++) {
            out.append(random.nextBoolean() ? (char) random.nextInt(0x0300, 0x0370) : (char) random.nextInt(0x20D0, 0x2100));
        }
        return out.toString();
    }

    static String bidiMarks(SplittableRandom random) {
        String marks = "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069";
        StringBuilder out = new StringBuilder();
        for (int i = 0, n = 1 + random.nextInt(8); i < n; i++) {
            out.append(marks.charAt(random.nextInt(marks.length())));
        }
        return out.append("\u05d0\u05d1").toString();
    }

    static String emoji(SplittableRandom random) {
        StringBuilder out = new StringBuilder();
        for (int i = 0, n = 1 + random.nextInt(6); i < n; i++) {
            out.appendCodePoint(random.nextInt(0x1F300, 0x1FB00));
        }
        return out.toString();
    }

    static String noncharacter(SplittableRandom random) {
        return pick(random, List.of("\uFFFE", "\uFFFF", "\uFDD0", "\uD83F\uDFFE", "\uFFFD", "\uFEFF"));
    }

    /** Sent without being encoded again: bytes that are not UTF-8, encoded controls, half sequences. */
    static String percentEncoded(SplittableRandom random) {
        StringBuilder out = new StringBuilder(RAW);
        for (int i = 0, n = 1 + random.nextInt(6); i < n; i++) {
            out.append(String.format("%%%02X", random.nextInt(256)));
        }
        return out.toString();
    }

    static String edgeNumber(SplittableRandom random) {
        return switch (random.nextInt(4)) {
            case 0 -> String.valueOf(pick(random, List.of(Integer.MIN_VALUE, Integer.MAX_VALUE, -1, 0, 1)));
            case 1 -> String.valueOf(pick(random, List.of(Long.MIN_VALUE, Long.MAX_VALUE, Integer.MAX_VALUE + 1L,
                    Integer.MIN_VALUE - 1L)));
            case 2 -> String.valueOf(random.nextLong());
            default -> java.math.BigInteger.valueOf(Long.MAX_VALUE).multiply(java.math.BigInteger.valueOf(random.nextLong(2, Long.MAX_VALUE)))
                    .toString();
        };
    }

    /** Any UTF-16 units at all, surrogates and controls included. */
    static String anyChars(SplittableRandom random) {
        StringBuilder out = new StringBuilder();
        for (int i = 0, n = random.nextInt(41); i < n; i++) {
            out.append((char) random.nextInt(0x10000));
        }
        return out.toString();
    }

    private static <T> T pick(SplittableRandom random, List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    /** Whether the value is to be sent as raw percent-encoded bytes; {@link #text} is its text then. */
    public static boolean isRaw(String value) {
        return value.startsWith(RAW);
    }

    public static String text(String value) {
        return isRaw(value) ? value.substring(RAW.length()) : value;
    }

    /** The value as a JSON string literal, every non-ASCII character escaped (so a lone surrogate arrives as one). */
    public static String json(String value) {
        String v = text(value);
        StringBuilder out = new StringBuilder(v.length() + 2).append('"');
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    /** The value's bytes in a body: UTF-8, with a lone surrogate as the three bytes a careless encoder writes. */
    public static byte[] bytes(String value) {
        String v = text(value);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(v.length() + 16);
        for (int i = 0; i < v.length(); ) {
            int cp = v.codePointAt(i);
            i += Character.charCount(cp);
            if (cp >= 0xD800 && cp <= 0xDFFF) {
                out.write(0xE0 | (cp >> 12));
                out.write(0x80 | ((cp >> 6) & 0x3F));
                out.write(0x80 | (cp & 0x3F));
            } else {
                out.writeBytes(new String(Character.toChars(cp)).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return out.toByteArray();
    }

    /** A printable form for failure messages: controls and long values shown escaped and cut. */
    public static String describe(String value) {
        StringBuilder out = new StringBuilder();
        String v = text(value);
        for (int i = 0; i < Math.min(v.length(), 60); i++) {
            char c = v.charAt(i);
            out.append(c < 0x20 || c == 0x7f || Character.isSurrogate(c) || c >= '\uFFFE' || (c >= '\u200e' && c <= '\u206f')
                    ? String.format("\\u%04X", (int) c) : String.valueOf(c));
        }
        return (isRaw(value) ? "raw " : "") + "\"" + out + (v.length() > 60 ? "…\" (" + v.length() + " chars)" : "\"");
    }
}
