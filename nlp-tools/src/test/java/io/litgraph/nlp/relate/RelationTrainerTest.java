package io.litgraph.nlp.relate;

import io.litgraph.nlp.Engine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Training is deterministic and its model survives the file format. */
class RelationTrainerTest {

    private static final String[][] CHEMICALS = {{"aspirin", "D001241"}, {"ibuprofen", "D007052"}, {"lithium", "D008094"},
            {"cisplatin", "D002945"}, {"warfarin", "D014859"}, {"caffeine", "D002110"}};
    private static final String[][] DISEASES = {{"headache", "D006261"}, {"nephrotoxicity", "D007674"},
            {"bleeding", "D006470"}, {"tremor", "D014202"}};

    /** A small PubTator corpus written for this test: "X reduced Y" (Negative), "X caused Y" (Positive), lists. */
    static Path corpus(Path dir) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int d = 0; d < 24; d++) {
            String[] c = CHEMICALS[d % CHEMICALS.length];
            String[] c2 = CHEMICALS[(d + 1) % CHEMICALS.length];
            String[] y = DISEASES[d % DISEASES.length];
            boolean positive = d % 2 == 0;
            String title = "A study of " + c[0] + " in rats";
            String body = c[0] + (positive ? " caused " : " reduced ") + y[0] + " in treated rats. " + c2[0]
                    + " and " + c[0] + " were measured.";
            String id = Integer.toString(1000 + d);
            sb.append(id).append("|t|").append(title).append('\n');
            sb.append(id).append("|a|").append(body).append('\n');
            int off = title.length() + 1;
            int ct = title.indexOf(c[0]);
            sb.append(id).append('\t').append(ct).append('\t').append(ct + c[0].length()).append('\t').append(c[0])
                    .append("\tChemicalEntity\t").append(c[1]).append('\n');
            entity(sb, id, body, off, c[0], "ChemicalEntity", c[1]);
            entity(sb, id, body, off, y[0], "DiseaseOrPhenotypicFeature", y[1]);
            entity(sb, id, body, off, c2[0], "ChemicalEntity", c2[1]);
            sb.append(id).append('\t').append(positive ? "Positive_Correlation" : "Negative_Correlation").append('\t')
                    .append(c[1]).append('\t').append(y[1]).append("\tNovel\n\n");
        }
        Path f = dir.resolve("train.pubtator");
        Files.writeString(f, sb.toString());
        return f;
    }

    private static void entity(StringBuilder sb, String id, String body, int off, String text, String type, String mesh) {
        for (int i = body.indexOf(text); i >= 0; i = body.indexOf(text, i + 1)) {
            sb.append(id).append('\t').append(off + i).append('\t').append(off + i + text.length()).append('\t').append(text)
                    .append('\t').append(type).append('\t').append(mesh).append('\n');
        }
    }

    @Test
    void twoRunsGiveIdenticalModelBytes(@TempDir Path dir) throws IOException {
        Path train = corpus(dir);
        Engine engine = Engine.builtin();
        byte[] first = RelationTrainer.train(engine, train, null, 0.5, Integer.MAX_VALUE).model(0.4, Map.of("k", "v")).toBytes();
        byte[] second = RelationTrainer.train(engine, train, null, 0.5, Integer.MAX_VALUE).model(0.4, Map.of("k", "v")).toBytes();
        assertArrayEquals(first, second);
        RelationModel back = RelationModel.read(new ByteArrayInputStream(first));
        assertEquals(0.4, back.threshold());
        assertEquals("v", back.info().get("k"));
        assertArrayEquals(first, back.toBytes(), "reading and writing again changes nothing");
    }

    @Test
    void theFittedModelSeparatesStatedPairsFromListedOnes(@TempDir Path dir) throws IOException {
        Path train = corpus(dir);
        RelationModel m = RelationTrainer.train(Engine.builtin(), train, null, 0.5, Integer.MAX_VALUE).model(0.4, Map.of());
        RelationTrainer.Corpus rows = RelationTrainer.rows(Engine.builtin(), train, Integer.MAX_VALUE);
        double related = 0;
        double unrelated = 0;
        int nr = 0;
        int nu = 0;
        for (RelationTrainer.Row r : rows.rows()) {
            if (r.engine()) {
                continue;
            }
            double p = m.probability(r.x().idx(), r.x().val());
            if (r.gold()) {
                related += p;
                nr++;
            } else {
                unrelated += p;
                nu++;
            }
        }
        assertTrue(nr > 0 && nu > 0);
        assertTrue(related / nr > unrelated / nu, "related " + related / nr + " vs unrelated " + unrelated / nu);
    }
}
