package io.litgraph.ingest.format;

import org.w3c.dom.Element;
import org.w3c.dom.Node;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static io.litgraph.ingest.format.SafeXml.child;
import static io.litgraph.ingest.format.SafeXml.children;
import static io.litgraph.ingest.format.SafeXml.path;
import static io.litgraph.ingest.format.SafeXml.text;

/**
 * PMC full text (JATS / NLM archiving), bare {@code <article>} or inside efetch's {@code <pmc-articleset>}.
 * Sections are kept: every {@code <sec>} title is a section_title passage and every paragraph its own
 * passage (abstract or paragraph), in document order. Tables, figures, formulas and the reference list
 * are left out: they are not running text.
 */
final class JatsXml {
    private static final Set<String> NOT_RUNNING_TEXT = Set.of("table-wrap", "table-wrap-group", "fig", "fig-group",
            "disp-formula", "supplementary-material", "graphic", "media", "alternatives");
    private static final Set<String> PARAGRAPHS = Set.of("p", "disp-quote", "list", "def-list", "boxed-text", "statement");

    private JatsXml() {
    }

    static ParsedBody read(Element root) {
        List<Element> articles = SafeXml.name(root).equals("article") ? List.of(root) : children(root, "article");
        List<ParsedDocument> docs = new ArrayList<>();
        for (Element article : articles) {
            docs.add(article(article));
        }
        return new ParsedBody(Format.JATS_XML, docs);
    }

    private static ParsedDocument article(Element article) {
        ParsedDocument doc = new ParsedDocument();
        Element meta = path(article, "front/article-meta");
        String pmid = null;
        String pmc = null;
        String doi = null;
        for (Element id : children(meta, "article-id")) {
            switch (id.getAttribute("pub-id-type")) {
                case "pmid" -> pmid = text(id);
                case "pmc", "pmcid" -> pmc = text(id);
                case "doi" -> doi = text(id);
                default -> {
                }
            }
        }
        String pmcid = pmc == null ? null : pmc.startsWith("PMC") ? pmc : "PMC" + pmc;
        doc.id = pmid != null ? "PMID:" + pmid : pmcid;
        doc.source = "PMC";
        doc.url = pmcid == null ? null : "https://pmc.ncbi.nlm.nih.gov/articles/" + pmcid + "/";
        doc.title = text(meta, "title-group/article-title");
        doc.putMetadata("pmid", pmid);
        doc.putMetadata("pmcid", pmcid);
        doc.putMetadata("doi", doi);
        doc.putMetadata("articleType", article.getAttribute("article-type"));
        doc.putMetadata("journal", text(article, "front/journal-meta/journal-title-group/journal-title"));
        doc.putMetadata("keywords", SafeXml.descendants(meta == null ? article : meta, "kwd").stream().map(SafeXml::text).toList());
        doc.putMetadata("license", license(meta));
        doc.published = date(meta);
        doc.authors = authors(meta);

        for (Element abstractElement : children(meta, "abstract")) {
            String type = abstractElement.getAttribute("abstract-type");
            if (!type.isEmpty() && !type.equals("structured")) {
                continue; // teaser, graphical, author summary…: not the abstract proper
            }
            content(abstractElement, doc, "abstract");
        }
        Element body = child(article, "body");
        if (body != null) {
            content(body, doc, "paragraph");
        }
        return doc;
    }

    /** Paragraphs and (nested) sections of a container, in document order. */
    private static void content(Element container, ParsedDocument doc, String paragraphType) {
        for (Node n = container.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (!(n instanceof Element e)) {
                continue;
            }
            String name = SafeXml.name(e);
            if (name.equals("sec")) {
                String title = text(child(e, "title"));
                if (title != null && !title.isEmpty()) {
                    doc.addPassage("section_title", title);
                }
                content(e, doc, paragraphType);
            } else if (PARAGRAPHS.contains(name)) {
                String text = runningText(e);
                if (!text.isEmpty()) {
                    doc.addPassage(paragraphType, text);
                }
            }
        }
    }

    private static String runningText(Element paragraph) {
        Element copy = (Element) paragraph.cloneNode(true);
        for (String name : NOT_RUNNING_TEXT) {
            for (Element e : SafeXml.descendants(copy, name)) {
                if (e.getParentNode() != null) {
                    e.getParentNode().removeChild(e);
                }
            }
        }
        return TextNormalizer.collapseWhitespace(copy.getTextContent());
    }

    private static String date(Element meta) {
        for (String preferred : List.of("epub", "ppub", "pub", "collection", "epub-ppub")) {
            for (Element date : children(meta, "pub-date")) {
                String type = date.getAttribute("pub-type");
                if (type.isEmpty()) {
                    type = date.getAttribute("date-type");
                }
                if (preferred.equals(type)) {
                    String year = text(date, "year");
                    if (year == null) {
                        continue;
                    }
                    String month = text(date, "month");
                    String day = text(date, "day");
                    return year + (month == null ? "" : "-" + pad(month) + (day == null ? "" : "-" + pad(day)));
                }
            }
        }
        return null;
    }

    private static String pad(String n) {
        return n.length() == 1 ? "0" + n : n;
    }

    private static List<String> authors(Element meta) {
        List<String> authors = new ArrayList<>();
        for (Element group : children(meta, "contrib-group")) {
            for (Element contrib : children(group, "contrib")) {
                if (!"author".equals(contrib.getAttribute("contrib-type"))) {
                    continue;
                }
                Element name = child(contrib, "name");
                if (name != null) {
                    String surname = text(name, "surname");
                    String given = text(name, "given-names");
                    authors.add(given == null ? surname : surname + " " + given);
                } else if (child(contrib, "collab") != null) {
                    authors.add(text(child(contrib, "collab")));
                }
            }
        }
        return authors.isEmpty() ? null : authors;
    }

    private static String license(Element meta) {
        Element license = path(meta, "permissions/license");
        if (license == null) {
            return null;
        }
        String href = license.getAttributeNS("http://www.w3.org/1999/xlink", "href");
        if (!href.isEmpty()) {
            return href;
        }
        List<Element> refs = SafeXml.descendants(license, "license_ref");
        return refs.isEmpty() ? null : text(refs.get(0));
    }
}
