package io.litgraph.cli.ingest;

import java.nio.file.Path;
import java.util.List;

/**
 * What ingest-service made of one file: how many of its documents were new, duplicates or rejected, the
 * ids to wait for, and the reasons of failures.
 */
public record FileOutcome(Path file, int accepted, int duplicates, int failed, List<String> documentIds,
                          List<String> errors) {

    public static FileOutcome failure(Path file, String reason) {
        return new FileOutcome(file, 0, 0, 1, List.of(), List.of(reason));
    }
}
