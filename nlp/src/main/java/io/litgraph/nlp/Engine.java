package io.litgraph.nlp;

import io.litgraph.nlp.abbrev.Abbreviation;
import io.litgraph.nlp.abbrev.AbbreviationResolver;
import io.litgraph.nlp.context.Modality;
import io.litgraph.nlp.context.ModalityDetector;
import io.litgraph.nlp.context.SpeciesAssigner;
import io.litgraph.nlp.match.Candidate;
import io.litgraph.nlp.match.DictionaryMatcher;
import io.litgraph.nlp.match.MentionSelector;
import io.litgraph.nlp.match.TermIndex;
import io.litgraph.nlp.ner.ConceptLinker;
import io.litgraph.nlp.ner.DocumentEvidence;
import io.litgraph.nlp.ner.Labels;
import io.litgraph.nlp.ner.MentionRecognizer;
import io.litgraph.nlp.ner.RecognizerModel;
import io.litgraph.nlp.ner.TokenFeatures;
import io.litgraph.nlp.relate.DocumentRelations;
import io.litgraph.nlp.relate.RelationModel;
import io.litgraph.nlp.structure.DocumentStructure;
import io.litgraph.nlp.text.Token;
import io.litgraph.nlp.vocab.CoreVocabulary;
import io.litgraph.nlp.vocab.Vocabulary;
import io.litgraph.nlp.vocab.VocabularyArtifact;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The extraction engine. Data flows one way through small stages:
 * <ol>
 *   <li>{@link DocumentStructure}: non-content lines (bylines, dates, references …) blanked</li>
 *   <li>{@link DocumentEvidence}: passages → sentences → tokens → every dictionary hit, the dictionary's own
 *   mention choice ({@code MentionSelector}), variant notations, local "long form (SF)" definitions</li>
 *   <li>{@link MentionRecognizer}: the trained tagger decides the mentions of genes, diseases, chemicals, species,
 *   cell lines and variants from the words and the dictionary evidence</li>
 *   <li>{@link ConceptLinker}: each recognised span → the concept the vocabulary hits inside it name (or NIL)</li>
 *   <li>{@link AbbreviationResolver}: short forms take their long form's concept</li>
 *   <li>{@link SpeciesAssigner}: no human gene id for a gene of another organism</li>
 *   <li>{@link ModalityDetector}: negation and speculation flags</li>
 *   <li>{@link DocumentRelations}: relations per document, scored by the learned {@link RelationModel}, plus
 *   relations stated outright that no corpus annotates (disease–disease, behaviour → outcome)</li>
 * </ol>
 * Without a trained model (the built-in engine) step 2 is the dictionary's own choice.
 * Immutable and thread-safe: all state is the vocabulary and its index, built once.
 */
public final class Engine implements Annotator {

    public static final String ENGINE_VERSION = "litgraph-nlp-1.0";

    private static final System.Logger LOG = System.getLogger(Engine.class.getName());

    private final Vocabulary vocabulary;
    private final DictionaryMatcher matcher;
    private final MentionSelector selector;
    private final AbbreviationResolver abbreviations;
    private final SpeciesAssigner species;
    private final MentionRecognizer recognizer; // null: the dictionary's own mention choice
    private final ConceptLinker linker;

    /** A dictionary-only engine (no trained recognizer). */
    public Engine(Vocabulary vocabulary) {
        this(vocabulary, null);
    }

    /** An engine whose mentions of the trained types come from {@code model} (null: dictionary only). */
    public Engine(Vocabulary vocabulary, RecognizerModel model) {
        this.vocabulary = vocabulary;
        TermIndex index = new TermIndex(vocabulary);
        this.matcher = new DictionaryMatcher(index);
        this.selector = new MentionSelector(vocabulary);
        this.abbreviations = new AbbreviationResolver(vocabulary);
        this.species = new SpeciesAssigner(vocabulary);
        this.recognizer = model == null ? null : new MentionRecognizer(model, new TokenFeatures(vocabulary));
        this.linker = new ConceptLinker(vocabulary, selector, index, model == null ? null : model.linker());
        RelationModel.shipped(); // read the relation model at engine start, not on the first document
    }

    /** An engine over the curated core vocabulary shipped in this jar, dictionary only. */
    public static Engine builtin() {
        return new Engine(CoreVocabulary.load());
    }

    /** The trained recognizer shipped in this jar, or null (with a warning) when it is absent or unreadable. */
    public static RecognizerModel shippedModel() {
        try {
            RecognizerModel model = RecognizerModel.builtin();
            if (model == null) {
                LOG.log(System.Logger.Level.WARNING, "no trained recognizer in this build; mentions come from the dictionary alone");
            }
            return model;
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot read the shipped recognizer; mentions come from the dictionary alone", e);
            return null;
        }
    }

    /** The trained recognizer in use, or null for a dictionary-only engine. */
    public RecognizerModel model() {
        return recognizer == null ? null : recognizer.model();
    }

    /**
     * An engine over a compiled vocabulary artifact (see {@code VocabularyBuilder}). A null or missing path, or
     * an unreadable file, falls back to {@link #builtin()} with a warning.
     */
    public static Engine load(Path vocabularyArtifact) {
        if (vocabularyArtifact == null || !Files.isRegularFile(vocabularyArtifact)) {
            LOG.log(System.Logger.Level.WARNING, "vocabulary artifact {0} not found; using the built-in core vocabulary",
                    vocabularyArtifact);
            return builtin();
        }
        try {
            return new Engine(VocabularyArtifact.read(vocabularyArtifact), shippedModel());
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot read vocabulary artifact " + vocabularyArtifact
                    + "; using the built-in core vocabulary", e);
            return builtin();
        }
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /** The engine's version, with the trained recognizer's when one is in use (re-annotation keys on it). */
    @Override
    public String engineVersion() {
        return recognizer == null ? ENGINE_VERSION : ENGINE_VERSION + "+" + recognizer.model().version();
    }

    @Override
    public String vocabularyVersion() {
        return vocabulary.version();
    }

    @Override
    public AnnotatedDocument annotate(InputDocument input) {
        // 0: document structure: bylines, affiliations, dates, journal lines, page chrome and reference lists are
        // blanked (offsets kept), so they are neither annotated nor mined for relations
        InputDocument document = DocumentStructure.mask(input);
        String text = layout(document.passages());
        // 1-4: sentences, tokens, dictionary hits and the dictionary's own choice, abbreviation definitions
        DocumentEvidence evidence = DocumentEvidence.read(document, text, matcher, selector);
        List<Span> sentences = evidence.sentences();
        List<List<Token>> sentenceTokens = evidence.tokens();
        List<Abbreviation> definitions = evidence.definitions();
        List<Candidate> candidates = recognizer == null ? dictionaryMentions(evidence) : recognized(evidence);
        // 5-6: document-level context
        candidates = abbreviations.resolve(text, sentences, candidates, definitions);
        candidates = species.assign(candidates);
        // 7: modality, per sentence
        List<Mention> mentions = new ArrayList<>(candidates.size());
        Map<String, Concept> concepts = new LinkedHashMap<>();
        int c = 0;
        for (int si = 0; si < sentences.size(); si++) {
            Span s = sentences.get(si);
            List<Mention> inSentence = new ArrayList<>();
            ModalityDetector.Scopes scopes = null;
            while (c < candidates.size() && candidates.get(c).sentence() == si) {
                Candidate k = candidates.get(c++);
                if (scopes == null) {
                    scopes = ModalityDetector.scopes(s, sentenceTokens.get(si));
                }
                Modality m = scopes.of(k.start(), k.end());
                String id = k.externalId();
                if (id != null) {
                    concepts.putIfAbsent(id, new Concept(id, k.type(), k.text(), List.of()));
                }
                if (k.concept() >= 0) {
                    Concept concept = vocabulary.concept(k.concept());
                    id = concept.id();
                    concepts.putIfAbsent(id, concept);
                }
                Mention mention = new Mention(k.start(), k.end(), k.text(), k.type(), id, m.negated(), m.speculative());
                inSentence.add(mention);
            }
            mentions.addAll(inSentence);
        }
        // 8: relations (document-level model + explicitly stated relations)
        List<Relation> relations = DocumentRelations.extract(sentences, mentions);
        return new AnnotatedDocument(document.id(), List.copyOf(sentences), List.copyOf(mentions),
                List.copyOf(concepts.values()), List.copyOf(relations), engineVersion(), vocabulary.version());
    }

    private static List<Candidate> dictionaryMentions(DocumentEvidence evidence) {
        List<Candidate> out = new ArrayList<>();
        evidence.selected().forEach(out::addAll);
        return out;
    }

    /**
     * The trained recognizer's mentions, each named by the linker, plus the dictionary's mentions of the types the
     * recognizer does not learn (cell types, anatomy, processes, behaviours) where they do not overlap a
     * recognised one.
     */
    private List<Candidate> recognized(DocumentEvidence evidence) {
        List<List<MentionRecognizer.Span>> spans = new ArrayList<>();
        for (int si = 0; si < evidence.sentences().size(); si++) {
            spans.add(recognizer.recognize(evidence.sentence(si)));
        }
        List<List<Candidate>> linked = linker.link(evidence, spans);
        List<Candidate> out = new ArrayList<>();
        for (int si = 0; si < linked.size(); si++) {
            List<Candidate> sentence = new ArrayList<>(linked.get(si));
            for (Candidate c : evidence.selected().get(si)) {
                if (Labels.TYPES.contains(c.type())) {
                    continue;
                }
                // a recognised span the linker could not name yields to the dictionary's mention of a type the
                // recognizer does not learn ("loneliness" is a behaviour, "macrophages" a cell type)
                sentence.removeIf(r -> r.start() == c.start() && r.end() == c.end() && r.concept() < 0 && r.externalId() == null);
                if (sentence.stream().noneMatch(c::overlaps)) {
                    sentence.add(c);
                }
            }
            sentence.sort(java.util.Comparator.comparingInt(Candidate::start));
            out.addAll(sentence);
        }
        return out;
    }

    /** The document's passages laid out at their offsets, gaps filled with spaces. */
    static String layout(List<Passage> passages) {
        int end = 0;
        for (Passage p : passages) {
            end = Math.max(end, p.end());
        }
        char[] chars = new char[end];
        java.util.Arrays.fill(chars, ' ');
        for (Passage p : passages) {
            p.text().getChars(0, p.text().length(), chars, p.offset());
        }
        return new String(chars);
    }
}
