package io.litgraph.nlp.vocab;

import io.litgraph.nlp.Concept;
import io.litgraph.nlp.EntityType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The mutable workspace loaders write into: concepts by id, their terms, and cross-references between ids.
 * {@link #freeze(String)} merges cross-referenced ids into one concept and picks the primary id by
 * {@link IdPolicy}.
 *
 * <p>Merging is refused when it would put two ids of the same namespace into one concept (e.g. one DO term
 * pointing at two MeSH descriptors): transitive merging through loose xrefs would otherwise glue distinct
 * concepts together.
 */
public final class VocabularyDraft {

    private record Draft(String id, EntityType type, String name) {
    }

    private record DraftTerm(String id, String text, TermKind kind) {
    }

    private final Map<String, Draft> concepts = new LinkedHashMap<>();
    private final List<DraftTerm> terms = new ArrayList<>();
    private final Map<String, String> parent = new HashMap<>();
    private final Map<String, Set<String>> groupPrefixes = new HashMap<>();

    /** Adds a concept; an existing id keeps its first name and type unless {@code override}. */
    public void concept(String id, EntityType type, String name, boolean override) {
        Draft old = concepts.get(id);
        if (old == null || override) {
            concepts.put(id, new Draft(id, type, name != null ? name : old != null ? old.name() : id));
        }
    }

    public void concept(String id, EntityType type, String name) {
        concept(id, type, name, false);
    }

    public boolean has(String id) {
        return concepts.containsKey(id);
    }

    public EntityType typeOf(String id) {
        Draft d = concepts.get(id);
        return d == null ? null : d.type();
    }

    public void term(String id, String text, TermKind kind) {
        if (text == null || text.isBlank()) {
            return;
        }
        terms.add(new DraftTerm(id, text.strip(), kind));
    }

    /** Declares that two ids name the same thing. Unknown ids become xrefs of the known one. */
    public boolean xref(String a, String b) {
        String ra = find(a);
        String rb = find(b);
        if (ra.equals(rb)) {
            return true;
        }
        Set<String> pa = prefixes(ra);
        Set<String> pb = prefixes(rb);
        for (String p : pa) {
            if (pb.contains(p)) {
                return false;
            }
        }
        parent.put(rb, ra);
        pa.addAll(pb);
        groupPrefixes.remove(rb);
        return true;
    }

    /** Whether the group of {@code id} holds an id with one of these prefixes ("MESH:", "OMIM:"). */
    public boolean groupHasPrefix(String id, String... curiePrefixes) {
        Set<String> p = prefixes(find(id));
        for (String c : curiePrefixes) {
            if (p.contains(prefix(c + "x"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * For every group that holds an id with this prefix, one such id, by group: lets a caller go from any member
     * of a group to its id in a given registry.
     */
    public Map<String, String> idsByGroup(String curiePrefix) {
        Map<String, String> out = new HashMap<>();
        List<String> ids = new ArrayList<>(concepts.keySet());
        ids.addAll(parent.keySet());
        ids.addAll(parent.values()); // an id only ever named as an xref can be a group's root
        for (String id : ids) {
            if (id.startsWith(curiePrefix)) {
                out.putIfAbsent(find(id), id);
            }
        }
        return out;
    }

    public String group(String id) {
        return find(id);
    }

    private Set<String> prefixes(String root) {
        return groupPrefixes.computeIfAbsent(root, r -> {
            Set<String> s = new HashSet<>();
            s.add(prefix(r));
            return s;
        });
    }

    private String find(String id) {
        String p = parent.get(id);
        if (p == null) {
            return id;
        }
        String r = find(p);
        if (!r.equals(p)) {
            parent.put(id, r);
        }
        return r;
    }

    static String prefix(String curie) {
        int c = curie.indexOf(':');
        return c < 0 ? "" : curie.substring(0, c);
    }

    /**
     * Aligns concepts of two registries by name: a {@code fromPrefix} concept whose group has no
     * {@code toPrefix} id yet is merged with the single {@code toPrefix} concept of the same type that has its
     * preferred name among its names or synonyms (normalized). Ambiguous names (several targets) are left alone.
     */
    public int alignByName(String fromPrefix, String toPrefix, EntityType type) {
        Map<String, Set<String>> targets = new HashMap<>();
        for (DraftTerm t : terms) {
            if (t.id().startsWith(toPrefix) && typeOf(t.id()) == type) {
                targets.computeIfAbsent(io.litgraph.nlp.text.Tokenizer.key(t.text()), k -> new HashSet<>()).add(t.id());
            }
        }
        int merged = 0;
        for (Draft c : List.copyOf(concepts.values())) {
            if (!c.id().startsWith(fromPrefix) || c.type() != type) {
                continue;
            }
            if (prefixes(find(c.id())).contains(prefix(toPrefix + "x"))) {
                continue;
            }
            Set<String> hit = targets.get(io.litgraph.nlp.text.Tokenizer.key(c.name()));
            if (hit != null && hit.size() == 1 && xref(hit.iterator().next(), c.id())) {
                merged++;
            }
        }
        return merged;
    }

    public Vocabulary freeze(String version) {
        // group members: every id seen as concept or xref
        Map<String, List<String>> groups = new LinkedHashMap<>();
        Set<String> all = new LinkedHashSet<>(concepts.keySet());
        all.addAll(parent.keySet());
        for (String id : all) {
            groups.computeIfAbsent(find(id), k -> new ArrayList<>()).add(id);
        }
        List<Concept> out = new ArrayList<>();
        Map<String, Integer> indexOfRoot = new HashMap<>();
        for (Map.Entry<String, List<String>> g : groups.entrySet()) {
            List<String> members = g.getValue();
            List<Draft> defined = new ArrayList<>();
            for (String m : members) {
                Draft d = concepts.get(m);
                if (d != null) {
                    defined.add(d);
                }
            }
            if (defined.isEmpty()) {
                continue; // only xrefs between ids nobody defined
            }
            // the earliest loaded definition decides the type: the curated core is loaded first
            EntityType type = defined.get(0).type();
            String primary = IdPolicy.primary(type, members, concepts.keySet());
            Draft named = concepts.get(primary);
            String name = named != null ? named.name() : defined.get(0).name();
            List<String> xrefs = new ArrayList<>();
            for (String m : members) {
                if (!m.equals(primary)) {
                    xrefs.add(m);
                }
            }
            indexOfRoot.put(g.getKey(), out.size());
            out.add(new Concept(primary, type, name, List.copyOf(xrefs)));
        }
        List<Term> outTerms = new ArrayList<>(terms.size());
        Set<String> seen = new HashSet<>(terms.size() * 2);
        for (DraftTerm t : terms) {
            Integer idx = indexOfRoot.get(find(t.id()));
            if (idx == null) {
                continue;
            }
            if (seen.add(idx + "\u0000" + t.kind().ordinal() + "\u0000" + t.text())) {
                outTerms.add(new Term(t.text(), idx, t.kind()));
            }
        }
        return new Vocabulary(version, out, outTerms);
    }
}
