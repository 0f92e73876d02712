package io.litgraph.nlp;

/**
 * A typed relation between two concepts found in one sentence.
 *
 * @param type       BioRED relation type (Association, Positive_Correlation, Negative_Correlation, Bind,
 *                   Cotreatment, Comparison, Drug_Interaction, Conversion)
 * @param subjectId  concept id of the subject (the agent when {@code directed})
 * @param objectId   concept id of the object
 * @param directed   the language gives a direction (subject acts on object)
 * @param trigger    the trigger words, or null when the relation rests on co-occurrence alone
 * @param sentence   the evidence sentence
 * @param subject    the subject's mention span in the sentence
 * @param object     the object's mention span in the sentence
 * @param confidence 0..1
 */
public record Relation(String type, String subjectId, String objectId, boolean directed, Span trigger,
                       Span sentence, Span subject, Span object, boolean negated, boolean speculative,
                       double confidence) {
}
