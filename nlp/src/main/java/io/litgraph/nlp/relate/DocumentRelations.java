package io.litgraph.nlp.relate;

import io.litgraph.nlp.EntityType;
import io.litgraph.nlp.Mention;
import io.litgraph.nlp.Relation;
import io.litgraph.nlp.Span;
import io.litgraph.nlp.context.Modality;
import io.litgraph.nlp.context.ModalityDetector;
import io.litgraph.nlp.relate.RelationCues.Cue;
import io.litgraph.nlp.text.Token;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Document-level relations between the concepts of one abstract, in the style of BioRED: one relation per
 * concept pair and document, whether the pair is stated in one sentence or only implied by the abstract as a
 * whole (the title's entities are what the abstract is about).
 *
 * <ol>
 *   <li>Concepts: mentions grouped by concept id, with counts, title membership and the sentences they occur in.</li>
 *   <li>Local evidence: every co-occurrence of two concepts in a sentence is read for cue words between them or
 *   just before them ({@link RelationCues}), a hyphenated "A-induced B", a passive "by", distance and negation.</li>
 *   <li>Pairs: every pair of the document's salient concepts whose types the field relates is a candidate,
 *   described by a few general features (type pair, number of sentences shared, title, salience, cues) and scored
 *   by {@link RelationModel}, linear classifiers over these and lexical features that {@link RelationTrainer} fits.</li>
 *   <li>Type: the cues of the pair's sentences decide the relation type within what the type pair allows,
 *   falling back to the type pair's usual relation (a gene and a disease: Association).</li>
 * </ol>
 * Cost is linear in the number of mentions per sentence pair and capped at {@value #MAX_CONCEPTS} concepts.
 */
public final class DocumentRelations {

    /** The most salient concepts per document considered for pairs; bounds the quadratic step. */
    static final int MAX_CONCEPTS = 48;
    /** Cue words are looked for this many tokens before the first of the two mentions ("inhibition of A by B"). */
    private static final int WINDOW_BEFORE = 3;

    private DocumentRelations() {
    }

    /** Coarse participant classes. */
    enum Kind { GENE, CHEMICAL, DISEASE, VARIANT }

    static Kind kind(EntityType t) {
        return switch (t) {
            case GeneOrGeneProduct -> Kind.GENE;
            case ChemicalEntity -> Kind.CHEMICAL;
            case DiseaseOrPhenotypicFeature -> Kind.DISEASE;
            case SequenceVariant -> Kind.VARIANT;
            default -> null;
        };
    }

    /** The related type pairs, unordered, in a fixed order (index = feature block). */
    enum Pair {
        GENE_GENE, GENE_CHEMICAL, GENE_DISEASE, CHEMICAL_CHEMICAL, CHEMICAL_DISEASE, DISEASE_VARIANT;

        static Pair of(Kind a, Kind b) {
            if (a.ordinal() > b.ordinal()) {
                Kind t = a;
                a = b;
                b = t;
            }
            return switch (a) {
                case GENE -> b == Kind.GENE ? GENE_GENE : b == Kind.CHEMICAL ? GENE_CHEMICAL : b == Kind.DISEASE ? GENE_DISEASE : null;
                case CHEMICAL -> b == Kind.CHEMICAL ? CHEMICAL_CHEMICAL : b == Kind.DISEASE ? CHEMICAL_DISEASE : null;
                case DISEASE -> b == Kind.VARIANT ? DISEASE_VARIANT : null;
                case VARIANT -> null;
            };
        }
    }

    /** One concept of the document. */
    static final class Node {
        final String id;
        final Kind kind;
        final List<Mention> mentions = new ArrayList<>();
        final List<Integer> sentenceOf = new ArrayList<>();
        boolean inTitle;
        boolean top;

        Node(String id, Kind kind) {
            this.id = id;
            this.kind = kind;
        }

        int count() {
            return mentions.size();
        }

        private int[] entityFeatures;

        /** Hashed features of what the concept is called, computed once per document (see {@link #vector}). */
        int[] entityFeatures() {
            if (entityFeatures == null) {
                Mention m = mentions.get(0);
                String[] words = m.text().split("[\\s-]+");
                String k = "E:" + kind + ":";
                entityFeatures = new int[]{
                        PairFeatures.index(k + "head:" + PairFeatures.stem(words.length == 0 ? "" : words[words.length - 1])),
                        PairFeatures.index(k + "words:" + Math.min(4, words.length)),
                        PairFeatures.index(k + (m.text().chars().anyMatch(Character::isLowerCase) ? "lower" : "symbol"))};
            }
            return entityFeatures;
        }
    }

    /** One co-occurrence of two concepts in a sentence, read for its cues. */
    record Local(Mention first, Mention second, Span sentence, Cue cue, Token trigger, boolean hyphen, boolean passive,
                 int distance, int between, boolean negated, boolean speculative, boolean mechanistic, boolean listed) {
    }

    /** A candidate pair with its evidence and features. */
    static final class Candidate {
        final Node a;
        final Node b;
        final Pair pair;
        final EnumMap<Cue, Integer> cues = new EnumMap<>(Cue.class);
        /** cue weights, nearer statements weighing more: 1 / (1 + words between / 4) */
        final EnumMap<Cue, Double> weights = new EnumMap<>(Cue.class);
        int sentences;
        int lastSentence = -1;
        int minDistance = Integer.MAX_VALUE;
        int negatedSentences;
        boolean hyphen;
        /** stated outright in some sentence: see {@link #explicit} */
        boolean explicit;
        Local best;
        /** co-occurrences that only list the two as members of one enumeration or apposition */
        int listedSentences;
        boolean lastListed;
        /** lexical features of the co-occurrences (words between and around, trigger, order) */
        final java.util.Set<String> lexical = new java.util.LinkedHashSet<>();
        double[] features;
        PairFeatures.Vector vector;
        double score;
        String type;

        Candidate(Node a, Node b, Pair pair) {
            this.a = a;
            this.b = b;
            this.pair = pair;
        }
    }

    /**
     * The document's relations, most confident first: the pairs of genes, chemicals, diseases and variants the
     * shipped {@link RelationModel} accepts, and the relations {@link StatedRelations} reads from explicit
     * statements (disease–disease, behaviour → outcome) between specific concepts ({@link Specificity}).
     */
    public static List<Relation> extract(List<Span> sentences, List<Mention> mentions) {
        List<Relation> out = extract(sentences, mentions, RelationModel.shipped());
        java.util.Set<String> have = new java.util.HashSet<>();
        for (Relation r : out) {
            have.add(r.subjectId() + "\t" + r.objectId());
            have.add(r.objectId() + "\t" + r.subjectId());
        }
        for (Relation r : StatedRelations.extract(sentences, Specificity.specific(mentions))) {
            if (have.add(r.subjectId() + "\t" + r.objectId())) {
                out.add(r);
            }
        }
        out.sort(Comparator.comparingDouble(Relation::confidence).reversed());
        return out;
    }

    /** As above with a given model. */
    static List<Relation> extract(List<Span> sentences, List<Mention> mentions, RelationModel model) {
        List<Relation> out = new ArrayList<>();
        if (model == null) {
            return out;
        }
        for (Candidate c : candidates(sentences, mentions)) {
            c.score = model.probability(c.vector.idx(), c.vector.val());
            if (accepted(c, model.threshold())) {
                score(c, model);
                out.add(relation(c, sentences));
            }
        }
        out.sort(Comparator.comparingDouble(Relation::confidence).reversed());
        return out;
    }

    /** The model's calibrated probability and relation type for a candidate. */
    static void score(Candidate c, RelationModel model) {
        c.score = model.probability(c.vector.idx(), c.vector.val());
        c.type = model.type(c.vector.idx(), c.vector.val());
        if (c.pair == Pair.CHEMICAL_DISEASE && c.type.equals("Association")
                && model.induces(c.vector.idx(), c.vector.val()) >= 0.5) {
            c.type = "Positive_Correlation";
        }
    }

    /**
     * Reported: a probability from the threshold up or a statement of {@link #explicit} form, unless every sentence the two share only lists them as
     * members of one enumeration or apposition ("IL-1Ra, anakinra"; "cytokines such as IL-6"; "A, B and C"):
     * being named together is not a relation.
     */
    static boolean accepted(Candidate c, double threshold) {
        return (c.score >= threshold || EXPLICIT && c.explicit) && !(c.sentences > 0 && c.listedSentences == c.sentences);
    }

    /** Report {@link #explicit} statements below the threshold too (with their calibrated probability). */
    static boolean EXPLICIT = true;

    /** Every candidate pair of the document, scored. */
    static List<Candidate> candidates(List<Span> sentences, List<Mention> mentions) {
        if (sentences.isEmpty() || mentions.size() < 2) {
            return List.of();
        }
        // 1: concepts
        Map<String, Node> nodes = new LinkedHashMap<>();
        int[] sentenceOfMention = new int[mentions.size()];
        int si = 0;
        for (int i = 0; i < mentions.size(); i++) {
            Mention m = mentions.get(i);
            while (si + 1 < sentences.size() && sentences.get(si).end() <= m.start()) {
                si++;
            }
            sentenceOfMention[i] = si;
            Kind k = kind(m.type());
            if (k == null || m.conceptId() == null) {
                continue;
            }
            Node n = nodes.computeIfAbsent(m.conceptId(), id -> new Node(id, k));
            if (n.kind != k) {
                continue;
            }
            n.mentions.add(m);
            n.sentenceOf.add(si);
            n.inTitle |= si == 0;
        }
        if (nodes.size() < 2) {
            return List.of();
        }
        Map<Kind, Integer> maxCount = new EnumMap<>(Kind.class);
        for (Node n : nodes.values()) {
            maxCount.merge(n.kind, n.count(), Math::max);
        }
        for (Node n : nodes.values()) {
            n.top = n.count() >= 2 && n.count() == maxCount.get(n.kind);
        }
        List<Node> kept = new ArrayList<>(nodes.values());
        if (kept.size() > MAX_CONCEPTS) {
            kept.sort(Comparator.comparing((Node n) -> !n.inTitle).thenComparing(n -> -n.count()));
            kept = new ArrayList<>(kept.subList(0, MAX_CONCEPTS));
        }
        Map<String, Node> keptById = new HashMap<>();
        for (Node n : kept) {
            keptById.put(n.id, n);
        }
        // 2: candidate pairs
        Map<String, Candidate> pairs = new LinkedHashMap<>();
        for (int i = 0; i < kept.size(); i++) {
            for (int j = i + 1; j < kept.size(); j++) {
                Pair p = Pair.of(kept.get(i).kind, kept.get(j).kind);
                if (p != null) {
                    pairs.put(key(kept.get(i).id, kept.get(j).id), new Candidate(kept.get(i), kept.get(j), p));
                }
            }
        }
        // 3: local evidence, sentence by sentence
        int start = 0;
        while (start < mentions.size()) {
            int s = sentenceOfMention[start];
            int end = start;
            while (end < mentions.size() && sentenceOfMention[end] == s) {
                end++;
            }
            if (end - start > 1) {
                readSentence(sentences.get(s), s, mentions.subList(start, end), keptById, pairs);
            }
            start = end;
        }
        // 4: features and scores
        int concepts = kept.size();
        List<Candidate> out = new ArrayList<>(pairs.values());
        for (Candidate c : out) {
            c.features = features(c, concepts);
            c.vector = vector(c);
        }
        return out;
    }

    private static String key(String a, String b) {
        return a.compareTo(b) < 0 ? a + "\t" + b : b + "\t" + a;
    }

    private static void readSentence(Span sentence, int index, List<Mention> ms, Map<String, Node> nodes,
                                     Map<String, Candidate> pairs) {
        ModalityDetector.Scopes scopes = null;
        Cue[] cues = null;
        boolean[] mechanistic = null;
        String[] stems = null;
        for (int i = 0; i < ms.size(); i++) {
            Mention a = ms.get(i);
            if (a.conceptId() == null || !nodes.containsKey(a.conceptId())) {
                continue;
            }
            for (int j = i + 1; j < ms.size(); j++) {
                Mention b = ms.get(j);
                if (b.conceptId() == null || b.conceptId().equals(a.conceptId()) || b.start() < a.end()) {
                    continue;
                }
                Candidate c = pairs.get(key(a.conceptId(), b.conceptId()));
                if (c == null) {
                    continue;
                }
                if (scopes == null) {
                    scopes = ModalityDetector.scopes(sentence);
                    List<Token> tokens = scopes.tokens();
                    cues = new Cue[tokens.size()];
                    mechanistic = new boolean[tokens.size()];
                    stems = new String[tokens.size()];
                    for (int k = 0; k < tokens.size(); k++) {
                        String lower = tokens.get(k).text().toLowerCase(Locale.ROOT);
                        cues[k] = RelationCues.of(lower);
                        mechanistic[k] = MECHANISTIC.stream().anyMatch(lower::startsWith);
                        stems[k] = PairFeatures.stem(lower);
                    }
                }
                int between = 0; // gene, chemical, disease or variant mentions between the two
                for (int k = i + 1; k < j; k++) {
                    between += kind(ms.get(k).type()) != null ? 1 : 0;
                }
                Local l = read(sentence, scopes, cues, mechanistic, a, b, between);
                if (c.lastSentence != index) {
                    c.sentences++;
                    c.lastSentence = index;
                    if (l.negated()) {
                        c.negatedSentences++;
                    }
                    c.lastListed = l.listed();
                    if (l.listed()) {
                        c.listedSentences++;
                    }
                } else if (c.lastListed && !l.listed()) {
                    c.listedSentences--; // another co-occurrence in the same sentence states more than a list
                    c.lastListed = false;
                }
                lexical(c, l, scopes.tokens(), stems, ms, i, j);
                c.minDistance = Math.min(c.minDistance, l.distance());
                if (l.cue() != null) {
                    c.cues.merge(l.cue(), 1, Integer::sum);
                    if (!l.negated()) {
                        c.weights.merge(l.cue(), (l.hyphen() ? 2.0 : 1.0) / (1 + l.distance() / 4.0), Double::sum);
                    }
                }
                c.hyphen |= l.hyphen();
                c.explicit |= explicit(l);
                if (c.best == null || better(l, c.best)) {
                    c.best = l;
                }
            }
        }
    }

    /** Post-translational modification words: "A phosphorylates B" states a direct mechanistic relation. */
    private static final List<String> MECHANISTIC = List.of("phosphorylat", "dephosphorylat", "ubiquitinat", "acetylat",
            "deacetylat", "methylat", "sumoylat", "cleav", "transactivat");

    /**
     * A relation stated outright in one affirmative sentence, reported whatever the document-level score: a
     * hyphenated "A-induced B", a modification word between two genes (at most three other mentions and twenty
     * words between), or binding words with at most four words and one other mention between the two.
     */
    static boolean explicit(Local l) {
        if (l.cue() == null || l.negated()) {
            return false;
        }
        boolean genes = l.first().type() == EntityType.GeneOrGeneProduct && l.second().type() == EntityType.GeneOrGeneProduct;
        if (genes && l.mechanistic() && l.between() <= 3 && l.distance() <= 20) {
            return true; // "JNK activation in muscle and liver promotes phosphorylation of IRS-1"
        }
        if (l.between() > 1) {
            return false;
        }
        if (l.hyphen() && l.cue() != Cue.ASSOCIATION && l.distance() <= 4) {
            return true;
        }
        return l.cue() == Cue.BIND && l.distance() <= 4;
    }

    private static boolean better(Local x, Local y) {
        if ((x.cue() != null) != (y.cue() != null)) {
            return x.cue() != null;
        }
        if (x.negated() != y.negated()) {
            return !x.negated();
        }
        return x.distance() < y.distance();
    }

    /** The cue between (or just before) two mentions of a sentence. */
    static Local read(Span sentence, ModalityDetector.Scopes scopes, Mention a, Mention b, int mentionsBetween) {
        List<Token> tokens = scopes.tokens();
        Cue[] cues = new Cue[tokens.size()];
        boolean[] mechanistic = new boolean[tokens.size()];
        for (int k = 0; k < tokens.size(); k++) {
            String lower = tokens.get(k).text().toLowerCase(Locale.ROOT);
            cues[k] = RelationCues.of(lower);
            mechanistic[k] = MECHANISTIC.stream().anyMatch(lower::startsWith);
        }
        return read(sentence, scopes, cues, mechanistic, a, b, mentionsBetween);
    }

    /** As above, with each token's cue ({@code cues}) and modification flag computed once per sentence. */
    private static Local read(Span sentence, ModalityDetector.Scopes scopes, Cue[] cues, boolean[] mechanisticTokens,
                              Mention a, Mention b, int mentionsBetween) {
        List<Token> tokens = scopes.tokens();
        Cue cue = null;
        Token trigger = null;
        int distance = 0;
        boolean mechanistic = false;
        // first token at or after a's start (tokens are in text order)
        int lo = 0;
        int hi = tokens.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (tokens.get(mid).end() <= a.start()) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        int firstBefore = lo - 1;
        for (int k = lo; k < tokens.size(); k++) {
            Token t = tokens.get(k);
            if (t.start() >= b.start()) {
                break;
            }
            if (t.start() >= a.end() && t.end() <= b.start()) {
                distance++;
                mechanistic |= mechanisticTokens[k];
                Cue c = cues[k];
                if (c != null && (cue == null || rank(c) < rank(cue))) {
                    cue = c;
                    trigger = t;
                }
            }
        }
        boolean before = false;
        if (cue == null && firstBefore >= 0) {
            for (int k = firstBefore; k >= 0 && k > firstBefore - WINDOW_BEFORE; k--) {
                Cue c = cues[k];
                if (c != null) {
                    cue = c;
                    trigger = tokens.get(k);
                    before = true;
                    break;
                }
            }
        }
        String text = sentence.text();
        int off = sentence.start();
        boolean hyphen = false;
        boolean passive = false;
        if (trigger != null && !before) {
            String gapBefore = text.substring(clamp(a.end() - off, text), clamp(trigger.start() - off, text));
            hyphen = gapBefore.equals("-") || gapBefore.equals("–");
            String gapAfter = text.substring(clamp(trigger.end() - off, text), clamp(b.start() - off, text)).toLowerCase(Locale.ROOT);
            String word = trigger.text().toLowerCase(Locale.ROOT);
            passive = !hyphen && (gapAfter.startsWith(" by ") || gapAfter.contains(" by ")) && (word.endsWith("ed") || word.endsWith("en"));
        }
        if (trigger != null && cue == Cue.BIND && a.type() == EntityType.ChemicalEntity && b.type() == EntityType.ChemicalEntity
                && trigger.text().toLowerCase(Locale.ROOT).startsWith("interact")) {
            cue = Cue.DRUG_INTERACTION;
        }
        Modality m = scopes.of(Math.min(a.start(), trigger != null ? trigger.start() : a.start()), b.end());
        boolean listed = Enumerations.listed(text.substring(clamp(a.end() - off, text), clamp(b.start() - off, text)));
        return new Local(a, b, sentence, cue, trigger, hyphen, passive, distance, mentionsBetween, m.negated(), m.speculative(),
                mechanistic, listed);
    }

    private static int clamp(int i, String s) {
        return Math.max(0, Math.min(s.length(), i));
    }

    /** Which cue wins when several stand between two mentions: the more specific. */
    private static int rank(Cue c) {
        return switch (c) {
            case DRUG_INTERACTION -> 0;
            case CONVERSION -> 1;
            case COTREAT -> 2;
            case COMPARISON -> 3;
            case BIND -> 4;
            case NEGATIVE -> 5;
            case TREAT -> 6;
            case ADVERSE -> 7;
            case POSITIVE -> 8;
            case ASSOCIATION -> 9;
        };
    }

    // ---- features ----

    /** Feature names, in vector order (for the trainer's report). */
    static final List<String> FEATURES = new ArrayList<>();
    private static final int PAIR_BLOCK = 7; // per type pair: bias, >=1, >=2, >=3 sentences, one title, both title, cue

    static {
        FEATURES.add("bias");
        for (Pair p : Pair.values()) {
            for (String f : new String[]{"prior", "shared1", "shared2", "shared3", "title1", "title2", "cue"}) {
                FEATURES.add(p.name().toLowerCase(Locale.ROOT) + "." + f);
            }
        }
        for (String f : new String[]{"logMinCount", "logMaxCount", "top", "close5", "close15", "allNegated",
                "specificCue", "associationCue", "hyphen", "logConcepts", "crowded"}) {
            FEATURES.add(f);
        }
    }

    static double[] features(Candidate c, int concepts) {
        double[] x = new double[FEATURES.size()];
        x[0] = 1;
        int base = 1 + c.pair.ordinal() * PAIR_BLOCK;
        x[base] = 1;
        x[base + 1] = c.sentences >= 1 ? 1 : 0;
        x[base + 2] = c.sentences >= 2 ? 1 : 0;
        x[base + 3] = c.sentences >= 3 ? 1 : 0;
        int titles = (c.a.inTitle ? 1 : 0) + (c.b.inTitle ? 1 : 0);
        x[base + 4] = titles >= 1 ? 1 : 0;
        x[base + 5] = titles == 2 ? 1 : 0;
        boolean specific = false;
        for (Cue k : c.cues.keySet()) {
            specific |= k != Cue.ASSOCIATION;
        }
        x[base + 6] = specific ? 1 : 0;
        int g = 1 + Pair.values().length * PAIR_BLOCK;
        x[g] = Math.log(Math.min(c.a.count(), c.b.count()));
        x[g + 1] = Math.log(Math.max(c.a.count(), c.b.count()));
        x[g + 2] = (c.a.top ? 1 : 0) + (c.b.top ? 1 : 0);
        x[g + 3] = c.sentences > 0 && c.minDistance <= 5 ? 1 : 0;
        x[g + 4] = c.sentences > 0 && c.minDistance <= 15 ? 1 : 0;
        x[g + 5] = c.sentences > 0 && c.negatedSentences == c.sentences ? 1 : 0;
        x[g + 6] = specific ? Math.log(1 + c.cues.values().stream().mapToInt(Integer::intValue).sum()) : 0;
        x[g + 7] = c.cues.containsKey(Cue.ASSOCIATION) ? 1 : 0;
        x[g + 8] = c.hyphen ? 1 : 0;
        x[g + 9] = Math.log(concepts);
        x[g + 10] = c.best != null && c.best.between() >= 3 ? 1 : 0;
        return x;
    }

    /** Words between the two mentions read one by one up to this distance; beyond, only "far". */
    private static final int LEXICAL_SPAN = 25;

    /**
     * The lexical features of one co-occurrence: word stems between the two mentions (other mentions between
     * stand as their type), bigrams between when close, three words either side, the cue and its trigger stem,
     * mention order, distance and flags.
     */
    private static void lexical(Candidate c, Local l, List<Token> tokens, String[] stems, List<Mention> ms, int i, int j) {
        Mention a = l.first();
        Mention b = l.second();
        java.util.Set<String> f = c.lexical;
        f.add("O:" + kind(a.type()) + ">" + kind(b.type()));
        f.add("D:" + bucket(l.distance()));
        f.add("NM:" + Math.min(3, l.between()));
        if (l.cue() != null) {
            f.add("C:" + l.cue());
            f.add("T:" + PairFeatures.stem(l.trigger().text()));
        }
        if (l.negated()) {
            f.add("NEG");
        }
        if (l.speculative()) {
            f.add("SPEC");
        }
        if (l.passive()) {
            f.add("PASS");
        }
        if (l.hyphen()) {
            f.add("HYPH");
        }
        if (l.listed()) {
            f.add("LIST");
        }
        if (l.mechanistic()) {
            f.add("MECH");
        }
        int k = 0;
        while (k < tokens.size() && tokens.get(k).end() <= a.start()) {
            k++;
        }
        for (int x = Math.max(0, k - 3); x < k; x++) {
            f.add("L:" + stems[x]);
        }
        while (k < tokens.size() && tokens.get(k).start() < a.end()) {
            k++;
        }
        String previous = "<A>";
        int m = i + 1;
        StringBuilder whole = l.distance() <= 4 ? new StringBuilder() : null;
        for (; k < tokens.size() && tokens.get(k).end() <= b.start(); k++) {
            Token t = tokens.get(k);
            String word = stems[k];
            while (m < j && ms.get(m).end() <= t.start()) {
                m++;
            }
            if (m < j && ms.get(m).start() <= t.start()) {
                word = "<" + kind(ms.get(m).type()) + ">";
                if (word.equals(previous)) {
                    continue;
                }
            }
            if (l.distance() <= LEXICAL_SPAN) {
                f.add("B:" + word);
                if (l.distance() <= 10) {
                    f.add("BB:" + previous + "_" + word);
                }
            }
            if (whole != null) {
                whole.append(word).append(' ');
            }
            previous = word;
        }
        if (l.distance() > LEXICAL_SPAN) {
            f.add("B:far");
        }
        if (whole != null) {
            f.add("W:" + whole);
        }
        while (k < tokens.size() && tokens.get(k).start() < b.end()) {
            k++;
        }
        for (int x = k; x < Math.min(tokens.size(), k + 3); x++) {
            f.add("R:" + stems[x]);
        }
    }

    private static String bucket(int d) {
        return d <= 2 ? Integer.toString(d) : d <= 5 ? "3-5" : d <= 10 ? "6-10" : d <= 20 ? "11-20" : ">20";
    }

    /** Hashed indices of the general features ("F:name"), alone and per type pair, computed once. */
    private static final int[] DENSE_INDEX = new int[FEATURES.size()];
    private static final int[][] DENSE_PAIR_INDEX = new int[Pair.values().length][FEATURES.size()];
    private static final int[] PAIR_INDEX = new int[Pair.values().length];

    static {
        for (int i = 0; i < FEATURES.size(); i++) {
            DENSE_INDEX[i] = PairFeatures.index("F:" + FEATURES.get(i));
            for (Pair p : Pair.values()) {
                DENSE_PAIR_INDEX[p.ordinal()][i] = PairFeatures.index(p.name() + "|F:" + FEATURES.get(i));
            }
        }
        for (Pair p : Pair.values()) {
            PAIR_INDEX[p.ordinal()] = PairFeatures.index("P:" + p);
        }
    }

    /** The candidate's sparse vector: the general features and the lexical ones, each alone and per type pair. */
    static PairFeatures.Vector vector(Candidate c) {
        PairFeatures f = new PairFeatures();
        String pair = c.pair.name() + "|";
        f.add(PAIR_INDEX[c.pair.ordinal()], 1);
        int[] perPair = DENSE_PAIR_INDEX[c.pair.ordinal()];
        for (int i = 1; i < c.features.length; i++) {
            if (c.features[i] != 0) {
                f.add(DENSE_INDEX[i], c.features[i]);
                f.add(perPair[i], c.features[i]);
            }
        }
        if (c.sentences == 0) {
            f.add(pair + "nosentence", 1);
        }
        for (String s : c.lexical) {
            f.add(s, 1);
            f.add(pair + s, 1);
        }
        // what each end is called: the head word of its first mention ("receptor", "cells", "acid", "syndrome")
        // and whether it is written as a symbol or abbreviation
        for (Node n : new Node[]{c.a, c.b}) {
            for (int index : n.entityFeatures()) {
                f.add(index, 1);
            }
        }
        return f.build();
    }

    // ---- typing and output ----

    private static double w(Candidate c, Cue k) {
        return c.weights.getOrDefault(k, 0.0);
    }

    private static int n(Candidate c, Cue k) {
        return c.cues.getOrDefault(k, 0);
    }

    /** The cue of the pair's best sentence when it joins the two directly: the one word between them. */
    private static Cue direct(Candidate c) {
        Local l = c.best;
        return l != null && l.cue() != null && !l.negated() && l.between() == 0 && l.distance() == 1 ? l.cue() : null;
    }

    /** The BioRED relation type of an accepted pair. */
    static String type(Candidate c) {
        boolean disease = c.pair == Pair.CHEMICAL_DISEASE || c.pair == Pair.GENE_DISEASE || c.pair == Pair.DISEASE_VARIANT;
        int adverse = n(c, Cue.ADVERSE);
        int pos = n(c, Cue.POSITIVE) + (c.hyphen ? 1 : 0) + (disease ? adverse : 0);
        int neg = n(c, Cue.NEGATIVE) + (disease ? 0 : adverse);
        int treat = n(c, Cue.TREAT);
        return switch (c.pair) {
            // a gene and a disease: Association (the field's convention) unless one short clause says "A induces D"
            case GENE_DISEASE -> direct(c) == Cue.POSITIVE ? "Positive_Correlation"
                    : direct(c) == Cue.NEGATIVE ? "Negative_Correlation" : "Association";
            case DISEASE_VARIANT -> pos > neg && pos > 0 ? "Positive_Correlation" : "Association";
            case CHEMICAL_DISEASE -> w(c, Cue.NEGATIVE) + w(c, Cue.TREAT) > w(c, Cue.POSITIVE) + w(c, Cue.ADVERSE) ? "Negative_Correlation"
                    : pos > 0 ? "Positive_Correlation" : c.cues.containsKey(Cue.ASSOCIATION) ? "Association" : "Positive_Correlation";
            // a chemical and a gene: the cue's direction; "binds" is mostly annotated as the general Association
            case GENE_CHEMICAL -> neg > pos ? "Negative_Correlation" : pos > 0 ? "Positive_Correlation" : "Association";
            // two genes: up/down words between genes mostly describe pathways, annotated as Association; binding
            // language is the one specific type that holds up
            case GENE_GENE -> n(c, Cue.BIND) > 0 && n(c, Cue.BIND) >= pos + neg ? "Bind" : "Association";
            case CHEMICAL_CHEMICAL -> n(c, Cue.DRUG_INTERACTION) > 0 ? "Drug_Interaction"
                    : n(c, Cue.CONVERSION) > 0 ? "Conversion"
                    : n(c, Cue.COTREAT) > 0 ? "Cotreatment"
                    : n(c, Cue.COMPARISON) > 0 ? "Comparison"
                    : neg > pos ? "Negative_Correlation" : pos > 0 ? "Positive_Correlation" : "Association";
        };
    }

    private static boolean directedType(String type) {
        return type.equals("Positive_Correlation") || type.equals("Negative_Correlation") || type.equals("Conversion");
    }

    static Relation relation(Candidate c, List<Span> sentences) {
        String type = c.type != null ? c.type : type(c);
        Local l = c.best;
        Mention subject;
        Mention object;
        Span sentence;
        Span trigger = null;
        boolean negated = false;
        boolean speculative = false;
        boolean directed = false;
        if (l != null) {
            sentence = l.sentence();
            boolean reverse = l.passive();
            subject = reverse ? l.second() : l.first();
            object = reverse ? l.first() : l.second();
            if (l.trigger() != null) {
                trigger = new Span(l.trigger().start(), l.trigger().end(), l.trigger().text());
                directed = directedType(type) && l.cue() != Cue.ASSOCIATION;
            }
            negated = c.negatedSentences == c.sentences;
            speculative = l.speculative();
        } else {
            // not stated in one sentence: the two mentions closest to each other, the evidence sentence that of
            // the earlier one
            int bi = 0;
            int bj = 0;
            int gap = Integer.MAX_VALUE;
            for (int i = 0; i < c.a.mentions.size(); i++) {
                for (int j = 0; j < c.b.mentions.size(); j++) {
                    int d = Math.abs(c.a.mentions.get(i).start() - c.b.mentions.get(j).start());
                    if (d < gap) {
                        gap = d;
                        bi = i;
                        bj = j;
                    }
                }
            }
            Mention x = c.a.mentions.get(bi);
            Mention y = c.b.mentions.get(bj);
            subject = x.start() <= y.start() ? x : y;
            object = subject == x ? y : x;
            sentence = sentences.get(Math.min(c.a.sentenceOf.get(bi), c.b.sentenceOf.get(bj)));
        }
        if (!directed && kind(subject.type()) == Kind.DISEASE && kind(object.type()) != Kind.DISEASE) {
            Mention t = subject; // undirected: the gene, chemical or variant first, the disease second
            subject = object;
            object = t;
        }
        return new Relation(type, subject.conceptId(), object.conceptId(), directed, trigger, sentence,
                new Span(subject.start(), subject.end(), subject.text()), new Span(object.start(), object.end(), object.text()),
                negated, speculative, Math.round(c.score * 1000) / 1000.0);
    }
}
