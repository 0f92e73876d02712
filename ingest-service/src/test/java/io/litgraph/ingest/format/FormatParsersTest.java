package io.litgraph.ingest.format;

import io.litgraph.events.DocumentPayload;
import io.litgraph.events.PassagePayload;
import io.litgraph.ingest.service.ProblemException;
import io.litgraph.ingest.support.Assembly;
import io.litgraph.ingest.support.TestFiles;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every format reader on the project's own samples, the seeds and the real third-party files. */
class FormatParsersTest {
    private final FormatRegistry formats = new FormatRegistry();

    private ParsedBody parse(String contentType, String body) {
        return formats.parserFor(contentType).parse(body);
    }

    private DocumentPayload single(String contentType, String body) {
        ParsedBody parsed = parse(contentType, body);
        assertEquals(1, parsed.documents().size());
        return Assembly.assemble(parsed.documents().get(0)).payload();
    }

    private static String bodyText(DocumentPayload payload) {
        return String.join("\n", payload.passages().stream().map(PassagePayload::text).toList());
    }

    // --- markdown

    @Test
    void markdownFrontMatterBecomesFieldsAndMarkupIsStripped() {
        ParsedBody parsed = parse("text/markdown", TestFiles.resource("article.md"));
        ParsedDocument doc = parsed.documents().get(0);
        assertEquals(Format.MARKDOWN, parsed.format());
        assertEquals("Interleukin-6 and insulin resistance", doc.title);
        assertEquals("2024-02-01", doc.published);
        assertEquals(List.of("diabetes", "cytokines"), doc.tags);
        assertEquals(List.of("Jane Doe"), doc.authors);
        assertEquals("post", doc.metadata.get("layout"));

        DocumentPayload payload = Assembly.assemble(doc).payload();
        String text = bodyText(payload);
        assertTrue(text.contains("chronic low-grade inflammation"), text);
        assertTrue(text.contains("interleukin-6 (IL-6)"), text);
        for (String markup : List.of("**", "](", "# ", "`", "---", "title:")) {
            assertFalse(text.contains(markup), () -> "markup '" + markup + "' left in: " + text);
        }
        assertEquals(new PassagePayload("title", 0, "Interleukin-6 and insulin resistance"), payload.passages().get(0));
        assertTrue(payload.passages().stream().anyMatch(p -> p.type().equals("section_title") && p.text().equals("Mechanisms")));
    }

    @Test
    void markdownSeedWithFrontMatter() {
        Path seed = TestFiles.seedFiles().stream().filter(p -> TestFiles.read(p).startsWith("---")).findFirst().orElseThrow();
        ParsedDocument doc = parse("text/markdown", TestFiles.read(seed)).documents().get(0);
        assertEquals("Insulin Signaling and Bone Health: Linking Osteoporosis and Diabetes", doc.title);
        assertEquals("2023-09-18", doc.published);
        assertEquals(List.of("obesity", "insulinresistance"), doc.tags);
        String text = bodyText(Assembly.assemble(doc).payload());
        assertFalse(text.contains("## "), "headings are stripped");
        assertTrue(text.contains("Understanding Insulin Signaling"));
    }

    @Test
    void malformedFrontMatterIsA400WithLine() {
        ProblemException e = assertThrows(ProblemException.class,
                () -> parse("text/markdown", "---\ntitle: [unclosed\n---\nBody text."));
        assertEquals(400, e.status());
        assertTrue(e.extensions().containsKey("line"));
    }

    // --- html

    @Test
    void htmlKeepsTheArticleAndDropsPageChrome() {
        DocumentPayload payload = single("text/html", TestFiles.resource("article.html"));
        assertEquals("Loneliness and the immune system", payload.title());
        assertEquals("2025-01-10T08:00:00Z", payload.published());
        assertEquals("https://news.example.org/loneliness-immune", payload.url());
        String text = bodyText(payload);
        assertTrue(text.contains("175 proteins linked to social isolation"), text);
        assertTrue(text.contains("What it means"), text);
        for (String chrome : List.of("Page generated in", "Article tools", "My recent searches", "Share on Facebook",
                "Subscribe to our newsletter", "Home", "tracking", "color: red", "Ten foods", "Example Health News")) {
            assertFalse(text.contains(chrome), () -> "'" + chrome + "' should be dropped: " + text);
        }
    }

    @Test
    void htmlWithoutTextIs422() {
        ProblemException e = assertThrows(ProblemException.class,
                () -> parse("text/html", "<html><body><nav>Home</nav><footer>Page generated in 1s</footer></body></html>"));
        assertEquals(422, e.status());
    }

    // --- PubMed

    @Test
    void pubmedSampleSetWithStructuredAbstractAndTitleOnlyRecord() {
        ParsedBody parsed = parse("application/xml", TestFiles.resource("two-articles.pubmed.xml"));
        assertEquals(Format.PUBMED_XML, parsed.format());
        assertEquals(2, parsed.documents().size());
        ParsedDocument first = parsed.documents().get(0);
        assertEquals("PMID:90000001", first.id, "the article's own PMID, not the one in CommentsCorrections");
        assertEquals("Insulin and IL-6 in obesity.", first.title);
        assertEquals("10.1000/example.1", first.metadata.get("doi"));
        assertEquals("2024-03", first.published);
        assertEquals(List.of("Doe Jane"), first.authors);
        DocumentPayload payload = Assembly.assemble(first).payload();
        assertEquals(3, payload.passages().size(), "title + one passage per AbstractText");
        assertEquals("Insulin resistance followed in 40% of <60-year-olds.", payload.passages().get(2).text());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> sections = (List<Map<String, Object>>) first.metadata.get("abstractSections");
        assertEquals("RESULTS", sections.get(1).get("label"));
        assertEquals(2, sections.get(1).get("passageIndex"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> mesh = (List<Map<String, Object>>) first.metadata.get("meshHeadings");
        assertEquals("Obesity", mesh.get(0).get("descriptor"));

        DocumentPayload titleOnly = Assembly.assemble(parsed.documents().get(1)).payload();
        assertEquals(1, titleOnly.passages().size());
    }

    @Test
    void realPubmedStructuredAbstract() {
        ParsedBody parsed = parse("application/xml", TestFiles.read(TestFiles.format("pubmed/pubmed-29768149.xml")));
        ParsedDocument doc = parsed.documents().get(0);
        assertEquals("PMID:29768149", doc.id);
        assertEquals("Inhaled Combined Budesonide-Formoterol as Needed in Mild Asthma.", doc.title);
        assertEquals("10.1056/NEJMoa1715274", doc.metadata.get("doi"));
        assertEquals("The New England journal of medicine", doc.metadata.get("journal"));
        assertEquals("2018-05-17", doc.published);
        assertEquals(23, ((List<?>) doc.metadata.get("meshHeadings")).size());
        DocumentPayload payload = Assembly.assemble(doc).payload();
        assertEquals(List.of("title", "abstract", "abstract", "abstract", "abstract"),
                payload.passages().stream().map(PassagePayload::type).toList());
        assertTrue(payload.passages().get(1).text().startsWith("In patients with mild asthma"));
        assertTrue(payload.passages().get(1).text().contains("\u03b2 2-agonist"), payload.passages().get(1).text());
    }

    @Test
    void realPubmedSetsWithTwoArticlesEach() {
        ParsedBody one = parse("text/xml", TestFiles.read(TestFiles.format("pubmed/pubmed1.xml")));
        assertEquals(List.of("PMID:12091962", "PMID:9997"), one.documents().stream().map(d -> d.id).toList());
        DocumentPayload noAbstract = Assembly.assemble(one.documents().get(0)).payload();
        assertEquals(1, noAbstract.passages().size(), "an article without abstract is its title");

        ParsedBody two = parse("application/xml", TestFiles.read(TestFiles.format("pubmed/pubmed2.xml")));
        assertEquals(2, two.documents().size());
        assertNull(two.documents().get(1).metadata.get("meshHeadings"), "PubMed-not-MEDLINE record has no MeSH");
        two.documents().forEach(Assembly::assemble);

        ParsedDocument four = parse("application/xml", TestFiles.read(TestFiles.format("pubmed/pubmed4.xml"))).documents().get(0);
        assertEquals("PMID:27797938", four.id);
        assertEquals(21, ((List<?>) four.metadata.get("meshHeadings")).size());
        assertEquals(5, Assembly.assemble(four).payload().passages().size());
    }

    // --- JATS

    @Test
    void realJatsArticleKeepsSections() {
        ParsedDocument doc = parse("application/xml", TestFiles.read(TestFiles.format("jats/pntd.0002065.nxml"))).documents().get(0);
        assertEquals("PMID:23469300", doc.id);
        assertEquals("PMC3585041", doc.metadata.get("pmcid"));
        assertEquals("10.1371/journal.pntd.0002065", doc.metadata.get("doi"));
        assertTrue(doc.title.startsWith("Serological Evidence of Rift Valley Fever Virus"), doc.title);
        assertTrue(doc.title.contains("Zamb\u00e9zia"));
        DocumentPayload payload = Assembly.assemble(doc).payload();
        List<String> sectionTitles = payload.passages().stream().filter(p -> p.type().equals("section_title")).map(PassagePayload::text).toList();
        assertTrue(sectionTitles.contains("Introduction"), sectionTitles.toString());
        assertTrue(sectionTitles.contains("Discussion"), sectionTitles.toString());
        assertTrue(payload.passages().stream().anyMatch(p -> p.type().equals("abstract")));
        assertTrue(payload.passages().stream().filter(p -> p.type().equals("paragraph")).count() > 10);
    }

    @Test
    void realJatsWithStructuredAbstractAndPmcArticleSetWrapper() {
        ParsedDocument bmc = parse("application/xml", TestFiles.read(TestFiles.format("jats/1471-2180-11-174.nxml"))).documents().get(0);
        assertEquals("PMID:21810267", bmc.id);
        DocumentPayload payload = Assembly.assemble(bmc).payload();
        assertTrue(payload.passages().stream().anyMatch(p -> p.type().equals("section_title") && p.text().equals("Background")));

        ParsedBody wrapped = parse("application/xml", TestFiles.read(TestFiles.format("jats/efetch_pmc.xml")));
        assertEquals(Format.JATS_XML, wrapped.format());
        assertEquals(1, wrapped.documents().size());
        ParsedDocument correction = wrapped.documents().get(0);
        assertEquals("PMID:34527728", correction.id);
        assertEquals("PMC8435807", correction.metadata.get("pmcid"));
        assertTrue(Assembly.assemble(correction).payload().passages().stream().anyMatch(p -> p.type().equals("paragraph")));
    }

    // --- BioC

    @Test
    void realPubTator3BioCXmlKeepsOffsets() {
        ParsedBody parsed = parse("application/xml", TestFiles.read(TestFiles.format("bioc/pubtator3.33333140.xml")));
        assertEquals(Format.BIOC_XML, parsed.format());
        ParsedDocument doc = parsed.documents().get(0);
        assertEquals("PMID:33333140", doc.id);
        assertEquals(25, doc.metadata.get("sourceAnnotations"));
        DocumentPayload payload = Assembly.assemble(doc).payload();
        assertEquals(0, payload.passages().get(0).offset());
        assertEquals("title", payload.passages().get(0).type());
        assertEquals(132, payload.passages().get(1).offset());
        // the source annotation "microvascular dysfunction" at 3..28 still points at the same words
        assertEquals("microvascular dysfunction", Assembly.documentText(payload).substring(3, 28));
        assertEquals(List.of("Nowroozpoor A", "Gutterman D", "Safdar B"), doc.authors);
    }

    @Test
    void realBioCSentencesAndEverythingSamples() {
        ParsedDocument sentences = parse("application/xml",
                TestFiles.read(TestFiles.format("bioc/PMID-8557975-simplified-sentences.xml"))).documents().get(0);
        DocumentPayload payload = Assembly.assemble(sentences).payload();
        assertTrue(Assembly.documentText(payload).substring(70).startsWith("Active Raf-1 phosphorylates and activates"));
        assertTrue(Assembly.documentText(payload).substring(325).startsWith("Active Raf-1 phosphorylates MEK1."));

        ParsedDocument everything = parse("application/xml", TestFiles.read(TestFiles.format("bioc/everything.xml"))).documents().get(0);
        assertEquals("PMID:1", everything.id);
        assertEquals("text of passage", Assembly.assemble(everything).payload().passages().get(0).text());

        ParsedDocument json = parse("application/json", TestFiles.read(TestFiles.format("bioc/everything.json"))).documents().get(0);
        assertEquals("abcdefghijklmnopqrstuvwxyz", Assembly.assemble(json).payload().passages().get(0).text());
    }

    @Test
    void realPubTator3JsonExports() {
        for (String file : List.of("bioc/export_20516115.json", "bioc/export_22663011.json")) {
            ParsedBody parsed = parse("application/json", TestFiles.read(TestFiles.format(file)));
            assertEquals(Format.BIOC_JSON, parsed.format());
            ParsedDocument doc = parsed.documents().get(0);
            String pmid = file.replaceAll("\\D", "");
            assertEquals("PMID:" + pmid, doc.id);
            DocumentPayload payload = Assembly.assemble(doc).payload();
            assertEquals("title", payload.passages().get(0).type());
            assertTrue(payload.passages().size() >= 2);
        }
    }

    @Test
    void biocJsonSampleKeepsOffsetsWithNonAsciiText() {
        ParsedDocument doc = parse("application/json", TestFiles.resource("bioc-collection.json")).documents().get(0);
        DocumentPayload payload = Assembly.assemble(doc).payload();
        assertEquals("PMID:777", doc.id);
        assertEquals(48, payload.passages().get(1).offset());
        // offsets count characters (UTF-16 code units), so the é does not shift "NF1"
        assertEquals("NF1", Assembly.documentText(payload).substring(48, 51));
    }

    // --- PubTator text

    @Test
    void pubtatorTextFileWithTwoDocuments() {
        ParsedBody parsed = parse("application/x-pubtator", TestFiles.resource("two-abstracts.pubtator"));
        assertEquals(List.of("PMID:12345", "PMID:67890"), parsed.documents().stream().map(d -> d.id).toList());
        DocumentPayload first = Assembly.assemble(parsed.documents().get(0)).payload();
        String title = "Interleukin-1 blockade in type 2 diabetes.";
        assertEquals(new PassagePayload("title", 0, title), first.passages().get(0));
        assertEquals(title.length() + 1, first.passages().get(1).offset());
        assertEquals("Interleukin-1", Assembly.documentText(first).substring(0, 13));
        assertEquals(2, parsed.documents().get(0).metadata.get("sourceAnnotations"));
    }

    // --- XML safety

    @Test
    void externalEntitiesAreNeverResolved() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE PubmedArticleSet [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                + "<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>1</PMID><Article><ArticleTitle>&xxe;</ArticleTitle>"
                + "<Abstract><AbstractText>Text.</AbstractText></Abstract></Article></MedlineCitation></PubmedArticle></PubmedArticleSet>";
        try {
            ParsedBody parsed = parse("application/xml", xxe);
            String title = parsed.documents().get(0).title;
            assertFalse(title != null && title.contains("root:"), "file contents leaked: " + title);
        } catch (ProblemException e) {
            assertEquals(400, e.status());
        }
    }

    @Test
    void billionLaughsIsRejected() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10)).append("\">");
        }
        dtd.append("]>");
        String bomb = "<?xml version=\"1.0\"?>" + dtd + "<collection><document><id>1</id><passage><offset>0</offset><text>&lol9;</text></passage></document></collection>";
        ProblemException e = assertThrows(ProblemException.class, () -> parse("application/xml", bomb));
        assertEquals(400, e.status());
    }

    @Test
    void malformedXmlReportsLineAndColumn() {
        ProblemException e = assertThrows(ProblemException.class,
                () -> parse("application/xml", "<PubmedArticleSet>\n  <PubmedArticle>\n</PubmedArticleSet>"));
        assertEquals(400, e.status());
        assertEquals(3, e.extensions().get("line"));
        assertTrue(e.extensions().containsKey("column"));
    }

    @Test
    void unknownXmlRootIs415() {
        ProblemException e = assertThrows(ProblemException.class, () -> parse("application/xml", "<rss><channel/></rss>"));
        assertEquals(415, e.status());
    }

    @Test
    void unknownContentTypeIs415() {
        ProblemException e = assertThrows(ProblemException.class, () -> formats.parserFor("application/pdf"));
        assertEquals(415, e.status());
    }
}
