package io.litgraph.nlp;

/** The engine's one entry point. Implementations are immutable and safe to share between threads. */
public interface Annotator {

    AnnotatedDocument annotate(InputDocument document);

    String engineVersion();

    String vocabularyVersion();
}
