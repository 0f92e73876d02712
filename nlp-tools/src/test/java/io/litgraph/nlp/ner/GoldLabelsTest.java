package io.litgraph.nlp.ner;

import io.litgraph.nlp.EntityType;
import io.litgraph.nlp.text.Token;
import io.litgraph.nlp.text.Tokenizer;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class GoldLabelsTest {

    private static final String TEXT = "Aspirin lowers TP53 in colon cancer";
    private final List<Token> tokens = Tokenizer.tokenize(TEXT, 0);
    private final int chem = Labels.typeIndex(EntityType.ChemicalEntity);
    private final int gene = Labels.typeIndex(EntityType.GeneOrGeneProduct);
    private final int disease = Labels.typeIndex(EntityType.DiseaseOrPhenotypicFeature);

    @Test
    void goldTokensAreFixedAndUnannotatedTypesStayOpenOutsideMentions() {
        // a corpus that annotates chemicals and diseases only: "TP53" may be a gene or nothing
        int[] mask = GoldLabels.masks(tokens, List.of(new GoldLabels.GoldSpan(0, 7, EntityType.ChemicalEntity),
                        new GoldLabels.GoldSpan(23, 35, EntityType.DiseaseOrPhenotypicFeature)),
                EnumSet.of(EntityType.ChemicalEntity, EntityType.DiseaseOrPhenotypicFeature));
        assertEquals(1 << Labels.begin(chem), mask[0]);
        assertEquals(1 << Labels.begin(disease), mask[5], "TP53 is two tokens: TP, 53");
        assertEquals(1 << Labels.inside(disease), mask[6]);
        int tp53 = mask[2];
        assertNotEquals(0, tp53 & (1 << Labels.O));
        assertNotEquals(0, tp53 & (1 << Labels.begin(gene)));
        assertEquals(0, tp53 & (1 << Labels.begin(chem)), "an annotated type is a negative outside its mentions");
    }

    @Test
    void misalignedOrUnlearnedSpansLeaveTheirTokensFree() {
        int[] mask = GoldLabels.masks(tokens, List.of(new GoldLabels.GoldSpan(1, 7, EntityType.ChemicalEntity),
                new GoldLabels.GoldSpan(15, 19, null)), EnumSet.allOf(EntityType.class));
        assertEquals(Labels.all(), mask[0]);
        assertEquals(Labels.all(), mask[2]);
        assertEquals(1 << Labels.O, mask[1]);
    }

    @Test
    void constrainedDecodingFollowsTheMasksAndNeverStartsWithInside() {
        float[][] emission = new float[tokens.size()][Labels.COUNT];
        for (float[] row : emission) {
            row[Labels.inside(gene)] = 5; // the model's wish, which the transition rules forbid at a start
        }
        int[] free = Viterbi.decode(emission, new float[(Labels.COUNT + 1) * Labels.COUNT], null);
        assertEquals(Labels.begin(gene), free[0]);
        int[] allowed = new int[tokens.size()];
        java.util.Arrays.fill(allowed, 1 << Labels.O);
        allowed[2] = 1 << Labels.begin(chem);
        int[] constrained = Viterbi.decode(emission, new float[(Labels.COUNT + 1) * Labels.COUNT], allowed);
        assertEquals(Labels.begin(chem), constrained[2]);
        assertEquals(Labels.O, constrained[3]);
    }
}
