package io.litgraph.nlp.text;

import io.litgraph.nlp.EntityType;
import io.litgraph.nlp.Span;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextTest {

    @Test
    void sentencesSurviveAbbreviations() {
        String text = "IL-1 was given i.p. to mice as described by Smith et al. in 2001. Results are shown in Fig. 2 vs. controls. "
                + "A second sentence follows. E. coli grew.";
        List<Span> s = SentenceSplitter.split(text, 10);
        assertEquals(4, s.size(), s.toString());
        assertTrue(s.get(0).text().endsWith("in 2001."));
        assertTrue(s.get(1).text().startsWith("Results") && s.get(1).text().endsWith("controls."));
        assertEquals(10, s.get(0).start());
        for (Span x : s) {
            assertEquals(x.text(), text.substring(x.start() - 10, x.end() - 10));
        }
    }

    @Test
    void tokensKeepDocumentOffsets() {
        String text = "TNF-α and IL6";
        List<Token> t = Tokenizer.tokenize(text, 100);
        assertEquals(List.of("TNF", "α", "and", "IL", "6"), t.stream().map(Token::text).toList());
        for (Token k : t) {
            assertEquals(k.text(), text.substring(k.start() - 100, k.end() - 100));
        }
    }

    @Test
    void variantsNormalizeToTheSameKey() {
        String k = Tokenizer.key("TNF-alpha");
        assertEquals(k, Tokenizer.key("TNF-α"));
        assertEquals(k, Tokenizer.key("TNFα"));
        assertEquals(k, Tokenizer.key("TNF alpha"));
        assertEquals(k, Tokenizer.key("TNFa"));
        assertEquals(Tokenizer.key("IL1B"), Tokenizer.key("IL-1b"));
        assertEquals(Tokenizer.key("TGF-beta1"), Tokenizer.key("TGF-b1"));
        assertEquals(Tokenizer.key("beta-catenin"), Tokenizer.key("b-catenin"));
        assertEquals(Tokenizer.key("macrophage"), Tokenizer.key("Macrophages"));
        assertEquals(Tokenizer.key("type 2 diabetes"), Tokenizer.key("Type II Diabetes"));
        assertEquals(Tokenizer.key("tumor"), Tokenizer.key("tumours"));
        assertEquals(Tokenizer.key("hemorrhage"), Tokenizer.key("haemorrhage"));
        assertEquals(Tokenizer.key("Alzheimer disease"), Tokenizer.key("Alzheimer's disease"));
        // symbols keep their final s: IRS is not IR
        assertTrue(!Tokenizer.key("IRS").equals(Tokenizer.key("IR")));
    }
}
