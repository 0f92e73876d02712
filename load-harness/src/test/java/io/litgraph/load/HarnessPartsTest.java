package io.litgraph.load;

import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The harness's pure parts; the benchmark itself needs a running stack and is never part of the test suite. */
class HarnessPartsTest {

    @Test
    void readsTitlesAndAbstractsAndIgnoresAnnotations() throws Exception {
        String pubtator = """
                111|t|A title
                111|a|An abstract.
                111\t2\t7\ttitle\tDisease\tD1
                111\tCID\tD1\tD2

                222|t|Only a title
                333|a|Only an abstract
                """;
        List<Corpus.Abstract> docs = Corpus.parse(new StringReader(pubtator));
        assertEquals(3, docs.size());
        assertEquals(new Corpus.Abstract("111", "A title", "An abstract."), docs.get(0));
        assertNull(docs.get(1).title(), "a title-only record becomes the text");
        assertEquals("Only a title", docs.get(1).text());
        assertEquals("Only an abstract", docs.get(2).text());
    }

    @Test
    void nearestRankPercentiles() {
        Percentiles p = new Percentiles(new long[] {5, 1, 4, 2, 3, 10, 9, 8, 7, 6});
        assertEquals(5, p.at(50));
        assertEquals(10, p.at(95));
        assertEquals(10, p.at(99));
        assertEquals(1, p.at(1));
        assertEquals(-1, new Percentiles(new long[0]).at(50));
    }

    @Test
    void parsesProcStatWithSpacesAndParenthesesInTheName() {
        String stat = "4242 (java (x) y) S 17 4242 4242 0 -1 4194560 100 0 0 0 1234 567 0 0 20 0 40 0 999 0 0";
        ProcStat.Sample s = ProcStat.parseStat(stat);
        assertEquals(17, s.ppid());
        assertEquals(1234 + 567, s.cpuTicks());
        assertEquals(51200, ProcStat.parseRssKb("Name:\tjava\nVmPeak:\t1 kB\nVmRSS:\t   51200 kB\nThreads: 3\n"));
    }

    @Test
    void documentJsonCarriesIdTitleAndText() throws Exception {
        String json = BenchCommand.documentJson(new Corpus.Abstract("9", "T \"q\"", "Body"), "load-x-1");
        var node = StackClient.JSON.readTree(json);
        assertEquals("load-x-1", node.get("id").asText());
        assertEquals("T \"q\"", node.get("title").asText());
        assertEquals("9", node.at("/metadata/pmid").asText());
        assertTrue(node.has("text"));
    }
}
