package io.litgraph.testsupport.fuzz;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HostileInputsTest {

    @Test
    void theSameSeedGivesTheSameValuesAndAnotherSeedOthers() {
        List<String> once = HostileInputs.values(42, 200);
        assertEquals(once, HostileInputs.values(42, 200));
        assertNotEquals(once, HostileInputs.values(43, 200));
        assertEquals(HostileInputs.named().size() + 200, once.size());
    }

    @Test
    void generatedValuesCoverEveryKindOfTrouble() {
        List<String> generated = HostileInputs.values(HostileInputs.DEFAULT_SEED, 500).subList(HostileInputs.named().size(), 500);
        assertTrue(generated.stream().anyMatch(v -> v.chars().anyMatch(c -> c < 0x20)), "controls");
        assertTrue(generated.stream().anyMatch(v -> v.chars().anyMatch(c -> Character.isSurrogate((char) c))), "surrogates");
        assertTrue(generated.stream().anyMatch(v -> v.chars().anyMatch(c -> c >= 0x300 && c < 0x370)), "combining marks");
        assertTrue(generated.stream().anyMatch(v -> v.indexOf('\u202e') >= 0 || v.indexOf('\u200f') >= 0), "bidi marks");
        assertTrue(generated.stream().anyMatch(HostileInputs::isRaw), "raw percent-encoded bytes");
        assertTrue(generated.stream().anyMatch(v -> HostileInputs.text(v).length() == 10_000), "10,000 characters");
        assertTrue(generated.stream().anyMatch(v -> v.matches("-?\\d{19,}")), "long edges and beyond");
    }

    @Test
    void encodingKeepsWhatTheValueIs() {
        assertEquals("abc%00def", RawHttp.encode("abc\u0000def"));
        assertEquals("%ED%A0%80", RawHttp.encode("\uD800"), "a lone surrogate as a careless encoder writes it");
        assertEquals("%F0%9F%A7%AC", RawHttp.encode("\uD83E\uDDEC"));
        assertEquals("%zz", RawHttp.encode(HostileInputs.RAW + "%zz"), "raw values go out as they are");
        assertEquals("\"a\\u0000\\ud800\\\"\"", HostileInputs.json("a\u0000\uD800\""));
        assertEquals(3, HostileInputs.bytes("\uDC00").length);
        assertEquals("é", new String(HostileInputs.bytes("é"), StandardCharsets.UTF_8));
    }
}
