package io.litgraph.nlp.match;

import io.litgraph.nlp.EntityType;
import io.litgraph.nlp.text.Token;
import io.litgraph.nlp.vocab.Term;
import io.litgraph.nlp.vocab.TermKind;
import io.litgraph.nlp.vocab.Vocabulary;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Turns overlapping dictionary hits into mentions: drops terms whose written form does not fit the text
 * (a symbol matched in lowercase, an ambiguous alias without gene context), picks one concept per hit, then
 * keeps the longest non-overlapping hits (longest match wins; ties go to the leftmost).
 *
 * <p>Which concept a hit gets, in order: curated core terms; then names, synonyms and official symbols before
 * aliases; then the type order below. Type policy for names that are both a protein and a chemical
 * ("insulin"): the gene product wins, because a protein is a gene product and the curated core lists drugs
 * (anakinra) separately from the protein's own name (IL-1Ra).
 */
public final class MentionSelector {

    /** Short English function words that are also gene aliases; never genes without a capitalised, supported form. */
    private static final Set<String> FUNCTION_WORDS = Set.of(
            "a", "an", "and", "are", "as", "at", "be", "but", "by", "can", "do", "for", "from", "had", "has", "have",
            "he", "her", "his", "if", "in", "is", "it", "its", "may", "me", "my", "no", "not", "of", "on", "or", "our",
            "she", "so", "than", "that", "the", "their", "them", "then", "there", "these", "they", "this", "to", "up",
            "us", "was", "we", "were", "what", "when", "which", "who", "why", "will", "with", "you", "all", "any",
            "each", "one", "two", "out", "via", "per", "use", "end", "set", "cat", "men", "large", "small", "big",
            "impact", "ii", "iii", "iv", "type", "fig", "table", "see", "also", "only", "well", "more", "most", "less");

    private static final List<EntityType> TYPE_ORDER = List.of(EntityType.GeneOrGeneProduct,
            EntityType.DiseaseOrPhenotypicFeature, EntityType.ChemicalEntity, EntityType.OrganismTaxon,
            EntityType.CellType, EntityType.CellLine, EntityType.AnatomicalEntity, EntityType.BiologicalProcess,
            EntityType.Behavior, EntityType.SequenceVariant);

    private final Vocabulary vocabulary;

    public MentionSelector(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    public List<Candidate> select(String docText, int sentenceIndex, List<Token> tokens, List<TermIndex.Match> matches) {
        List<Candidate> accepted = new ArrayList<>();
        for (TermIndex.Match m : matches) {
            String surface = docText.substring(m.start(), m.end());
            Term best = null;
            for (Term t : m.terms()) {
                if (!fits(t, surface, tokens, m)) {
                    continue;
                }
                if (best == null || better(t, best)) {
                    best = t;
                }
            }
            if (best != null) {
                accepted.add(new Candidate(m.start(), m.end(), surface, vocabulary.concept(best.concept()).type(),
                        best.concept(), sentenceIndex, false));
            }
        }
        accepted.sort(Comparator.comparingInt((Candidate c) -> c.start() - c.end()).thenComparingInt(Candidate::start));
        List<Candidate> chosen = new ArrayList<>();
        for (Candidate c : accepted) {
            boolean free = true;
            for (Candidate o : chosen) {
                if (o.overlaps(c)) {
                    free = false;
                    break;
                }
            }
            if (free) {
                chosen.add(c);
            }
        }
        chosen.sort(Comparator.comparingInt(Candidate::start));
        return chosen;
    }

    /**
     * The concept a hit names when the recognizer has already decided that it is a mention of {@code type}: the
     * best term of that type by the same order as {@link #select}, preferring terms whose written form fits the
     * text; -1 when no term of the hit has that type.
     */
    public int bestConcept(String docText, List<Token> tokens, TermIndex.Match m, EntityType type) {
        String surface = docText.substring(m.start(), m.end());
        Term best = null;
        boolean bestFits = false;
        for (Term t : m.terms()) {
            if (vocabulary.concept(t.concept()).type() != type) {
                continue;
            }
            boolean f = fits(t, surface, tokens, m);
            if (best == null || f && !bestFits || f == bestFits && better(t, best)) {
                best = t;
                bestFits = f;
            }
        }
        return best == null ? -1 : best.concept();
    }

    private boolean better(Term a, Term b) {
        int ra = rank(a.kind());
        int rb = rank(b.kind());
        if (ra != rb) {
            return ra < rb;
        }
        int ta = TYPE_ORDER.indexOf(vocabulary.concept(a.concept()).type());
        int tb = TYPE_ORDER.indexOf(vocabulary.concept(b.concept()).type());
        if (ta != tb) {
            return ta < tb;
        }
        // a concept several registries agree on (more cross-references) is the established reading of a name
        int xa = vocabulary.concept(a.concept()).xrefs().size();
        int xb = vocabulary.concept(b.concept()).xrefs().size();
        if (xa != xb && !vocabulary.concept(a.concept()).id().startsWith("NCBIGene:")) {
            return xa > xb;
        }
        return tieBreak(a.concept(), b.concept()) < 0;
    }

    /**
     * Same kind, same type: an alias shared by several genes goes to the lowest NCBI Gene number (the longest
     * known, usually the most studied gene: p21 is CDKN1A, 1026); other ties to the earlier loaded concept.
     */
    private int tieBreak(int a, int b) {
        String ia = vocabulary.concept(a).id();
        String ib = vocabulary.concept(b).id();
        if (ia.startsWith("NCBIGene:") && ib.startsWith("NCBIGene:")) {
            try {
                return Long.compare(Long.parseLong(ia.substring(9)), Long.parseLong(ib.substring(9)));
            } catch (NumberFormatException ignored) {
                // fall through
            }
        }
        return Integer.compare(a, b);
    }

    private static int rank(TermKind k) {
        return switch (k) {
            case CURATED -> 0;
            case NAME, SYMBOL -> 1;
            case SYNONYM -> 2;
            case ALIAS -> 3;
            case WORD_ALIAS -> 4;
        };
    }

    /** Whether a term may stand for this piece of text. */
    public boolean fits(Term term, String surface, List<Token> tokens, TermIndex.Match m) {
        EntityType type = vocabulary.concept(term.concept()).type();
        boolean symbolShaped = symbolShaped(term.text());
        if (symbolShaped && hasUpper(term.text()) && !hasUpper(surface) && digits(surface) == 0) {
            return false; // "cat" is not CAT, "set" is not SET; "p21" may still be P21
        }
        if (type != EntityType.GeneOrGeneProduct) {
            if (type == EntityType.ChemicalEntity && AMINO_ACIDS.contains(surface.toLowerCase())
                    && nearProteinChange(tokens, m.tokenStart(), m.tokenEnd())) {
                return false; // an amino acid named in a substitution ("X to Y at codon N") is a residue, not a substance
            }
            if (type == EntityType.ChemicalEntity && letters(surface) <= 3 && afterLengthUnit(tokens, m.tokenStart())) {
                return false; // "mm Hg", "cm H2O": a unit of pressure, not the substance
            }
            if (term.kind() == TermKind.CURATED) {
                return true;
            }
            // short all-caps abbreviations from non-curated sources must be written as the source writes them
            if (symbolShaped && letters(surface) <= 3 && !sameCase(term.text(), surface)) {
                return false;
            }
            if (startsWithFunctionWord(surface)) {
                return false; // "In 2", "at 10": running text that a spacing variant of a formula or code happens to fit
            }
            if (type == EntityType.ChemicalEntity && letters(surface) <= 3 && surface.indexOf(' ') < 0) {
                // a formula-like short symbol ("Sr", "D2", "NS") names an exotic ion or dimer as often as a
                // substance; trust it only for substances MeSH indexes, i.e. ones the literature writes about
                return symbolShaped(surface) ? indexedByMesh(term.concept()) : true;
            }
            return true;
        }
        String lower = surface.toLowerCase();
        if (chromosomeBand(surface, tokens, m.tokenStart())) {
            return false; // "16p13.3": a place on a chromosome, not the protein p13
        }
        if (term.kind() == TermKind.CURATED) {
            return true;
        }
        if (FUNCTION_WORDS.contains(lower) || startsWithFunctionWord(surface) || LAB_ABBREVIATIONS.contains(surface)) {
            return false;
        }
        boolean shortSymbol = letters(surface) + digits(surface) <= 2;
        if (term.kind() == TermKind.WORD_ALIAS || shortSymbol
                || (term.kind() == TermKind.ALIAS && letters(surface) <= 3 && digits(surface) == 0)) {
            return !surface.equals(lower) && GeneContext.supports(tokens, m.tokenStart(), m.tokenEnd());
        }
        if (term.kind() == TermKind.SYMBOL || term.kind() == TermKind.ALIAS) {
            // symbols are written in capitals (human) or capitalised (rodent); an all-lowercase word is not one
            return !surface.equals(lower) || digits(surface) > 0;
        }
        return true;
    }

    /** The twenty standard amino acids by name and three-letter code (facts). */
    private static final Set<String> AMINO_ACIDS = Set.of(
            "alanine", "arginine", "asparagine", "aspartate", "aspartic acid", "cysteine", "glutamate", "glutamic acid",
            "glutamine", "glycine", "histidine", "isoleucine", "leucine", "lysine", "methionine", "phenylalanine",
            "proline", "serine", "threonine", "tryptophan", "tyrosine", "valine",
            "ala", "arg", "asn", "asp", "cys", "glu", "gln", "gly", "his", "ile", "leu", "lys", "met", "phe", "pro",
            "ser", "thr", "trp", "tyr", "val");

    /** Words that make an amino acid a residue of a protein sequence rather than a free substance. */
    private static final Set<String> PROTEIN_CHANGE_WORDS = Set.of(
            "substitution", "substitutions", "substituted", "codon", "codons", "residue", "residues", "position",
            "positions", "mutation", "mutations", "mutated", "replaced", "replacement", "replacing", "variant",
            "polymorphism", "-->", "->", ">", "→");

    private static final int PROTEIN_CHANGE_WINDOW = 6;

    private static boolean nearProteinChange(List<Token> tokens, int tokenStart, int tokenEnd) {
        int from = Math.max(0, tokenStart - PROTEIN_CHANGE_WINDOW);
        int to = Math.min(tokens.size(), tokenEnd + PROTEIN_CHANGE_WINDOW);
        for (int i = from; i < to; i++) {
            if (PROTEIN_CHANGE_WORDS.contains(tokens.get(i).text().toLowerCase())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Abbreviations of laboratory methods and units that are also gene aliases (FISH is SH3PXD2A, RT is
     * NSMCE2's alias...): written in a methods sentence far more often than as the gene.
     */
    private static final Set<String> LAB_ABBREVIATIONS = Set.of(
            "FISH", "RT", "SDS", "ChIP", "PCR", "ELISA", "PAGE", "Mb", "Mr", "kb", "bp", "kDa", "MS", "NMR", "HPLC",
            "CI", "OR", "HR", "SD", "SE", "SEM", "BMI", "IC50", "EC50", "GM", "WT", "KO", "MRI", "CT", "PET");

    private static final java.util.regex.Pattern BAND = java.util.regex.Pattern.compile("[pq]\\d+(\\.\\d+)?");

    /** "p13" glued to a chromosome number ("16p13", "Xq28") is a cytogenetic band. */
    private static boolean chromosomeBand(String surface, List<Token> tokens, int tokenStart) {
        if (!BAND.matcher(surface).matches() || tokenStart == 0 || tokens.get(tokenStart).spaceBefore()) {
            return false;
        }
        String previous = tokens.get(tokenStart - 1).text();
        return previous.matches("\\d{1,2}|X|Y");
    }

    /** Prepositions, articles and conjunctions: no registry name of a disease or chemical starts with one. */
    private static final Set<String> LEADING_STOP_WORDS = Set.of(
            "a", "an", "the", "and", "or", "as", "at", "by", "for", "from", "in", "into", "is", "of", "on", "to",
            "with", "was", "were", "be", "if", "it", "no", "not");

    private static boolean startsWithFunctionWord(String surface) {
        int space = surface.indexOf(' ');
        return space > 0 && LEADING_STOP_WORDS.contains(surface.substring(0, space).toLowerCase());
    }

    private static boolean afterLengthUnit(List<Token> tokens, int tokenStart) {
        if (tokenStart == 0) {
            return false;
        }
        String previous = tokens.get(tokenStart - 1).text();
        return previous.equals("mm") || previous.equals("cm") || previous.equals("mmHg");
    }

    private boolean indexedByMesh(int concept) {
        var c = vocabulary.concept(concept);
        if (c.id().startsWith("MESH:")) {
            return true;
        }
        for (String x : c.xrefs()) {
            if (x.startsWith("MESH:")) {
                return true;
            }
        }
        return false;
    }

    /** A single word that carries capitals or digits after its first character: "IL-6", "TNFα", "p53". */
    static boolean symbolShaped(String term) {
        if (term.indexOf(' ') >= 0 || term.length() > 15) {
            return false;
        }
        for (int i = 1; i < term.length(); i++) {
            char c = term.charAt(i);
            if (Character.isUpperCase(c) || Character.isDigit(c)) {
                return true;
            }
        }
        return term.length() <= 3 && Character.isUpperCase(term.charAt(0));
    }

    private static boolean hasUpper(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isUpperCase(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean sameCase(String term, String surface) {
        return term.replaceAll("[^A-Za-z]", "").equals(surface.replaceAll("[^A-Za-z]", ""));
    }

    static int letters(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (Character.isLetter(s.charAt(i))) {
                n++;
            }
        }
        return n;
    }

    static int digits(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (Character.isDigit(s.charAt(i))) {
                n++;
            }
        }
        return n;
    }
}
