package io.litgraph.nlp;

import java.util.List;

/** What the engine returns for one document. Every span is in the input document's coordinates. */
public record AnnotatedDocument(String id, List<Span> sentences, List<Mention> mentions, List<Concept> concepts,
                                List<Relation> relations, String engineVersion, String vocabularyVersion) {
}
