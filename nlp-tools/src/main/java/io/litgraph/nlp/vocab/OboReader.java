package io.litgraph.nlp.vocab;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads OBO 1.2 flat files (Disease Ontology, Cell Ontology, UBERON, HPO, ChEBI): every [Term] stanza becomes an
 * {@link OboTerm}. Only the tags the vocabulary needs are kept; everything else is skipped.
 */
public final class OboReader {

    /** One synonym: its text, scope (EXACT, RELATED, BROAD, NARROW) and optional type (FORMULA, IUPAC_NAME...). */
    public record Synonym(String text, String scope, String type) {
    }

    public record OboTerm(String id, String name, List<Synonym> synonyms, List<String> xrefs, List<String> isA,
                          List<String> altIds, boolean obsolete) {
    }

    private OboReader() {
    }

    public static void read(Path file, Consumer<OboTerm> sink) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            boolean inTerm = false;
            String id = null;
            String name = null;
            List<Synonym> syns = new ArrayList<>();
            List<String> xrefs = new ArrayList<>();
            List<String> isA = new ArrayList<>();
            List<String> alt = new ArrayList<>();
            boolean obsolete = false;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("[")) {
                    if (inTerm && id != null) {
                        sink.accept(new OboTerm(id, name, syns, xrefs, isA, alt, obsolete));
                    }
                    inTerm = line.startsWith("[Term]");
                    id = null;
                    name = null;
                    syns = new ArrayList<>();
                    xrefs = new ArrayList<>();
                    isA = new ArrayList<>();
                    alt = new ArrayList<>();
                    obsolete = false;
                    continue;
                }
                if (!inTerm) {
                    continue;
                }
                int colon = line.indexOf(": ");
                if (colon < 0) {
                    continue;
                }
                String tag = line.substring(0, colon);
                String value = stripComment(line.substring(colon + 2));
                switch (tag) {
                    case "id" -> id = value.strip();
                    case "name" -> name = value.strip();
                    case "synonym" -> {
                        Synonym s = synonym(value);
                        if (s != null) {
                            syns.add(s);
                        }
                    }
                    case "xref" -> {
                        String x = value.strip();
                        int sp = x.indexOf(' ');
                        xrefs.add(sp > 0 ? x.substring(0, sp) : x);
                    }
                    case "is_a" -> isA.add(value.strip().split("\\s+")[0]);
                    case "alt_id" -> alt.add(value.strip());
                    case "is_obsolete" -> obsolete = value.strip().equals("true");
                    default -> {
                    }
                }
            }
            if (inTerm && id != null) {
                sink.accept(new OboTerm(id, name, syns, xrefs, isA, alt, obsolete));
            }
        }
    }

    /** {@code "text" SCOPE [TYPE] [xrefs]}; the text may contain escaped quotes. */
    static Synonym synonym(String value) {
        if (!value.startsWith("\"")) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        int i = 1;
        for (; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length()) {
                text.append(value.charAt(++i));
            } else if (c == '"') {
                break;
            } else {
                text.append(c);
            }
        }
        String[] rest = value.substring(Math.min(value.length(), i + 1)).strip().split("\\s+");
        String scope = rest.length > 0 ? rest[0] : "RELATED";
        String type = rest.length > 1 && !rest[1].startsWith("[") ? rest[1] : null;
        return new Synonym(text.toString().strip(), scope, type);
    }

    private static String stripComment(String v) {
        // a trailing " ! comment" (outside quotes) is a comment in OBO
        int q = v.lastIndexOf('"');
        int bang = v.indexOf(" ! ", Math.max(q, 0));
        return bang >= 0 ? v.substring(0, bang) : v;
    }
}
