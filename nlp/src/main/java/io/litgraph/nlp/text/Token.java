package io.litgraph.nlp.text;

/**
 * One token of a text: its document-global span, its surface form and its normalized key (the form the
 * dictionary is indexed by). {@code spaceBefore} tells whether whitespace separated it from the previous token,
 * which matters for rules that must not bridge "IL-6" into "IL 6" differently from the dictionary.
 */
public record Token(int start, int end, String text, String norm, boolean spaceBefore) {
}
