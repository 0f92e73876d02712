package io.litgraph.nlp.structure;

import io.litgraph.nlp.InputDocument;
import io.litgraph.nlp.Passage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Line roles of plain text and text extracted from HTML: dates, bylines, affiliations, journal and citation
 * lines, page chrome and reference lists are told apart from the content, so that the engine does not mine them
 * ("Posted: March 31st" is a date, not the gene MARCH; an affiliation's "Diabetes Center" is not a disease).
 *
 * <p>Decisions are per line and conservative: a line is only given a role other than content when it is short
 * and shaped like that role (a sentence of running text never is). Abstract-style passages without line breaks
 * are one long line and stay content. {@link #mask} blanks the non-content lines with spaces, so every offset of
 * the document stays valid.
 */
public final class DocumentStructure {

    /** Lines longer than this are running text whatever they contain. */
    static final int MAX_META_LINE = 300;

    private static final String MONTH = "(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?";
    private static final Pattern DATE = Pattern.compile("^((posted|published|updated|last updated|date|released|received|"
            + "accepted|first published)( online)?( on)?:?\\s*)?(" + MONTH + "\\s+\\d{1,2}(st|nd|rd|th)?,?\\s+\\d{4}"
            + "|\\d{1,2}(st|nd|rd|th)?\\s+" + MONTH + ",?\\s+\\d{4}|" + MONTH + "\\s+\\d{4}|\\d{4}-\\d{2}-\\d{2}"
            + "|\\d{1,2}[/.]\\d{1,2}[/.]\\d{2,4})\\W*([|•·–-].{0,40})?$");
    /** "By Jane Doe" (case-sensitive: "By understanding ..." starts a sentence, not a byline) */
    private static final Pattern BY_NAME = Pattern.compile("^[Bb]y\\s+\\p{Lu}");
    private static final Pattern BYLINE = Pattern.compile("^((published|posted|written|reviewed|edited|"
            + "compiled|translated) by\\b|(article |original )?(authors?|editors?|contributors?|source|credits?|"
            + "image credit|photo( credit)?|reporter|correspondence|corresponding author|e-?mail|contact)\\s*:)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern INSTITUTION = Pattern.compile("\\b(universit(y|ies|é|ä|at|ario|à|eit)|department|dept\\.?|"
            + "institut(e|o)?|hospital|cent(er|re)|school of|college|laborator(y|ies)|faculty|clinic|klinik|"
            + "foundation|academy|division of)\\b", Pattern.CASE_INSENSITIVE);
    /** Words of running prose; an affiliation or name line has none of them. */
    private static final Set<String> PROSE = Set.of("is", "are", "was", "were", "be", "been", "has", "have", "had",
            "we", "our", "this", "these", "that", "which", "it", "can", "may", "not", "showed", "shows", "found",
            "suggest", "suggests", "than", "between", "whereas", "while", "because", "into", "by", "with");
    private static final Pattern JOURNAL = Pattern.compile("(\\bdoi:\\s*10\\.|doi\\.org/10\\.|\\bPMID:?\\s*\\d|\\bISSN\\b|"
            + "©|\\bcopyright\\b|\\ball rights reserved\\b|\\b(19|20)\\d{2}\\s*;\\s*\\d+\\s*(\\(\\d+\\))?\\s*:\\s*\\w?\\d+|"
            + "\\((19|20)\\d{2}\\)\\s+\\d+\\s+\\w*\\d|\\bvol(\\.|ume)\\s*\\d+|\\bpp\\.\\s*\\d+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern CHROME = Pattern.compile("^(share( this( article| page)?)?( on \\w+)?|tweet|print|e-?mail|"
            + "facebook|twitter|linkedin|whatsapp|reddit|pinterest|menu|home|search|sign in|sign up|log in|login|"
            + "register|subscribe( to [\\w ]+)?|newsletter|follow us( on \\w+)?|advertisement|sponsored( content)?|"
            + "read more|read next|see also|click here.*|related (articles|posts|content|stories)|"
            + "(most )?(popular|recent|latest) (articles|posts|news|searches)|comments?( \\(\\d+\\))?|leave a (comment|reply)|"
            + "skip to (main )?content|back to top|cookies?( policy| settings)?|accept( all)?( cookies)?|privacy policy|"
            + "terms (of use|and conditions)|contact us|about us|article tools|tools|download pdf|pdf|cite( this article)?|"
            + "permalink|table of contents|previous( article| post)?|next( article| post)?|tags?:.*|categor(y|ies):.*|"
            + "other languages:.*|no recent searches\\.?|my recent searches|view (full text|abstract)|full text|"
            + "(\\d+ )?(shares?|views?|likes?)|authors?|affiliations?|page generated in .*|.*\\bhosted by .*|"
            + "#\\S+(\\s+#\\S+)*)\\W*$", Pattern.CASE_INSENSITIVE);
    /** Separators of a navigation bar: "About - Legal Notice - Contact", "English | French | German". */
    private static final Pattern NAV_SEPARATOR = Pattern.compile("\\s+[-|•·›»/]\\s+");
    private static final Pattern REFERENCES_HEADING = Pattern.compile("^(\\d+\\.?\\s*)?(references|reference list|"
            + "bibliography|literature cited|works cited|sources|citations|further reading|notes)\\s*:?$",
            Pattern.CASE_INSENSITIVE);
    /** "[12] ...", "12. Smith J, ...", "Smith, J. A., & Doe, B. (2021). ..." */
    private static final Pattern CITATION = Pattern.compile("^(\\[\\d+\\]|\\d+\\.\\s+\\p{Lu}[\\p{L}'-]+,?\\s+\\p{Lu}{1,3}\\b|"
            + "\\p{Lu}[\\p{L}'-]+,\\s+(\\p{Lu}\\.\\s*){1,3}(,|&| and)).*\\((19|20)\\d{2}[a-z]?\\)|^\\[\\d+\\]\\s+\\p{Lu}");
    private static final Pattern NAME_LINE = Pattern.compile("^(\\p{Lu}[\\p{Ll}'’]+(-\\p{Lu}[\\p{Ll}'’]+)?|\\p{Lu}\\.)"
            + "(\\s+(\\p{Lu}[\\p{Ll}'’]+(-\\p{Lu}[\\p{Ll}'’]+)?|\\p{Lu}\\.|\\p{Lu}{2,}|van|von|de|da|del|di|le|la))"
            + "{1,4}\\s*[\\d,*†‡]*$");

    private DocumentStructure() {
    }

    /** The role of every line of {@code text} (lines split on '\n'), in order. */
    public static LineRole[] roles(String text) {
        String[] lines = text.split("\n", -1);
        LineRole[] roles = new LineRole[lines.length];
        Arrays.fill(roles, LineRole.CONTENT);
        boolean inReferences = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            if (inReferences) {
                // a reference list runs to the end, unless a line of prose ends it
                if (line.length() <= 600 && !proseParagraph(line)) {
                    roles[i] = LineRole.REFERENCE;
                    continue;
                }
                inReferences = false;
            }
            if (line.length() > MAX_META_LINE) {
                continue;
            }
            if (REFERENCES_HEADING.matcher(line).matches()) {
                roles[i] = LineRole.REFERENCE;
                inReferences = true;
            } else {
                roles[i] = role(line);
            }
        }
        // a name line next to an affiliation or byline is a byline ("Jane Doe" over "Department of ...")
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (roles[i] == LineRole.CONTENT && !line.isEmpty() && NAME_LINE.matcher(line).matches()
                    && (metaNeighbour(lines, roles, i, -1) || metaNeighbour(lines, roles, i, 1))) {
                roles[i] = LineRole.BYLINE;
            }
        }
        return roles;
    }

    static LineRole role(String line) {
        String lower = line.toLowerCase(Locale.ROOT);
        if (DATE.matcher(lower).matches()) {
            return LineRole.DATE;
        }
        if (BYLINE.matcher(line).find()
                || BY_NAME.matcher(line).find() && line.length() <= 100 && !hasProse(lower.substring(3))) {
            return LineRole.BYLINE;
        }
        if (CHROME.matcher(line).matches() || navigationBar(line)) {
            return LineRole.CHROME;
        }
        if (CITATION.matcher(line).find()) {
            return LineRole.REFERENCE;
        }
        if (JOURNAL.matcher(line).find() && !proseParagraph(line)) {
            return LineRole.JOURNAL;
        }
        if (INSTITUTION.matcher(line).find() && line.indexOf(',') > 0 && !hasProse(lower)) {
            return LineRole.AFFILIATION;
        }
        return LineRole.CONTENT;
    }

    /** At least three short items joined by separators, none of them a sentence. */
    private static boolean navigationBar(String line) {
        String[] items = NAV_SEPARATOR.split(line);
        if (items.length < 3) {
            return false;
        }
        for (String item : items) {
            if (item.isBlank() || item.strip().split("\\s+").length > 4 || item.strip().endsWith(".")) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasProse(String lower) {
        for (String w : lower.split("[^\\p{L}]+")) {
            if (PROSE.contains(w)) {
                return true;
            }
        }
        return false;
    }

    /** Several sentences of running text (a reference entry is one long "sentence" with many periods of initials). */
    private static boolean proseParagraph(String line) {
        String lower = line.toLowerCase(Locale.ROOT);
        int prose = 0;
        for (String w : lower.split("[^\\p{L}]+")) {
            prose += PROSE.contains(w) ? 1 : 0;
        }
        return prose >= 3 && !CITATION.matcher(line).find() && !JOURNAL.matcher(line).find();
    }

    private static boolean metaNeighbour(String[] lines, LineRole[] roles, int i, int step) {
        for (int k = i + step; k >= 0 && k < lines.length; k += step) {
            if (lines[k].isBlank()) {
                continue;
            }
            return roles[k] == LineRole.AFFILIATION || roles[k] == LineRole.BYLINE;
        }
        return false;
    }

    /**
     * The document with its non-content lines blanked (every character but line breaks replaced by a space): the
     * same passages, offsets and length, nothing left to mine there. Long passages without a line break (an
     * abstract) are returned as they are.
     */
    public static InputDocument mask(InputDocument document) {
        List<Passage> out = null;
        List<Passage> passages = document.passages();
        for (int p = 0; p < passages.size(); p++) {
            Passage passage = passages.get(p);
            String masked = mask(passage.text());
            if (masked != passage.text()) {
                if (out == null) {
                    out = new ArrayList<>(passages);
                }
                out.set(p, new Passage(passage.type(), passage.offset(), masked));
            }
        }
        return out == null ? document : new InputDocument(document.id(), List.copyOf(out));
    }

    /**
     * {@code text} with non-content lines blanked, or the same instance when there is nothing to blank. A passage of
     * one line (a "Posted: …" passage a parser split off) is blanked only when it is a date, byline or page chrome:
     * a short title or abstract may quote a citation or name an institution.
     */
    static String mask(String text) {
        if (text.indexOf('\n') < 0) {
            if (text.length() > MAX_META_LINE || text.isBlank()) {
                return text;
            }
            LineRole r = role(text.strip());
            return r == LineRole.DATE || r == LineRole.BYLINE || r == LineRole.CHROME ? " ".repeat(text.length()) : text;
        }
        LineRole[] roles = roles(text);
        char[] chars = null;
        int start = 0;
        for (LineRole role : roles) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            if (role != LineRole.CONTENT) {
                if (chars == null) {
                    chars = text.toCharArray();
                }
                Arrays.fill(chars, start, end, ' ');
            }
            start = end + 1;
        }
        return chars == null ? text : new String(chars);
    }
}
