package io.litgraph.nlp.relate;

import io.litgraph.nlp.EntityType;
import io.litgraph.nlp.Mention;
import io.litgraph.nlp.Relation;
import io.litgraph.nlp.Span;
import io.litgraph.nlp.context.Modality;
import io.litgraph.nlp.context.ModalityDetector;
import io.litgraph.nlp.text.Token;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sentence-level relation candidates between normalized mentions, typed by the trigger words between them
 * (or right around them), then aggregated to one relation per concept pair and document.
 *
 * <p>Direction: in "A inhibits B" the subject is A; a passive "B is inhibited by A" and a compound
 * "A-induced B" also make A the subject. Without a trigger the pair is an undirected Association resting on
 * co-occurrence, with lower confidence.
 */
public final class RelationExtractor {

    /** Types that take part in relations; species, anatomy and the like are context, not participants. */
    private static final Set<EntityType> PARTICIPANTS = Set.of(EntityType.GeneOrGeneProduct, EntityType.ChemicalEntity,
            EntityType.DiseaseOrPhenotypicFeature, EntityType.SequenceVariant, EntityType.CellType,
            EntityType.BiologicalProcess, EntityType.Behavior);

    private RelationExtractor() {
    }

    /** Relations of one sentence. {@code mentions} are the sentence's mentions in text order. */
    public static List<Relation> inSentence(Span sentence, List<Mention> mentions, ModalityDetector.Scopes scopes) {
        List<Relation> out = new ArrayList<>();
        List<Token> tokens = scopes.tokens();
        for (int i = 0; i < mentions.size(); i++) {
            Mention a = mentions.get(i);
            if (!participates(a)) {
                continue;
            }
            for (int j = i + 1; j < mentions.size(); j++) {
                Mention b = mentions.get(j);
                if (!participates(b) || a.conceptId().equals(b.conceptId()) || b.start() < a.end()) {
                    continue;
                }
                if (!relevantPair(a.type(), b.type())) {
                    continue;
                }
                Relation r = relate(sentence, tokens, a, b, scopes);
                if (keep(r, a, b, tokens)) {
                    out.add(r);
                }
            }
        }
        return out;
    }

    /**
     * Which sentence-level candidates are worth reporting. Co-occurrence alone is weak evidence: without a
     * trigger only pairs of a disease with a gene, chemical or variant are kept (never two diseases). Two genes
     * need a trigger within a few words; two chemicals need the language of combination or interaction.
     */
    private static boolean keep(Relation r, Mention a, Mention b, List<Token> tokens) {
        EntityType ta = a.type();
        EntityType tb = b.type();
        if (ta == EntityType.DiseaseOrPhenotypicFeature && tb == EntityType.DiseaseOrPhenotypicFeature) {
            return false;
        }
        boolean coreA = CORE.contains(ta);
        boolean coreB = CORE.contains(tb);
        if (!coreA || !coreB) {
            return r.trigger() != null; // cell types, processes, behaviours: only with a stated relation
        }
        if (ta == EntityType.ChemicalEntity && tb == EntityType.ChemicalEntity) {
            return r.type().equals("Cotreatment") || r.type().equals("Drug_Interaction") || r.type().equals("Bind")
                    || r.type().equals("Conversion");
        }
        if (ta == EntityType.GeneOrGeneProduct && tb == EntityType.GeneOrGeneProduct) {
            // a mechanistic verb ("phosphorylates", "binds") relates two proteins at any distance in the sentence
            return r.trigger() != null && !r.type().equals("Association")
                    && (tokensBetween(tokens, a, b) <= 6 || mechanistic(r.trigger().text()));
        }
        // a disease named in the same sentence as a gene, chemical or variant: co-occurrence is the usual baseline
        return r.trigger() != null || ta == EntityType.DiseaseOrPhenotypicFeature || tb == EntityType.DiseaseOrPhenotypicFeature;
    }

    private static boolean mechanistic(String trigger) {
        String t = trigger.toLowerCase();
        for (String stem : List.of("phosphorylat", "dephosphorylat", "bind", "interact", "ubiquitin", "cleav", "acetylat",
                "methylat", "activat", "inhibit")) {
            if (t.startsWith(stem)) {
                return true;
            }
        }
        return false;
    }

    private static int tokensBetween(List<Token> tokens, Mention a, Mention b) {
        int n = 0;
        for (Token t : tokens) {
            if (t.start() >= a.end() && t.end() <= b.start()) {
                n++;
            }
        }
        return n;
    }

    private static final Set<EntityType> CORE = Set.of(EntityType.GeneOrGeneProduct, EntityType.ChemicalEntity,
            EntityType.DiseaseOrPhenotypicFeature, EntityType.SequenceVariant);

    private static boolean participates(Mention m) {
        return m.conceptId() != null && PARTICIPANTS.contains(m.type());
    }

    /** The pairs the field annotates: anything with a gene, chemical, disease or variant on one side. */
    private static boolean relevantPair(EntityType a, EntityType b) {
        Set<EntityType> core = Set.of(EntityType.GeneOrGeneProduct, EntityType.ChemicalEntity,
                EntityType.DiseaseOrPhenotypicFeature, EntityType.SequenceVariant);
        return core.contains(a) || core.contains(b);
    }

    private static Relation relate(Span sentence, List<Token> tokens, Mention a, Mention b, ModalityDetector.Scopes scopes) {
        Token trigger = null;
        String type = null;
        boolean passive = false;
        // triggers between the two mentions
        for (Token t : tokens) {
            if (t.start() >= a.end() && t.end() <= b.start()) {
                String ty = TriggerLexicon.typeOf(t.text().toLowerCase());
                if (ty != null && (type == null || priority(ty) < priority(type))) {
                    trigger = t;
                    type = ty;
                }
            }
        }
        if (trigger != null) {
            String between = sentence.text().substring(Math.max(0, trigger.end() - sentence.start()),
                    Math.max(0, Math.min(sentence.text().length(), b.start() - sentence.start()))).toLowerCase();
            String before = sentence.text().substring(Math.max(0, a.end() - sentence.start()),
                    Math.max(0, trigger.start() - sentence.start())).toLowerCase();
            passive = between.contains(" by ") || between.startsWith("by ") || before.endsWith("-");
            // "A-induced B": the hyphenated participle makes A the agent; that is the active reading
            if (before.equals("-")) {
                passive = false;
            }
        }
        Mention subject = passive ? b : a;
        Mention object = passive ? a : b;
        Modality m = scopes.of(Math.min(a.start(), trigger != null ? trigger.start() : a.start()), b.end());
        double confidence = trigger != null ? 0.7 : 0.4;
        if (m.negated()) {
            confidence *= 0.5;
        }
        if (m.speculative()) {
            confidence *= 0.8;
        }
        return new Relation(type != null ? type : "Association", subject.conceptId(), object.conceptId(),
                trigger != null && !"Association".equals(type) && !"Bind".equals(type),
                trigger == null ? null : new Span(trigger.start(), trigger.end(), trigger.text()),
                sentence, span(subject), span(object), m.negated(), m.speculative(), confidence);
    }

    private static int priority(String type) {
        return switch (type) {
            case "Cotreatment" -> -1;
            case "Bind" -> 0;
            case "Conversion" -> 1;
            case "Negative_Correlation" -> 2;
            case "Positive_Correlation" -> 3;
            default -> 4;
        };
    }

    private static Span span(Mention m) {
        return new Span(m.start(), m.end(), m.text());
    }

    /**
     * One relation per unordered concept pair: the most confident sentence-level relation is the evidence; its
     * type is the most frequent specific (non-Association) type among the pair's relations, if any.
     */
    public static List<Relation> aggregate(List<Relation> sentenceLevel) {
        Map<String, List<Relation>> byPair = new LinkedHashMap<>();
        for (Relation r : sentenceLevel) {
            String key = r.subjectId().compareTo(r.objectId()) < 0 ? r.subjectId() + "\t" + r.objectId()
                    : r.objectId() + "\t" + r.subjectId();
            byPair.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
        }
        List<Relation> out = new ArrayList<>(byPair.size());
        for (List<Relation> rs : byPair.values()) {
            Relation best = rs.get(0);
            Map<String, Integer> votes = new LinkedHashMap<>();
            for (Relation r : rs) {
                if (r.confidence() > best.confidence()) {
                    best = r;
                }
                if (!r.type().equals("Association") && !r.negated()) {
                    votes.merge(r.type(), 1, Integer::sum);
                }
            }
            String type = best.type();
            int top = 0;
            for (Map.Entry<String, Integer> e : votes.entrySet()) {
                if (e.getValue() > top) {
                    top = e.getValue();
                    type = e.getKey();
                }
            }
            double support = Math.min(1.0, best.confidence() + 0.1 * (rs.size() - 1));
            out.add(new Relation(type, best.subjectId(), best.objectId(), best.directed(), best.trigger(),
                    best.sentence(), best.subject(), best.object(), best.negated(), best.speculative(), support));
        }
        return out;
    }
}
