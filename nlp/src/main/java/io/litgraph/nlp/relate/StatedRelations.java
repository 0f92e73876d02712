package io.litgraph.nlp.relate;

import io.litgraph.nlp.EntityType;
import io.litgraph.nlp.Mention;
import io.litgraph.nlp.Relation;
import io.litgraph.nlp.Span;
import io.litgraph.nlp.context.Modality;
import io.litgraph.nlp.context.ModalityDetector;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Relations no training corpus here annotates, read from explicit statements in one sentence: between two
 * diseases or phenotypes (comorbidity, risk, "a hallmark of", "leads to") and from a behaviour or exposure to an
 * outcome (a disease, a gene product, another behaviour). Only the words joining the two mentions count, so
 * co-occurrence alone never gives such a relation; lists and appositions ({@link Enumerations}) never do.
 *
 * <p>Confidence: {@value #CONFIDENCE} for every stated relation (halved when the statement is hedged). No corpus
 * annotates these relations, so the value is a fixed prior, not a calibrated probability; see docs/EVALUATION.md.
 */
public final class StatedRelations {

    static final double CONFIDENCE = 0.7;
    /** The joining text is read only when the two mentions are this close (characters between them). */
    private static final int MAX_GAP = 90;

    private enum Direction { FORWARD, BACKWARD, NONE }

    private record Cue(Pattern pattern, String type, Direction direction) {
    }

    /** Cues on the text between the first mention and the second, most specific first. */
    private static final List<Cue> BETWEEN = List.of(
            cue("\\b(reduc|lower|decreas|prevent|protect|attenuat|mitigat)\\w*( \\w+){0,2} (against |the )?(risk|incidence|onset|severity|development|odds)\\b",
                    "Negative_Correlation", Direction.FORWARD),
            cue("\\b(increas|rais|elevat|doubl|tripl|heighten|higher|greater|enhanc)\\w*( \\w+){0,3} (risk|odds|incidence|likelihood|susceptibility)( of| for| to)?\\b",
                    "Positive_Correlation", Direction.FORWARD),
            cue("\\b(is|are|was|were|as|remains?) (a|an|the)? ?(\\w+ ){0,2}risk factors? (of|for)\\b", "Positive_Correlation", Direction.FORWARD),
            cue("\\bpredispos\\w*( \\w+){0,2} to\\b", "Positive_Correlation", Direction.FORWARD),
            cue("\\b(caused|induced|triggered|driven|worsened|exacerbated|aggravated|precipitated) by\\b", "Positive_Correlation", Direction.BACKWARD),
            cue("\\b(due to|secondary to|as a (result|consequence) of|resulting from|results from|arising from|attributable to)\\b",
                    "Positive_Correlation", Direction.BACKWARD),
            cue("\\b(leads? to|led to|leading to|causes?|causing|results? in|resulted in|resulting in|contributes? to|contributed to|"
                    + "contributing to|triggers?|promotes?|promoted|worsens?|exacerbates?|aggravates?|precipitates?|"
                    + "progress(es|ed)? to|develops? into|increases?|raises?)\\b", "Positive_Correlation", Direction.FORWARD),
            cue("\\b(is|are|was|were|as|being|remains?) (a|an|the|one of the)? ?(\\w+ ){0,2}(hallmarks?|features?|characteristics?|"
                    + "manifestations?|symptoms?|signs?|complications?|consequences?|markers?|precursors?|components?) of\\b",
                    "Association", Direction.FORWARD),
            cue("\\b(comorbid\\w*|co-?occur\\w*|coexist\\w*|co-exist\\w*|cluster\\w*) with\\b", "Association", Direction.NONE),
            cue("\\b(is|are|was|were)?\\s?(strongly |closely |independently |positively |inversely |significantly )?"
                    + "(associated|linked|correlated|related|connected) (with|to)\\b", "Association", Direction.NONE),
            // "ADM, produced in greater quantities in lonely individuals": a level higher in a group of people
            cue("\\b(higher|greater|increased|elevated|more|raised)( \\w+){0,3} (in|among)( the)?$", "Positive_Correlation", Direction.BACKWARD),
            cue("\\b(lower|reduced|decreased|less|diminished)( \\w+){0,3} (in|among)( the)?$", "Negative_Correlation", Direction.BACKWARD));

    /** "the link between A and B", "comorbidity of A and B": the cue stands before the pair, "and" joins them. */
    private static final Pattern BEFORE_PAIR = Pattern.compile("\\b(link|links|association|associations|relationship|"
            + "relation|interplay|connection|comorbidity|co-?occurrence|overlap|correlation|crosstalk|cross-talk|"
            + "bidirectional relationship)( \\w+){0,2} (between|of)( the)?\\s*$");

    /** A colon, semicolon or numbered item between the two: separate statements, not one. */
    private static final Pattern CLAUSE_BREAK = Pattern.compile("[;:]|\\(\\d+\\)|\\(\\w\\)");

    private static Cue cue(String regex, String type, Direction d) {
        return new Cue(Pattern.compile(regex), type, d);
    }

    private StatedRelations() {
    }

    /** Participants: two diseases, or a behaviour on one side and a disease, gene or behaviour on the other. */
    static boolean pairable(EntityType a, EntityType b) {
        boolean disease = a == EntityType.DiseaseOrPhenotypicFeature && b == EntityType.DiseaseOrPhenotypicFeature;
        return disease || behaviour(a) && outcome(b) || behaviour(b) && outcome(a);
    }

    private static boolean behaviour(EntityType t) {
        return t == EntityType.Behavior;
    }

    private static boolean outcome(EntityType t) {
        return t == EntityType.DiseaseOrPhenotypicFeature || t == EntityType.GeneOrGeneProduct || t == EntityType.Behavior;
    }

    /** The stated relations of a document, one per concept pair (the first affirmative statement wins). */
    public static List<Relation> extract(List<Span> sentences, List<Mention> mentions) {
        Map<String, Relation> out = new LinkedHashMap<>();
        int m = 0;
        for (Span s : sentences) {
            while (m < mentions.size() && mentions.get(m).start() < s.start()) {
                m++;
            }
            int end = m;
            while (end < mentions.size() && mentions.get(end).start() < s.end()) {
                end++;
            }
            if (end - m > 1) {
                for (Relation r : inSentence(s, mentions.subList(m, end))) {
                    String key = r.subjectId().compareTo(r.objectId()) < 0 ? r.subjectId() + "\t" + r.objectId()
                            : r.objectId() + "\t" + r.subjectId();
                    Relation had = out.get(key);
                    if (had == null || had.negated() && !r.negated()) {
                        out.put(key, r);
                    }
                }
            }
            m = end;
        }
        return new ArrayList<>(out.values());
    }

    /** Stated relations between adjacent-enough mentions of one sentence (text order). */
    static List<Relation> inSentence(Span sentence, List<Mention> ms) {
        List<Relation> out = new ArrayList<>();
        ModalityDetector.Scopes scopes = null;
        String text = sentence.text();
        for (int i = 0; i < ms.size(); i++) {
            Mention a = ms.get(i);
            if (a.conceptId() == null || negatedPrefix(text, a.start() - sentence.start())) {
                continue;
            }
            for (int j = i + 1; j < ms.size() && j <= i + 3; j++) {
                Mention b = ms.get(j);
                if (b.conceptId() == null || b.conceptId().equals(a.conceptId()) || b.start() < a.end()
                        || negatedPrefix(text, b.start() - sentence.start())
                        || b.start() - a.end() > MAX_GAP || !pairable(a.type(), b.type())) {
                    continue;
                }
                String gap = text.substring(a.end() - sentence.start(), b.start() - sentence.start()).toLowerCase(Locale.ROOT).strip();
                Cue found = null;
                Matcher hit = null;
                if (gap.equals("and") || gap.equals(", and") || gap.equals("with")) {
                    String before = text.substring(Math.max(0, a.start() - sentence.start() - 60), a.start() - sentence.start())
                            .toLowerCase(Locale.ROOT);
                    Matcher bm = BEFORE_PAIR.matcher(before);
                    if (bm.find()) {
                        found = new Cue(BEFORE_PAIR, "Association", Direction.NONE);
                        hit = bm;
                    }
                } else if (!Enumerations.listed(gap) && j - i <= 2 && !CLAUSE_BREAK.matcher(gap).find()) {
                    for (Cue c : BETWEEN) {
                        Matcher cm = c.pattern().matcher(gap);
                        if (cm.find()) {
                            found = c;
                            hit = cm;
                            break;
                        }
                    }
                }
                if (found == null) {
                    continue;
                }
                if (scopes == null) {
                    scopes = ModalityDetector.scopes(sentence);
                }
                Modality mod = scopes.of(a.start(), b.end());
                boolean backward = found.direction() == Direction.BACKWARD;
                Mention subject = backward ? b : a;
                Mention object = backward ? a : b;
                int triggerStart = found.pattern() == BEFORE_PAIR
                        ? Math.max(0, a.start() - sentence.start() - 60) + hit.start()
                        : a.end() - sentence.start() + text.substring(a.end() - sentence.start()).toLowerCase(Locale.ROOT).indexOf(gap) + hit.start();
                int triggerEnd = triggerStart + (hit.end() - hit.start());
                Span trigger = new Span(sentence.start() + triggerStart, sentence.start() + triggerEnd,
                        text.substring(triggerStart, Math.min(text.length(), triggerEnd)).strip());
                out.add(new Relation(found.type(), subject.conceptId(), object.conceptId(), found.direction() != Direction.NONE,
                        trigger, sentence, span(subject), span(object), mod.negated(), mod.speculative(),
                        mod.speculative() ? CONFIDENCE / 2 : CONFIDENCE));
            }
        }
        return out;
    }

    /** "non-diabetic", "anti-IL-1": the word names the absence or the opposite of the concept, not the concept. */
    static boolean negatedPrefix(String text, int start) {
        String before = text.substring(Math.max(0, start - 5), Math.max(0, start)).toLowerCase(Locale.ROOT);
        return before.endsWith("non-") || before.endsWith("non ") || before.endsWith("anti-");
    }

    private static Span span(Mention m) {
        return new Span(m.start(), m.end(), m.text());
    }
}
