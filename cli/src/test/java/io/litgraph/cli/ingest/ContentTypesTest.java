package io.litgraph.cli.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContentTypesTest {
    @TempDir
    Path dir;

    private ContentTypes.Upload detect(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        Optional<ContentTypes.Upload> upload = ContentTypes.detect(file);
        assertTrue(upload.isPresent(), name);
        return upload.get();
    }

    @Test
    void textIsPlainUnlessItStartsWithFrontMatter() throws IOException {
        assertEquals(ContentTypes.TEXT, detect("a.txt", "IL-6 and insulin\nbody").contentType());
        assertEquals(ContentTypes.MARKDOWN, detect("b.txt", "---\ntitle: Insulin\n---\n# Insulin\n").contentType());
        assertEquals(ContentTypes.MARKDOWN, detect("c.TXT", "\uFEFF---\ntitle: x\n---\n").contentType(), "BOM and case");
    }

    @Test
    void byExtension() throws IOException {
        assertEquals(ContentTypes.MARKDOWN, detect("a.md", "# x").contentType());
        assertEquals(ContentTypes.HTML, detect("a.html", "<html></html>").contentType());
        assertEquals(ContentTypes.HTML, detect("a.htm", "<p>x</p>").contentType());
        assertEquals(ContentTypes.PUBTATOR, detect("a.pubtator", "1|t|x\n1|a|y\n").contentType());
        ContentTypes.Upload ndjson = detect("a.ndjson", "{\"text\":\"x\"}\n{\"text\":\"y\"}\n");
        assertEquals(ContentTypes.NDJSON, ndjson.contentType());
        assertTrue(ndjson.batch());
        assertFalse(detect("a.json", "{\"text\":\"x\"}").batch());
    }

    @Test
    void xmlIsSentAsXmlForIngestToSniffExceptXhtml() throws IOException {
        assertEquals(ContentTypes.XML, detect("p.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE PubmedArticleSet>\n<PubmedArticleSet/>").contentType());
        assertEquals(ContentTypes.XML, detect("j.nxml", "<article xmlns:xlink=\"x\"/>").contentType());
        assertEquals(ContentTypes.XML, detect("b.xml", "<collection><source>x</source></collection>").contentType());
        assertEquals(ContentTypes.HTML, detect("x.xml", "<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\"/>").contentType());
    }

    @Test
    void jsonWithADocumentsArrayIsBioC() throws IOException {
        assertEquals(ContentTypes.BIOC_JSON, detect("c.json", "{\"source\": \"PubTator\", \"documents\": [{\"id\": \"1\"}]}").contentType());
        assertEquals(ContentTypes.JSON, detect("d.json", "{\"title\": \"t\", \"text\": \"documents are here\"}").contentType());
        assertEquals(ContentTypes.JSON, detect("e.json", "{\"title\": \"t\", \"metadata\": {\"documents\": []}}").contentType(),
                "a nested documents field is not a BioC collection");
    }

    @Test
    void unknownExtensionsAreSkipped() throws IOException {
        Path pdf = dir.resolve("paper.pdf");
        Files.writeString(pdf, "%PDF-1.7");
        assertTrue(ContentTypes.detect(pdf).isEmpty());
        Path noExtension = dir.resolve("README");
        Files.writeString(noExtension, "x");
        assertTrue(ContentTypes.detect(noExtension).isEmpty());
    }
}
