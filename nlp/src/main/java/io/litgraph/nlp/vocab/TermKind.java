package io.litgraph.nlp.vocab;

/**
 * Where a term comes from, which decides how much evidence the matcher asks for before trusting it.
 * CURATED terms are hand-written facts from the core vocabulary and are always trusted.
 */
public enum TermKind {
    /** the concept's preferred name */
    NAME,
    /** an exact synonym or entry term */
    SYNONYM,
    /** an official gene symbol */
    SYMBOL,
    /** a gene alias (previous symbol, informal name): the most ambiguous kind */
    ALIAS,
    /** a gene symbol or alias that is also an ordinary English word ("CAT", "SET", "IMPACT"): needs context */
    WORD_ALIAS,
    /** a hand-written term from the core vocabulary */
    CURATED
}
