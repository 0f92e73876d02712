package io.litgraph.ingest.service;

import io.litgraph.events.DocumentPayload;
import io.litgraph.events.PassagePayload;
import io.litgraph.ingest.config.IngestConfig;
import io.litgraph.ingest.format.ParsedDocument;
import io.litgraph.ingest.format.ParsedPassage;
import io.litgraph.ingest.format.StorableText;
import io.litgraph.ingest.format.TextNormalizer;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns a parsed document into passages with document-global offsets (PubTator convention: title at 0,
 * each following passage one character after the previous one ends) and computes its content hash.
 */
@ApplicationScoped
public class DocumentAssembler {
    /** Ids travel in URLs and Kafka keys: letters, digits and . _ : - only. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,199}");

    private final IngestConfig config;

    public DocumentAssembler(IngestConfig config) {
        this.config = config;
    }

    public AssembledDocument assemble(ParsedDocument doc) {
        Map<String, Integer> sanitized = StorableText.clean(doc);
        if (doc.error != null) {
            throw ProblemException.invalid(doc.error);
        }
        if (doc.id != null && !ID.matcher(doc.id).matches()) {
            throw ProblemException.invalid("id '" + abbreviate(doc.id) + "' must match " + ID.pattern());
        }
        String title = TextNormalizer.isBlank(doc.title) ? null : TextNormalizer.collapseWhitespace(doc.title);
        boolean sourceOffsets = !doc.passages.isEmpty() && doc.passages.stream().allMatch(p -> p.offset() != null);
        List<PassagePayload> passages = sourceOffsets ? keepOffsets(doc.passages) : computeOffsets(title, doc.passages);
        if (passages.stream().allMatch(p -> TextNormalizer.isBlank(p.text()))) {
            throw ProblemException.emptyText("the document has no text (empty or whitespace only)");
        }
        long bytes = passages.stream().mapToLong(p -> utf8Length(p.text())).sum();
        if (bytes > config.maxTextBytes()) {
            throw ProblemException.tooLarge(bytes, config.maxTextBytes());
        }
        DocumentPayload payload = new DocumentPayload(title, passages, blankToNull(doc.source), blankToNull(doc.url),
                blankToNull(doc.published), emptyToNull(doc.authors), emptyToNull(doc.tags),
                doc.metadata.isEmpty() ? null : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(doc.metadata)));
        return new AssembledDocument(doc.id, payload, contentHash(passages), sanitized);
    }

    private static List<PassagePayload> computeOffsets(String title, List<ParsedPassage> parsed) {
        List<PassagePayload> passages = new ArrayList<>();
        int offset = 0;
        if (title != null) {
            passages.add(new PassagePayload("title", 0, title));
            offset = title.length() + 1;
        }
        for (ParsedPassage p : parsed) {
            String text = p.text() == null ? "" : p.text().strip();
            if (text.isEmpty()) {
                continue;
            }
            passages.add(new PassagePayload(p.type(), offset, text));
            offset += text.length() + 1;
        }
        return passages;
    }

    /**
     * Gaps between given passages (skipped tables, figures …) may add at most this many characters to the
     * document's extent: the same rule as the engine's input ({@code io.litgraph.nlp.InputDocument}), so a
     * document the engine would refuse is refused here, before it is accepted.
     */
    static final long MAX_TOTAL_GAP = 1_000_000;

    /** BioC/PubTator offsets are kept as given, but they must not run backwards, overlap or leave huge gaps. */
    private static List<PassagePayload> keepOffsets(List<ParsedPassage> parsed) {
        List<PassagePayload> passages = new ArrayList<>();
        long end = 0;
        long text = 0;
        for (ParsedPassage p : parsed) {
            if (p.offset() < end) {
                throw ProblemException.invalid("passage offsets must increase and not overlap: a '" + p.type()
                        + "' passage starts at " + p.offset() + " but the previous one ends at " + end);
            }
            passages.add(new PassagePayload(p.type(), p.offset(), p.text()));
            end = (long) p.offset() + p.text().length();
            text += p.text().length();
        }
        if (end - text > MAX_TOTAL_GAP) {
            throw ProblemException.invalid("passage offsets leave " + (end - text) + " characters of gaps (at most "
                    + MAX_TOTAL_GAP + "): the last passage ends at " + end + " for " + text + " characters of text");
        }
        return passages;
    }

    /** SHA-256 over the NFC-normalized, whitespace-collapsed passage texts (title included), one per line. */
    static String contentHash(List<PassagePayload> passages) {
        StringBuilder canonical = new StringBuilder();
        for (PassagePayload p : passages) {
            String text = TextNormalizer.collapseWhitespace(Normalizer.normalize(p.text(), Normalizer.Form.NFC));
            if (!text.isEmpty()) {
                canonical.append(text).append('\n');
            }
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long utf8Length(String s) {
        long bytes = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c)) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static List<String> emptyToNull(List<String> list) {
        if (list == null) {
            return null;
        }
        List<String> cleaned = list.stream().filter(s -> s != null && !s.isBlank()).map(String::strip).toList();
        return cleaned.isEmpty() ? null : cleaned;
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
