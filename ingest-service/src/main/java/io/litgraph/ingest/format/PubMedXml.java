package io.litgraph.ingest.format;

import org.w3c.dom.Element;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.litgraph.ingest.format.SafeXml.child;
import static io.litgraph.ingest.format.SafeXml.children;
import static io.litgraph.ingest.format.SafeXml.path;
import static io.litgraph.ingest.format.SafeXml.text;

/**
 * PubMed efetch XML ({@code PubmedArticleSet}, one or many {@code PubmedArticle}). Per article: id
 * {@code PMID:<n>}, the title passage, one abstract passage per {@code AbstractText} (its Label and
 * NlmCategory go to metadata {@code abstractSections} with the passage index), and DOI, journal, date, authors, MeSH headings,
 * keywords and publication types as metadata. An article without an abstract is its title alone.
 */
final class PubMedXml {
    private PubMedXml() {
    }

    static ParsedBody read(Element root) {
        List<Element> articles = SafeXml.name(root).equals("PubmedArticle") ? List.of(root) : children(root, "PubmedArticle");
        List<ParsedDocument> docs = new ArrayList<>();
        for (Element article : articles) {
            docs.add(article(article));
        }
        for (Element book : children(root, "PubmedBookArticle")) {
            ParsedDocument skipped = new ParsedDocument();
            skipped.id = "PMID:" + text(book, "BookDocument/PMID");
            skipped.error = "PubmedBookArticle is not supported";
            docs.add(skipped);
        }
        return new ParsedBody(Format.PUBMED_XML, docs);
    }

    private static ParsedDocument article(Element pubmedArticle) {
        ParsedDocument doc = new ParsedDocument();
        Element citation = child(pubmedArticle, "MedlineCitation");
        Element article = child(citation, "Article");
        String pmid = text(citation, "PMID");
        if (pmid == null || pmid.isEmpty() || article == null) {
            doc.error = "PubmedArticle without MedlineCitation/PMID or Article";
            return doc;
        }
        doc.id = "PMID:" + pmid;
        doc.source = "PubMed";
        doc.url = "https://pubmed.ncbi.nlm.nih.gov/" + pmid + "/";
        doc.title = text(article, "ArticleTitle");
        if (doc.title == null || doc.title.isEmpty()) {
            doc.title = text(article, "VernacularTitle");
        }

        List<Map<String, Object>> sections = new ArrayList<>();
        Element abstractElement = child(article, "Abstract");
        for (Element abstractText : children(abstractElement, "AbstractText")) {
            String text = text(abstractText);
            if (text == null || text.isEmpty()) {
                continue;
            }
            doc.addPassage("abstract", text);
            String label = abstractText.getAttribute("Label");
            String category = abstractText.getAttribute("NlmCategory");
            if (!label.isEmpty() || !category.isEmpty()) {
                Map<String, Object> section = new LinkedHashMap<>();
                // index into the published passages, where the title (when there is one) comes first
                section.put("passageIndex", doc.passages.size() - 1 + (TextNormalizer.isBlank(doc.title) ? 0 : 1));
                if (!label.isEmpty()) {
                    section.put("label", label);
                }
                if (!category.isEmpty()) {
                    section.put("nlmCategory", category);
                }
                sections.add(section);
            }
        }
        doc.putMetadata("pmid", pmid);
        doc.putMetadata("abstractSections", sections);
        doc.putMetadata("copyright", text(abstractElement, "CopyrightInformation"));
        doc.putMetadata("doi", doi(pubmedArticle, article));
        doc.putMetadata("journal", text(article, "Journal/Title"));
        doc.putMetadata("journalAbbreviation", text(article, "Journal/ISOAbbreviation"));
        doc.putMetadata("language", text(article, "Language"));
        doc.published = date(article);
        doc.authors = authors(article);
        doc.putMetadata("meshHeadings", mesh(citation));
        doc.putMetadata("keywords", children(child(citation, "KeywordList"), "Keyword").stream().map(SafeXml::text).toList());
        doc.putMetadata("publicationTypes", children(child(article, "PublicationTypeList"), "PublicationType").stream()
                .map(SafeXml::text).toList());
        doc.putMetadata("chemicals", children(child(citation, "ChemicalList"), "Chemical").stream()
                .map(c -> text(c, "NameOfSubstance")).toList());
        return doc;
    }

    private static String doi(Element pubmedArticle, Element article) {
        for (Element id : children(path(pubmedArticle, "PubmedData/ArticleIdList"), "ArticleId")) {
            if ("doi".equals(id.getAttribute("IdType"))) {
                return text(id);
            }
        }
        for (Element location : children(article, "ELocationID")) {
            if ("doi".equals(location.getAttribute("EIdType"))) {
                return text(location);
            }
        }
        return null;
    }

    /** ISO-like date: the journal issue's PubDate (Year[-Month[-Day]]) or MedlineDate, else the ArticleDate. */
    private static String date(Element article) {
        Element pubDate = path(article, "Journal/JournalIssue/PubDate");
        String date = ymd(pubDate);
        if (date == null && pubDate != null) {
            date = text(pubDate, "MedlineDate");
        }
        return date != null ? date : ymd(child(article, "ArticleDate"));
    }

    private static String ymd(Element date) {
        String year = text(date, "Year");
        if (year == null || year.isEmpty()) {
            return null;
        }
        String month = month(text(date, "Month"));
        String day = text(date, "Day");
        if (month == null) {
            return year;
        }
        return day == null || day.isEmpty() ? year + "-" + month : year + "-" + month + "-" + (day.length() == 1 ? "0" + day : day);
    }

    private static String month(String month) {
        if (month == null || month.isEmpty()) {
            return null;
        }
        if (month.chars().allMatch(Character::isDigit)) {
            return month.length() == 1 ? "0" + month : month;
        }
        List<String> names = List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");
        int index = names.indexOf(month.toLowerCase().substring(0, Math.min(3, month.length())));
        return index < 0 ? null : String.format("%02d", index + 1);
    }

    private static List<String> authors(Element article) {
        List<String> authors = new ArrayList<>();
        for (Element author : children(child(article, "AuthorList"), "Author")) {
            String collective = text(author, "CollectiveName");
            if (collective != null && !collective.isEmpty()) {
                authors.add(collective);
                continue;
            }
            String last = text(author, "LastName");
            String fore = text(author, "ForeName");
            if (fore == null || fore.isEmpty()) {
                fore = text(author, "Initials");
            }
            if (last != null && !last.isEmpty()) {
                authors.add(fore == null || fore.isEmpty() ? last : last + " " + fore);
            }
        }
        return authors.isEmpty() ? null : authors;
    }

    private static List<Map<String, Object>> mesh(Element citation) {
        List<Map<String, Object>> headings = new ArrayList<>();
        for (Element heading : children(child(citation, "MeshHeadingList"), "MeshHeading")) {
            Element descriptor = child(heading, "DescriptorName");
            if (descriptor == null) {
                continue;
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("descriptor", text(descriptor));
            if (!descriptor.getAttribute("UI").isEmpty()) {
                entry.put("ui", descriptor.getAttribute("UI"));
            }
            entry.put("majorTopic", "Y".equals(descriptor.getAttribute("MajorTopicYN")));
            List<String> qualifiers = children(heading, "QualifierName").stream().map(SafeXml::text).toList();
            if (!qualifiers.isEmpty()) {
                entry.put("qualifiers", qualifiers);
            }
            headings.add(entry);
        }
        return headings;
    }
}
