package io.litgraph.nlp.ner;

import io.litgraph.nlp.EntityType;
import io.litgraph.nlp.match.Candidate;
import io.litgraph.nlp.match.TermIndex;
import io.litgraph.nlp.text.Token;

import java.util.List;
import java.util.Map;

/**
 * What the recognizer reads of one sentence: its tokens, every dictionary hit in it (overlapping, unfiltered),
 * the dictionary's own choice of mentions ({@code MentionSelector}), and the document's abbreviation evidence
 * (short form → the type its long form was given). The same object is built at training and at annotation
 * time, so that the model sees exactly the evidence it was trained on.
 *
 * @param text          the whole document in document coordinates (token offsets index into it)
 * @param shortFormType short forms defined in this document ("... (PD)") whose long form the dictionary typed
 */
public record SentenceInput(String text, List<Token> tokens, List<TermIndex.Match> matches, List<Candidate> selected,
                            Map<String, EntityType> shortFormType) {
}
