package io.litgraph.nlp;

import io.litgraph.nlp.abbrev.Abbreviation;
import io.litgraph.nlp.abbrev.AbbreviationDetector;
import io.litgraph.nlp.abbrev.AbbreviationResolver;
import io.litgraph.nlp.context.Modality;
import io.litgraph.nlp.context.ModalityDetector;
import io.litgraph.nlp.context.SpeciesAssigner;
import io.litgraph.nlp.match.Candidate;
import io.litgraph.nlp.match.DictionaryMatcher;
import io.litgraph.nlp.match.MentionSelector;
import io.litgraph.nlp.match.TermIndex;
import io.litgraph.nlp.match.VariantRecognizer;
import io.litgraph.nlp.relate.DocumentRelations;
import io.litgraph.nlp.relate.RelationModel;
import io.litgraph.nlp.structure.DocumentStructure;
import io.litgraph.nlp.text.SentenceSplitter;
import io.litgraph.nlp.text.Token;
import io.litgraph.nlp.text.Tokenizer;
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
 *   <li>{@link SentenceSplitter}: passages → sentences</li>
 *   <li>{@link Tokenizer}: sentence → tokens with normalized keys</li>
 *   <li>{@link DictionaryMatcher}: tokens → every dictionary hit</li>
 *   <li>{@link MentionSelector}: hits → non-overlapping mentions (case, ambiguity and type policy; longest wins)</li>
 *   <li>{@link AbbreviationDetector} + {@link AbbreviationResolver}: local "long form (SF)" definitions</li>
 *   <li>{@link SpeciesAssigner}: no human gene id for a gene of another organism</li>
 *   <li>{@link ModalityDetector}: negation and speculation flags</li>
 *   <li>{@link DocumentRelations}: relations per document, scored by the learned {@link RelationModel}, plus
 *   relations stated outright that no corpus annotates (disease–disease, behaviour → outcome)</li>
 * </ol>
 * Immutable and thread-safe: all state is the vocabulary and its index, built once.
 */
public final class Engine implements Annotator {

    public static final String ENGINE_VERSION = "litgraph-nlp-0.4";

    private static final System.Logger LOG = System.getLogger(Engine.class.getName());

    private final Vocabulary vocabulary;
    private final DictionaryMatcher matcher;
    private final MentionSelector selector;
    private final AbbreviationResolver abbreviations;
    private final SpeciesAssigner species;

    public Engine(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
        this.matcher = new DictionaryMatcher(new TermIndex(vocabulary));
        this.selector = new MentionSelector(vocabulary);
        this.abbreviations = new AbbreviationResolver(vocabulary);
        this.species = new SpeciesAssigner(vocabulary);
        RelationModel.shipped(); // read the relation model at engine start, not on the first document
    }

    /** An engine over the curated core vocabulary shipped in this jar. */
    public static Engine builtin() {
        return new Engine(CoreVocabulary.load());
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
            return new Engine(VocabularyArtifact.read(vocabularyArtifact));
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot read vocabulary artifact " + vocabularyArtifact
                    + "; using the built-in core vocabulary", e);
            return builtin();
        }
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    @Override
    public String engineVersion() {
        return ENGINE_VERSION;
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
        // 1-4: sentences, tokens, dictionary hits, mentions
        List<Span> sentences = new ArrayList<>();
        List<List<Token>> sentenceTokens = new ArrayList<>();
        List<Candidate> candidates = new ArrayList<>();
        List<Abbreviation> definitions = new ArrayList<>();
        for (Passage p : document.passages()) {
            for (Span s : SentenceSplitter.split(p.text(), p.offset())) {
                int index = sentences.size();
                sentences.add(s);
                List<Token> tokens = Tokenizer.tokenize(s.text(), s.start());
                sentenceTokens.add(tokens);
                List<Candidate> found = new ArrayList<>(selector.select(text, index, tokens, matcher.find(text, 0, tokens)));
                for (Candidate v : VariantRecognizer.find(s.text(), s.start(), index)) {
                    // a variant notation wins over dictionary words inside it ("Arg", "R215")
                    found.removeIf(c -> c.overlaps(v));
                    if (found.stream().noneMatch(c -> c.overlaps(v) && c.type() == EntityType.SequenceVariant)) {
                        found.add(v);
                    }
                }
                found.sort(java.util.Comparator.comparingInt(Candidate::start));
                candidates.addAll(found);
                definitions.addAll(AbbreviationDetector.find(s.text(), s.start()));
            }
        }
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
                List.copyOf(concepts.values()), List.copyOf(relations), ENGINE_VERSION, vocabulary.version());
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
