package io.litgraph.ingest.format;

import io.litgraph.ingest.service.ProblemException;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * text/html: the article's own text, without the page around it. The main content is the first
 * {@code <article>}, {@code <main>} or {@code [role=main]} (else the body); navigation, headers, footers,
 * asides, forms, scripts and blocks whose class/id or text mark them as page chrome (share and subscribe
 * boxes, "Article tools", "My recent searches", "Page generated in …") are dropped. Headings become
 * section-title passages, the blocks under them section passages.
 */
public class HtmlParser implements DocumentParser {
    private static final String DROPPED_TAGS = "script, style, noscript, template, nav, header, footer, aside, form, "
            + "iframe, button, select, input, svg, canvas, dialog, menu, [hidden], [aria-hidden=true], [role=navigation], "
            + "[role=banner], [role=contentinfo], [role=complementary], [role=search]";
    private static final Pattern CHROME_CLASS = Pattern.compile(
            "(^|[\\s_-])(nav|navbar|menu|breadcrumbs?|footer|header|sidebar|share|sharing|social|subscribe|subscription|"
                    + "newsletter|cookie|consent|advert|ads?|promo|related|recommended|comments?|toolbar|tools|signup|"
                    + "login|search|pagination|skip-link)($|[\\s_-])", Pattern.CASE_INSENSITIVE);
    private static final Pattern CHROME_TEXT = Pattern.compile(
            "^(page generated in\\b.*|article tools\\b.*|my recent searches\\b.*|share( this( article| page)?)?( on)?\\b.{0,40}|"
                    + "subscribe( to)?\\b.{0,60}|sign up for\\b.{0,60}|print( this)?( article| page)?|email( this)?( article| page)?|"
                    + "skip to (main )?content|back to top|related articles?|you may also like.*|advertisement)$",
            Pattern.CASE_INSENSITIVE);
    private static final String BLOCKS = "h1, h2, h3, h4, h5, h6, p, li, blockquote, pre, td, th, dt, dd, figcaption, caption, div, section";

    @Override
    public ParsedBody parse(String body) {
        Document page = Jsoup.parse(body);
        ParsedDocument doc = new ParsedDocument();
        doc.title = firstNonBlank(meta(page, "meta[property=og:title]"), meta(page, "meta[name=citation_title]"),
                page.title());
        doc.url = firstNonBlank(page.select("link[rel=canonical]").attr("href"), meta(page, "meta[property=og:url]"));
        doc.published = firstNonBlank(meta(page, "meta[property=article:published_time]"),
                meta(page, "meta[name=citation_publication_date]"), meta(page, "meta[name=date]"),
                page.select("time[datetime]").attr("datetime"));
        String author = firstNonBlank(meta(page, "meta[name=author]"), meta(page, "meta[name=citation_author]"));
        doc.authors = author == null ? null : List.of(author);
        doc.putMetadata("description", firstNonBlank(meta(page, "meta[name=description]"), meta(page, "meta[property=og:description]")));
        doc.putMetadata("siteName", meta(page, "meta[property=og:site_name]"));
        doc.putMetadata("language", page.select("html").attr("lang"));
        doc.putMetadata("keywords", meta(page, "meta[name=keywords]"));

        Element main = mainContent(page);
        main.select(DROPPED_TAGS).remove();
        removeChrome(main);

        List<String> section = new ArrayList<>();
        boolean titleSeen = false;
        for (Element block : leafBlocks(main)) {
            String text = TextNormalizer.collapseWhitespace(block.text());
            if (text.isEmpty() || CHROME_TEXT.matcher(text).matches()) {
                continue;
            }
            if (block.tagName().matches("h[1-6]")) {
                if (!titleSeen && (doc.title == null || doc.title.contains(text) || block.tagName().equals("h1"))
                        && section.isEmpty() && doc.passages.isEmpty()) {
                    // the page's own headline: the title, not a section
                    titleSeen = true;
                    if (doc.title == null || block.tagName().equals("h1")) {
                        doc.title = text;
                    }
                    continue;
                }
                flush(doc, section);
                doc.addPassage("section_title", text);
            } else {
                section.add(text);
            }
        }
        flush(doc, section);
        if (doc.passages.stream().noneMatch(p -> p.type().equals("section"))) {
            throw ProblemException.emptyText("no article text found in the HTML body");
        }
        return ParsedBody.single(Format.HTML, doc);
    }

    private static Element mainContent(Document page) {
        for (String selector : List.of("article", "main", "[role=main]", "#content, #main-content, .article-body, .entry-content, .post-content")) {
            Elements found = page.select(selector);
            if (!found.isEmpty()) {
                Element best = found.first();
                for (Element e : found) {
                    if (e.text().length() > best.text().length()) {
                        best = e;
                    }
                }
                if (!best.text().isBlank()) {
                    return best;
                }
            }
        }
        return page.body();
    }

    private static void removeChrome(Element root) {
        for (Element e : new ArrayList<>(root.getAllElements())) {
            if (e == root || e.parent() == null) {
                continue;
            }
            String marker = (e.className() + " " + e.id()).toLowerCase(Locale.ROOT);
            boolean chromeMarker = !marker.isBlank() && CHROME_CLASS.matcher(marker).find();
            if (chromeMarker && !e.is("article, main, p")) {
                e.remove();
                continue;
            }
            // short blocks whose whole text is page furniture
            String text = TextNormalizer.collapseWhitespace(e.ownText().isBlank() ? e.text() : e.text());
            if (text.length() <= 80 && !text.isEmpty() && CHROME_TEXT.matcher(text).matches() && e.select("p").size() <= 1) {
                e.remove();
            }
        }
    }

    /** Block elements that hold text directly, in document order (a li containing a p yields the p). */
    private static List<Element> leafBlocks(Element root) {
        List<Element> leaves = new ArrayList<>();
        for (Element e : root.select(BLOCKS)) {
            if (e.select(BLOCKS).size() == 1) {
                leaves.add(e);
            }
        }
        if (leaves.isEmpty() && !root.text().isBlank()) {
            leaves.add(root);
        }
        return leaves;
    }

    private static void flush(ParsedDocument doc, List<String> blocks) {
        if (!blocks.isEmpty()) {
            doc.addPassage("section", String.join("\n", blocks));
            blocks.clear();
        }
    }

    private static String meta(Document page, String selector) {
        String value = page.select(selector).attr("content");
        return value.isBlank() ? null : value.strip();
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return TextNormalizer.collapseWhitespace(v);
            }
        }
        return null;
    }
}
