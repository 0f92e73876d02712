package io.litgraph.query.format;

import io.litgraph.query.repository.GraphExportQueries.Edge;
import io.litgraph.query.service.BiolinkMapping;
import io.litgraph.query.service.Curies;

import java.util.List;

/** The CSV export: one RFC 4180 row per edge, both ends named, so that a spreadsheet needs no join. */
final class CsvEdges {
    static final List<String> COLUMNS = List.of("subject", "subject_name", "subject_category", "predicate", "object",
            "object_name", "object_category", "biored_relation_type", "directed", "document_count", "evidence_count",
            "belief", "publications");

    private CsvEdges() {
    }

    static List<String> row(Edge e) {
        return List.of(Curies.concept(e.subjectId()), e.subjectName(), BiolinkMapping.category(e.subjectType()),
                BiolinkMapping.predicate(e.type()), Curies.concept(e.objectId()), e.objectName(),
                BiolinkMapping.category(e.objectType()), e.type(), Boolean.toString(e.directed()),
                Integer.toString(e.documentCount()), Integer.toString(e.evidenceCount()), Double.toString(e.belief()),
                String.join("|", KgxRecords.publications(e.documents())));
    }

    static String quote(String value) {
        if (value == null) {
            return "";
        }
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
