package io.litgraph.nlp;

/**
 * One occurrence of an entity in the text.
 *
 * @param conceptId   normalized CURIE (e.g. {@code NCBIGene:3569}); null when the engine recognised the
 *                    type but could not decide the identifier
 * @param negated     the mention is in the scope of a negation cue ("no", "without", "failed to")
 * @param speculative the mention is in the scope of a hedge ("may", "suggest", "potential")
 */
public record Mention(int start, int end, String text, EntityType type, String conceptId,
                      boolean negated, boolean speculative) {
}
