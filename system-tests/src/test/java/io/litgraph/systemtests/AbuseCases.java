package io.litgraph.systemtests;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * The bad-input table of {@link AbuseIT}: every public endpoint × hostile payloads × what a well-behaved
 * service answers. Kept apart from the test so that the table reads as a table.
 */
final class AbuseCases {
    /** What is acceptable. */
    enum Expect {
        /** a 4xx with an RFC 7807 problem+json body from the application */
        PROBLEM_4XX,
        /** a 4xx, possibly from the HTTP layer before the application (plain body), or the connection refused mid-upload */
        REFUSED_4XX,
        /** a 2xx or 4xx answer (never 5xx), bounded in size and time; no hostile string reflected unescaped as HTML */
        BOUNDED
    }

    record Case(String id, String service, String method, String path, String contentType, Supplier<byte[]> body,
                boolean auth, Expect expect, String payload, String knownIssue) {
        @Override
        public String toString() {
            return id + " " + method + " " + service + path.substring(0, Math.min(path.length(), 60)) + " [" + payload + "]";
        }
    }

    static final String SQLI = "' OR 1=1; DROP TABLE documents; --";
    static final String XSS = "<script>alert(1)</script>";
    static final String XXE = """
            <?xml version="1.0"?>
            <!DOCTYPE PubmedArticleSet [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
            <PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>1</PMID><Article><ArticleTitle>&xxe;</ArticleTitle>
            <Abstract><AbstractText>&xxe;</AbstractText></Abstract></Article></MedlineCitation></PubmedArticle></PubmedArticleSet>
            """;
    static final String BILLION_LAUGHS = """
            <?xml version="1.0"?>
            <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
            <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
            <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
            <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
            <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
            <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
            <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
            <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
            <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">]>
            <PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>2</PMID><Article><ArticleTitle>&lol9;</ArticleTitle>
            </Article></MedlineCitation></PubmedArticle></PubmedArticleSet>
            """;

    private AbuseCases() {
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] repeat(char c, int n) {
        byte[] b = new byte[n];
        java.util.Arrays.fill(b, (byte) c);
        return b;
    }

    static byte[] deepJson(int depth) {
        return utf8("[".repeat(depth) + "]".repeat(depth));
    }

    static byte[] deepObject(int depth) {
        return utf8("{\"text\":".repeat(depth) + "\"x\"" + "}".repeat(depth));
    }

    static byte[] hugeJsonArray(int elements) {
        StringBuilder sb = new StringBuilder("{\"title\":\"t\",\"text\":\"x\",\"tags\":[");
        for (int i = 0; i < elements; i++) {
            sb.append(i == 0 ? "" : ",").append("\"tag").append(i).append('"');
        }
        return utf8(sb.append("],\"id\":\"bad id with spaces\"}").toString());
    }

    static byte[] invalidUtf8() {
        return new byte[] {'I', 'L', '-', '6', ' ', (byte) 0xC3, (byte) 0x28, ' ', (byte) 0xFF, (byte) 0xFE, 'x'};
    }

    static byte[] binary(int n) {
        byte[] b = new byte[n];
        new Random(42).nextBytes(b);
        return b;
    }

    static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** {@code {FROM}} and {@code {TO}} are replaced with the two most frequent concepts of the running stack. */
    static List<Case> all() {
        List<Case> c = new ArrayList<>();
        String json = "application/json";
        // ---- ingest-service: POST /api/documents
        add(c, "I01", "ingest", "POST", "/api/documents", "text/plain", () -> repeat('a', 17 * 1024 * 1024), true, Expect.REFUSED_4XX, "17 MiB body (limit 16M)");
        add(c, "I02", "ingest", "POST", "/api/documents", "text/plain", () -> repeat('a', 11 * 1024 * 1024), true, Expect.PROBLEM_4XX, "11 MiB text (text limit 10 MiB)");
        add(c, "I03", "ingest", "POST", "/api/documents", json, () -> deepJson(100_000), true, Expect.PROBLEM_4XX, "JSON nested 100 000 deep");
        add(c, "I04", "ingest", "POST", "/api/documents", json, () -> deepObject(5_000), true, Expect.PROBLEM_4XX, "object nested 5 000 deep");
        add(c, "I05", "ingest", "POST", "/api/documents", json, () -> hugeJsonArray(300_000), true, Expect.PROBLEM_4XX, "300 000-element array, invalid id");
        add(c, "I06", "ingest", "POST", "/api/documents", "text/plain; charset=utf-8", AbuseCases::invalidUtf8, true, Expect.PROBLEM_4XX, "invalid UTF-8");
        add(c, "I07", "ingest", "POST", "/api/documents", "application/octet-stream", () -> binary(4096), true, Expect.PROBLEM_4XX, "binary, octet-stream");
        add(c, "I08", "ingest", "POST", "/api/documents", "text/plain", () -> binary(4096), true, Expect.PROBLEM_4XX, "binary as text/plain");
        add(c, "I09", "ingest", "POST", "/api/documents", "application/xml", () -> utf8(XXE), true, Expect.BOUNDED, "XXE (file:///etc/passwd) in a PubMed set");
        add(c, "I10", "ingest", "POST", "/api/documents", "application/xml", () -> utf8(BILLION_LAUGHS), true, Expect.PROBLEM_4XX, "billion laughs");
        add(c, "I11", "ingest", "POST", "/api/documents", json, () -> utf8("{\"id\":\"" + SQLI.replace("'", "\\u0027") + "\",\"text\":\"IL-6\"}"), true, Expect.PROBLEM_4XX, "SQL injection as id");
        add(c, "I12", "ingest", "POST", "/api/documents", json, () -> utf8("{\"id\":\"" + XSS.replace("/", "\\/") + "\",\"text\":\"IL-6\"}"), true, Expect.PROBLEM_4XX, "XSS as id");
        add(c, "I13", "ingest", "POST", "/api/documents", json, () -> utf8("{\"id\":\"x\",\"text\":\"\"}"), true, Expect.PROBLEM_4XX, "empty text");
        add(c, "I14", "ingest", "POST", "/api/documents", "text/plain", () -> utf8("IL-6"), false, Expect.PROBLEM_4XX, "no API key");
        add(c, "I15", "ingest", "POST", "/api/documents", "text/plain; charset=evil", () -> utf8("IL-6"), true, Expect.PROBLEM_4XX, "unknown charset");
        add(c, "I16", "ingest", "POST", "/api/documents", "a/b/c;;=", () -> utf8("IL-6"), true, Expect.PROBLEM_4XX, "garbage Content-Type");
        add(c, "I17", "ingest", "POST", "/api/documents", "application/xml", () -> utf8("<html><body>" + XSS + "</body></html>"), true, Expect.PROBLEM_4XX, "XML of an unknown root");
        add(c, "I18", "ingest", "POST", "/api/documents", "application/x-pubtator", () -> utf8(SQLI + "\n" + XSS + "\n"), true, Expect.PROBLEM_4XX, "malformed PubTator (SQLi, XSS lines)");
        // ---- ingest-service: batch and reads
        add(c, "I19", "ingest", "POST", "/api/documents/batch", "application/x-ndjson", () -> utf8("{not json\n[1,2]\n\"" + XSS + "\"\n"), true, Expect.BOUNDED, "NDJSON, every line bad");
        add(c, "I20", "ingest", "POST", "/api/documents/batch", "application/x-ndjson", () -> repeat('x', 15 * 1024 * 1024), true, Expect.BOUNDED, "one 15 MiB NDJSON line");
        add(c, "I21", "ingest", "POST", "/api/documents/batch", "application/x-ndjson", () -> deepJson(50_000), true, Expect.BOUNDED, "NDJSON line nested 50 000 deep");
        add(c, "I22", "ingest", "GET", "/api/documents/" + enc(SQLI), null, null, false, Expect.PROBLEM_4XX, "SQL injection in path");
        add(c, "I23", "ingest", "GET", "/api/documents/" + enc(XSS) + "/status", null, null, false, Expect.PROBLEM_4XX, "XSS in path");
        add(c, "I24", "ingest", "GET", "/api/documents/..%2F..%2F..%2Fetc%2Fpasswd", null, null, false, Expect.PROBLEM_4XX, "path traversal");
        // ---- entity-service: POST /api/annotate
        add(c, "E01", "entity", "POST", "/api/annotate", "text/plain", () -> repeat('a', 17 * 1024 * 1024), true, Expect.REFUSED_4XX, "17 MiB body");
        add(c, "E02", "entity", "POST", "/api/annotate", "text/plain", () -> repeat('a', 2 * 1024 * 1024), true, Expect.PROBLEM_4XX, "2 MiB text (limit 1 MiB)");
        add(c, "E03", "entity", "POST", "/api/annotate", json, () -> deepJson(100_000), true, Expect.PROBLEM_4XX, "JSON nested 100 000 deep");
        add(c, "E04", "entity", "POST", "/api/annotate", json, () -> deepObject(5_000), true, Expect.PROBLEM_4XX, "object nested 5 000 deep");
        add(c, "E05", "entity", "POST", "/api/annotate", "text/plain; charset=utf-8", AbuseCases::invalidUtf8, true, Expect.PROBLEM_4XX, "invalid UTF-8");
        add(c, "E06", "entity", "POST", "/api/annotate", "application/octet-stream", () -> binary(4096), true, Expect.PROBLEM_4XX, "binary, octet-stream");
        add(c, "E07", "entity", "POST", "/api/annotate", "application/xml", () -> utf8(BILLION_LAUGHS), true, Expect.PROBLEM_4XX, "billion laughs");
        add(c, "E08", "entity", "POST", "/api/annotate", "application/xml", () -> utf8(XXE), true, Expect.PROBLEM_4XX, "XXE");
        add(c, "E09", "entity", "POST", "/api/annotate?format=" + enc(SQLI), "text/plain", () -> utf8("IL-6"), true, Expect.PROBLEM_4XX, "SQL injection in format");
        add(c, "E10", "entity", "POST", "/api/annotate?id=" + enc(XSS), "text/plain", () -> utf8(XSS + " " + SQLI + " interleukin-6"), true, Expect.BOUNDED, "XSS/SQLi in id and text");
        add(c, "E11", "entity", "POST", "/api/annotate", "text/x-pubtator", () -> utf8("1|t|x\n1\t5\t2\tbad\tGene\t1\n"), true, Expect.BOUNDED, "PubTator with an inverted span");
        add(c, "E12", "entity", "POST", "/api/annotate", json, () -> utf8("{\"documents\":[{\"id\":\"1\",\"passages\":[{\"offset\":-5,\"text\":\"IL-6\"},{\"offset\":2147483647,\"text\":\"x\"}]}]}"), true, Expect.PROBLEM_4XX, "BioC passages at -5 and 2^31-1");
        add(c, "E13", "entity", "POST", "/api/annotate", json, () -> utf8("{\"documents\":[{\"id\":\"1\",\"passages\":[{\"offset\":2000000000,\"text\":\"IL-6\"}]}]}"), true, Expect.PROBLEM_4XX, "BioC passage at offset 2*10^9");
        add(c, "E14", "entity", "POST", "/api/annotate", "text/plain", () -> utf8("IL-6"), false, Expect.PROBLEM_4XX, "no API key");
        // ---- query-service
        add(c, "Q01", "query", "GET", "/api/documents?limit=2147483647", null, null, false, Expect.BOUNDED, "limit 2^31-1 (clamped)");
        add(c, "Q02", "query", "GET", "/api/documents?limit=99999999999999999999", null, null, false, Expect.PROBLEM_4XX, "limit beyond long");
        add(c, "Q03", "query", "GET", "/api/documents?limit=-1", null, null, false, Expect.PROBLEM_4XX, "negative limit");
        add(c, "Q04", "query", "GET", "/api/documents?q=" + enc(SQLI), null, null, false, Expect.BOUNDED, "SQL injection in q");
        add(c, "Q05", "query", "GET", "/api/documents?q=" + enc(XSS), null, null, false, Expect.BOUNDED, "XSS in q");
        add(c, "Q06", "query", "GET", "/api/documents?concept=" + enc(SQLI), null, null, false, Expect.PROBLEM_4XX, "SQL injection in concept");
        add(c, "Q07", "query", "GET", "/api/documents?type=" + enc(XSS), null, null, false, Expect.PROBLEM_4XX, "XSS in type");
        add(c, "Q08", "query", "GET", "/api/documents?since=" + enc(SQLI), null, null, false, Expect.PROBLEM_4XX, "SQL injection in since");
        add(c, "Q09", "query", "GET", "/api/documents?cursor=" + "A".repeat(3000), null, null, false, Expect.PROBLEM_4XX, "3000-char forged cursor");
        add(c, "Q10", "query", "GET", "/api/documents?cursor=" + enc(SQLI), null, null, false, Expect.PROBLEM_4XX, "SQL injection in cursor");
        add(c, "Q11", "query", "GET", "/api/documents?q=" + "a%20or%20".repeat(300) + "b", null, null, false, Expect.BOUNDED, "q with 300 ORs");
        add(c, "Q12", "query", "GET", "/api/documents?q=" + "x".repeat(20_000), null, null, false, Expect.REFUSED_4XX, "20 000-char URL");
        add(c, "Q13", "query", "GET", "/api/documents/" + enc(SQLI), null, null, false, Expect.PROBLEM_4XX, "SQL injection as id");
        add(c, "Q14", "query", "GET", "/api/documents/" + enc(XSS) + "?format=" + enc(XSS), null, null, false, Expect.PROBLEM_4XX, "XSS as id and format");
        add(c, "Q15", "query", "GET", "/api/concepts?q=" + "a".repeat(300), null, null, false, Expect.PROBLEM_4XX, "autocomplete q of 300 chars");
        add(c, "Q16", "query", "GET", "/api/concepts?q=" + enc(SQLI) + "&limit=1000000", null, null, false, Expect.BOUNDED, "SQL injection in q, limit 10^6");
        add(c, "Q17", "query", "GET", "/api/concepts?q=%25%25%25_%5C&type=" + enc(SQLI), null, null, false, Expect.PROBLEM_4XX, "LIKE wildcards, bad type");
        add(c, "Q18", "query", "GET", "/api/concepts/" + enc(SQLI), null, null, false, Expect.PROBLEM_4XX, "SQL injection as concept id");
        add(c, "Q19", "query", "GET", "/api/concepts/{FROM}/neighbors?limit=2147483647&minDocs=-5", null, null, false, Expect.PROBLEM_4XX, "negative minDocs");
        add(c, "Q20", "query", "GET", "/api/concepts/{FROM}/neighbors?limit=2147483647", null, null, false, Expect.BOUNDED, "neighbors of the top concept, limit 2^31-1");
        add(c, "Q21", "query", "GET", "/api/concepts/{FROM}/neighbors?relation=" + enc(SQLI) + "&type=" + enc(XSS), null, null, false, Expect.PROBLEM_4XX, "SQLi relation, XSS type");
        add(c, "Q22", "query", "GET", "/api/relations?subject=" + enc(SQLI), null, null, false, Expect.PROBLEM_4XX, "SQL injection in subject");
        add(c, "Q23", "query", "GET", "/api/relations?limit=2147483647&includeNegated=" + enc(XSS), null, null, false, Expect.PROBLEM_4XX, "XSS in includeNegated");
        add(c, "Q24", "query", "GET", "/api/relations?subject={FROM}&limit=2147483647&includeNegated=true", null, null, false, Expect.BOUNDED, "relations, limit 2^31-1");
        add(c, "Q25", "query", "GET", "/api/paths?from={FROM}&to={TO}&maxHops=3&limit=2147483647", null, null, false, Expect.BOUNDED, "3-hop paths between the two hubs");
        add(c, "Q26", "query", "GET", "/api/paths?from={FROM}&to={TO}&maxHops=100", null, null, false, Expect.PROBLEM_4XX, "maxHops 100");
        add(c, "Q27", "query", "GET", "/api/paths?from={FROM}&to={FROM}", null, null, false, Expect.PROBLEM_4XX, "from = to");
        add(c, "Q28", "query", "GET", "/api/paths?from=" + enc(SQLI) + "&to=" + enc(XSS), null, null, false, Expect.PROBLEM_4XX, "SQLi/XSS endpoints");
        add(c, "Q29", "query", "GET", "/api/paths?to={TO}", null, null, false, Expect.PROBLEM_4XX, "missing from");
        add(c, "Q30", "query", "GET", "/api/export?format=" + enc(XSS) + "&q=il", null, null, false, Expect.PROBLEM_4XX, "XSS as export format");
        add(c, "Q31", "query", "GET", "/api/export", null, null, false, Expect.PROBLEM_4XX, "export without a filter");
        add(c, "Q32", "query", "GET", "/api/export?q=" + enc("a or b or c or the or of"), null, null, false, Expect.BOUNDED, "export of a broad query");
        add(c, "Q33", "query", "GET", "/api/documents?q=%FF%FE%00", null, null, false, Expect.BOUNDED, "invalid UTF-8 and NUL in q");
        add(c, "Q34", "query", "POST", "/api/documents", "application/json", () -> utf8("{}"), false, Expect.PROBLEM_4XX, "write to the read-only API");
        add(c, "Q35", "query", "GET", "/api/stats?" + "a=1&".repeat(400), null, null, false, Expect.BOUNDED, "400 unknown parameters");
        return c;
    }

    private static void add(List<Case> c, String id, String service, String method, String path, String contentType,
                            Supplier<byte[]> body, boolean auth, Expect expect, String payload) {
        c.add(new Case(id, service, method, path, contentType, body, auth, expect, payload, KNOWN_ISSUES.get(id)));
    }

    /**
     * Cases that currently fail on a bug in another module, reported in docs/RELIABILITY.md (finding ids);
     * none at the moment (F1 to F4 are fixed).
     * They still must not leak, hang or take the service down, and the case fails naming the finding (a
     * known failure is a failing test, never a skip); a case that starts passing fails until its marker is removed.
     */
    static final java.util.Map<String, String> KNOWN_ISSUES = java.util.Map.of();
}
