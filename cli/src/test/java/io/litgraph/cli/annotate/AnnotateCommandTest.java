package io.litgraph.cli.annotate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.litgraph.cli.CliRun;
import io.litgraph.cli.ExitCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnnotateCommandTest {
    private static final String TITLE = "IL-6 and insulin resistance";
    private static final String BODY = "Interleukin-6 (IL-6) is raised in patients with type 2 diabetes. IL-6 impairs insulin signalling.";

    @TempDir
    Path dir;

    @Test
    void textToPubTator() throws Exception {
        Path input = dir.resolve("doc.txt");
        Files.writeString(input, TITLE + "\n" + BODY + "\n");
        CliRun run = CliRun.of("annotate", "--input", input.toString(), "--id", "42");
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        List<String> lines = Arrays.asList(run.out().split("\n"));
        assertEquals("42|t|" + TITLE, lines.get(0));
        assertEquals("42|a|" + BODY, lines.get(1));
        String text = TITLE + " " + BODY;
        boolean il6 = false;
        int mentions = 0;
        for (String line : lines.subList(2, lines.size())) {
            if (line.isEmpty()) {
                continue;
            }
            String[] cols = line.split("\t", -1);
            assertEquals("42", cols[0]);
            if (cols.length == 6) {
                mentions++;
                assertEquals(cols[3], text.substring(Integer.parseInt(cols[1]), Integer.parseInt(cols[2])), line);
                il6 |= cols[3].equals("IL-6") && cols[4].equals("GeneOrGeneProduct") && cols[5].equals("NCBIGene:3569");
            } else {
                assertEquals(4, cols.length, "relation line PMID, type, CURIE1, CURIE2: " + line);
            }
        }
        assertTrue(mentions >= 3, run.out());
        assertTrue(il6, run.out());
    }

    @Test
    void pubTatorInBioCJsonOut() throws Exception {
        Path input = dir.resolve("gold.pubtator");
        Files.writeString(input, "7|t|" + TITLE + "\n7|a|" + BODY + "\n7\t0\t4\tIL-6\tGene\t3569\n\n"
                + "8|t|Insulin\n8|a|Insulin lowers blood glucose.\n\n");
        CliRun run = CliRun.of("annotate", "-i", input.toString(), "--out", "biocjson");
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        JsonNode collection = new ObjectMapper().readTree(run.out());
        assertEquals(2, collection.get("documents").size());
        JsonNode first = collection.get("documents").get(0);
        assertEquals("7", first.get("id").asText());
        assertEquals(TITLE.length() + 1, first.get("passages").get(1).get("offset").asInt());
        boolean il6 = false;
        for (JsonNode passage : first.get("passages")) {
            for (JsonNode a : passage.get("annotations")) {
                il6 |= "NCBIGene:3569".equals(a.path("infons").path("identifier").asText());
            }
        }
        assertTrue(il6, run.out());
    }

    @Test
    void pubTatorToPubTatorIsStreamedDocumentByDocument() throws Exception {
        Path input = dir.resolve("two.pubtator");
        Files.writeString(input, "7|t|" + TITLE + "\n7|a|" + BODY + "\n\n8|t|Insulin\n8|a|IL-6 and TNF-alpha.\n");
        CliRun run = CliRun.of("annotate", "-i", input.toString());
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        String[] documents = run.out().split("\n\n");
        assertEquals(2, documents.length, run.out());
        assertTrue(documents[0].startsWith("7|t|" + TITLE), documents[0]);
        assertTrue(documents[1].startsWith("8|t|Insulin\n8|a|IL-6 and TNF-alpha."), documents[1]);
        assertTrue(documents[1].contains("8\t8\t12\tIL-6\tGeneOrGeneProduct\tNCBIGene:3569"), documents[1]);
    }

    @Test
    void userErrorsAreOneLineWithoutStackTrace() throws Exception {
        CliRun missing = CliRun.of("annotate", "--input", dir.resolve("nope.txt").toString());
        assertEquals(ExitCodes.USER_ERROR, missing.exitCode());
        assertTrue(missing.err().contains("no such file"), missing.err());
        assertFalse(missing.err().contains("Exception"), missing.err());

        Path input = dir.resolve("doc.txt");
        Files.writeString(input, BODY);
        CliRun badVocab = CliRun.of("annotate", "--input", input.toString(), "--vocab", dir.resolve("missing.bin").toString());
        assertEquals(ExitCodes.USER_ERROR, badVocab.exitCode());
        assertTrue(badVocab.err().contains("--vocab"), badVocab.err());

        CliRun badFormat = CliRun.of("annotate", "--out", "xml");
        assertEquals(ExitCodes.USAGE, badFormat.exitCode());
        assertTrue(badFormat.err().contains("--out"), badFormat.err());
    }

    @Test
    void helpEverywhere() {
        for (String[] args : List.of(new String[]{"--help"}, new String[]{"annotate", "--help"},
                new String[]{"topics", "create", "--help"}, new String[]{"dlq", "replay", "--help"},
                new String[]{"ingest", "--help"}, new String[]{"vocab", "build", "--help"}, new String[]{"evaluate", "--help"})) {
            CliRun run = CliRun.of(args);
            assertEquals(0, run.exitCode(), String.join(" ", args));
            assertTrue(run.out().startsWith("Usage: litgraph"), run.out());
        }
        CliRun none = CliRun.of();
        assertEquals(ExitCodes.USAGE, none.exitCode());
        assertTrue(none.err().contains("a command is required"), none.err());
    }

    @Test
    void saysWhichVocabularyAndModelItLoaded() throws Exception {
        Path input = dir.resolve("doc.txt");
        Files.writeString(input, TITLE + "\n" + BODY + "\n");
        CliRun run = CliRun.of("annotate", "--input", input.toString());
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        assertTrue(run.err().contains("recognizer recognizer-"), "the shipped model is loaded and named: " + run.err());
        assertTrue(run.err().contains("built-in core"), "a run on the small core vocabulary says so: " + run.err());

        CliRun dictionaryOnly = CliRun.of("annotate", "--input", input.toString(), "--no-model");
        assertEquals(ExitCodes.OK, dictionaryOnly.exitCode(), dictionaryOnly.err());
        assertTrue(dictionaryOnly.err().contains("recognizer none"), dictionaryOnly.err());
    }

    @Test
    void badEngineOptionsAreUserErrors() throws Exception {
        Path input = dir.resolve("doc.txt");
        Files.writeString(input, BODY + "\n");
        assertEquals(ExitCodes.USER_ERROR, CliRun.of("annotate", "--input", input.toString(), "--model",
                dir.resolve("none.bin").toString()).exitCode());
        assertEquals(ExitCodes.USER_ERROR, CliRun.of("annotate", "--input", input.toString(), "--no-model", "--model",
                dir.resolve("none.bin").toString()).exitCode());
        assertEquals(ExitCodes.USER_ERROR, CliRun.of("annotate", "--input", input.toString(), "--link-threshold", "1.5").exitCode());
        assertEquals(ExitCodes.USER_ERROR, CliRun.of("annotate", "--input", input.toString(), "--ids", "umls").exitCode());
    }

    @Test
    void meshIdsFollowPubTatorsConvention() throws Exception {
        Path input = dir.resolve("doc.txt");
        Files.writeString(input, "Glucose and aspirin in type 2 diabetes\nPatients took aspirin; blood glucose fell.\n");
        CliRun nativeIds = CliRun.of("annotate", "--input", input.toString());
        CliRun mesh = CliRun.of("annotate", "--input", input.toString(), "--ids", "mesh");
        assertEquals(ExitCodes.OK, mesh.exitCode(), mesh.err());
        assertTrue(nativeIds.out().contains("CHEBI:17234"), "glucose is ChEBI's in litgraph's own convention: " + nativeIds.out());
        assertTrue(mesh.out().contains("\tMESH:D005947"), "and MeSH's in PubTator's: " + mesh.out());
        assertFalse(mesh.out().contains("CHEBI:17234"), mesh.out());
    }
}
