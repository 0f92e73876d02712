package io.litgraph.ingest.format;

import io.litgraph.ingest.service.ProblemException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.util.List;

/** application/xml and text/xml: PubMed, PMC/JATS or BioC, told apart by the root element. */
public class XmlDocumentParser implements DocumentParser {
    @Override
    public ParsedBody parse(String body) {
        Document xml = SafeXml.parse(body);
        Element root = xml.getDocumentElement();
        String name = SafeXml.name(root);
        return switch (name) {
            case "PubmedArticleSet", "PubmedArticle" -> PubMedXml.read(root);
            case "pmc-articleset", "article" -> JatsXml.read(root);
            case "collection" -> BioCXml.read(root);
            default -> throw new ProblemException(415, "unsupported-xml", "Unsupported XML document",
                    "root element <" + name + "> is not PubMed (PubmedArticleSet), PMC/JATS (article, pmc-articleset) or BioC (collection)",
                    java.util.Map.of("supportedRoots", List.of("PubmedArticleSet", "PubmedArticle", "pmc-articleset", "article", "collection")));
        };
    }
}
