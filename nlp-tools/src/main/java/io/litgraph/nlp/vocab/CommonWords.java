package io.litgraph.nlp.vocab;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** General English vocabulary (hand-written list in resources) used to distrust terms that are ordinary words. */
public final class CommonWords {

    private static final Set<String> WORDS = load("common-english.txt", false);
    private static final Set<String> GENERIC = load("generic-terms.txt", true);

    private CommonWords() {
    }

    public static boolean contains(String word) {
        return WORDS.contains(word.toLowerCase(Locale.ROOT));
    }

    /** A general class word or notation ("DNA", "protein", "Arg"): not a mention of a particular entity. */
    public static boolean generic(String normalizedKey) {
        return GENERIC.contains(normalizedKey);
    }

    private static Set<String> load(String resource, boolean linesAreTerms) {
        Set<String> out = new HashSet<>();
        try (InputStream in = CommonWords.class.getResourceAsStream(resource)) {
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                if (linesAreTerms && !line.startsWith("#") && !line.isBlank()) {
                    out.add(io.litgraph.nlp.text.Tokenizer.key(line.strip()));
                } else if (!line.startsWith("#")) {
                    for (String w : line.strip().split("\\s+")) {
                        if (!w.isEmpty()) {
                            out.add(w);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(out);
    }
}
