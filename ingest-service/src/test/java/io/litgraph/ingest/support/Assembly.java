package io.litgraph.ingest.support;

import io.litgraph.events.DocumentPayload;
import io.litgraph.events.PassagePayload;
import io.litgraph.ingest.config.IngestConfig;
import io.litgraph.ingest.format.ParsedDocument;
import io.litgraph.ingest.service.AssembledDocument;
import io.litgraph.ingest.service.DocumentAssembler;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The assembler outside Quarkus, and the offset invariant every format must keep. */
public final class Assembly {
    private Assembly() {
    }

    public static DocumentAssembler assembler(long maxTextBytes) {
        return new DocumentAssembler(new IngestConfig() {
            @Override
            public Optional<List<String>> apiKeys() {
                return Optional.empty();
            }

            @Override
            public long maxTextBytes() {
                return maxTextBytes;
            }

            @Override
            public long maxBodyBytes() {
                return 2 * maxTextBytes;
            }

            @Override
            public Relay relay() {
                return null;
            }
        });
    }

    public static AssembledDocument assemble(ParsedDocument doc) {
        AssembledDocument assembled = assembler(10_000_000).assemble(doc);
        assertOffsetsConsistent(assembled.payload());
        return assembled;
    }

    /** Passages start at non-negative offsets, in order, without overlapping. */
    public static void assertOffsetsConsistent(DocumentPayload payload) {
        int end = 0;
        for (PassagePayload p : payload.passages()) {
            assertTrue(p.offset() >= end, () -> "passage " + p.type() + " at " + p.offset() + " overlaps the previous one (ends " + ")");
            end = p.offset() + p.text().length();
        }
    }

    /** The whole document as one string in document coordinates (gaps filled with spaces). */
    public static String documentText(DocumentPayload payload) {
        StringBuilder text = new StringBuilder();
        for (PassagePayload p : payload.passages()) {
            while (text.length() < p.offset()) {
                text.append(' ');
            }
            text.append(p.text());
        }
        return text.toString();
    }
}
