package io.litgraph.nlp.vocab;

import io.litgraph.nlp.EntityType;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The curated core vocabulary shipped with the engine: hand-written facts (an identifier, its type, its name,
 * further names, cross-references) for what the registries lack or get wrong in running text (diseases as
 * people write them, cell types, anatomy, processes, social and behavioural factors, common species names,
 * well-known genes by their everyday names).
 *
 * <p>File format, one concept per line, '#' comments:
 * {@code CURIE<TAB>EntityType<TAB>preferred name<TAB>synonyms separated by |<TAB>xrefs separated by |}.
 */
public final class CoreVocabulary {

    public static final List<String> FILES = List.of("core-genes.tsv", "core-diseases.tsv", "core-chemicals.tsv",
            "core-cells.tsv", "core-anatomy.tsv", "core-processes.tsv", "core-behavior.tsv", "core-species.tsv");

    /** One curated line, as tests and the checker see it. */
    public record Entry(String id, EntityType type, String name, List<String> synonyms, List<String> xrefs, String file) {
    }

    private CoreVocabulary() {
    }

    public static List<Entry> entries() {
        List<Entry> out = new java.util.ArrayList<>();
        for (String file : FILES) {
            try (InputStream in = CoreVocabulary.class.getResourceAsStream(file)) {
                if (in == null) {
                    throw new IllegalStateException("missing core vocabulary resource " + file);
                }
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                String line;
                while ((line = r.readLine()) != null) {
                    if (line.isBlank() || line.startsWith("#")) {
                        continue;
                    }
                    String[] f = line.split("\t", -1);
                    if (f.length < 3) {
                        throw new IllegalStateException(file + ": bad line " + line);
                    }
                    out.add(new Entry(f[0].strip(), EntityType.valueOf(f[1].strip()), f[2].strip(),
                            f.length > 3 ? split(f[3]) : List.of(), f.length > 4 ? split(f[4]) : List.of(), file));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    private static List<String> split(String s) {
        if (s.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(s.split("\\|")).map(String::strip).filter(x -> !x.isEmpty()).toList();
    }

    /** Loads the core into a draft. Loaded first, so its types and names win over the registries'. */
    public static void loadInto(VocabularyDraft draft) {
        for (Entry e : entries()) {
            draft.concept(e.id(), e.type(), e.name(), true);
            draft.term(e.id(), e.name(), TermKind.CURATED);
            for (String s : e.synonyms()) {
                draft.term(e.id(), s, TermKind.CURATED);
            }
            for (String x : e.xrefs()) {
                draft.xref(e.id(), x);
            }
        }
    }

    public static Vocabulary load() {
        VocabularyDraft draft = new VocabularyDraft();
        loadInto(draft);
        return draft.freeze("core-" + version());
    }

    /**
     * The core's version: a short hash of its text (strings only, so it is the same in every JVM), so a changed
     * core shows in every annotation.
     */
    public static String version() {
        int h = 17;
        for (Entry e : entries()) {
            h = 31 * h + (e.id() + "\t" + e.type().name() + "\t" + e.name() + "\t" + e.synonyms() + "\t" + e.xrefs()).hashCode();
        }
        return Integer.toHexString(h);
    }
}
