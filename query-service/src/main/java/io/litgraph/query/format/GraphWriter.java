package io.litgraph.query.format;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.litgraph.query.repository.GraphExportQueries;
import io.litgraph.query.repository.GraphExportQueries.Edge;
import io.litgraph.query.repository.GraphExportQueries.Node;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes the streamed graph in one {@link GraphFormat}. KGX formats write nodes and edges as the two files
 * KGX reads ({@code nodes.jsonl}/{@code edges.jsonl} or {@code .tsv}), either as the entries of one zip
 * stream or, when only one part is asked for, as that file alone.
 */
public final class GraphWriter implements GraphExportQueries.Sink {
    private final GraphFormat format;
    private final ZipOutputStream zip;
    private final OutputStream out;
    private final JsonGenerator generator;
    private boolean entryOpen;

    public GraphWriter(GraphFormat format, ObjectMapper json, OutputStream target, boolean zipped) throws IOException {
        this.format = format;
        OutputStream buffered = new BufferedOutputStream(target, 1 << 16);
        this.zip = zipped ? new ZipOutputStream(buffered, StandardCharsets.UTF_8) : null;
        this.out = zipped ? zip : buffered;
        // one generator for the whole stream: no per-record buffers; records are separated by newlines only
        this.generator = format == GraphFormat.KGX_JSONL ? json.getFactory().createGenerator(out)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET).disable(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM)
                .setRootValueSeparator(null) : null;
    }

    @Override
    public void nodes() throws IOException {
        begin("nodes", KgxRecords.NODE_COLUMNS);
    }

    @Override
    public void node(Node node) throws IOException {
        write(KgxRecords.node(node));
    }

    @Override
    public void edges() throws IOException {
        begin("edges", format == GraphFormat.CSV ? CsvEdges.COLUMNS : KgxRecords.EDGE_COLUMNS);
    }

    @Override
    public void edge(Edge edge) throws IOException {
        if (format == GraphFormat.CSV) {
            line(CsvEdges.row(edge), ',');
        } else {
            write(KgxRecords.edge(edge));
        }
    }

    public void finish() throws IOException {
        if (generator != null) {
            generator.flush();
        }
        if (zip != null) {
            if (entryOpen) {
                zip.closeEntry();
            }
            zip.finish();
        }
        out.flush();
    }

    private void begin(String part, List<String> columns) throws IOException {
        if (generator != null) {
            generator.flush(); // into the entry it belongs to
        }
        if (zip != null) {
            if (entryOpen) {
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry(part + "." + format.extension()));
            entryOpen = true;
        }
        if (format == GraphFormat.KGX_TSV) {
            line(columns, '\t');
        } else if (format == GraphFormat.CSV) {
            line(columns, ',');
        }
    }

    private void write(Map<String, Object> record) throws IOException {
        if (format == GraphFormat.KGX_JSONL) {
            generator.writeStartObject();
            for (Map.Entry<String, Object> field : record.entrySet()) {
                generator.writeFieldName(field.getKey());
                writeValue(field.getValue());
            }
            generator.writeEndObject();
            generator.writeRaw('\n');
        } else {
            line(record.values().stream().map(GraphWriter::tsvValue).toList(), '\t');
        }
    }

    private void writeValue(Object value) throws IOException {
        if (value == null) {
            generator.writeNull();
        } else if (value instanceof String s) {
            generator.writeString(s);
        } else if (value instanceof Integer i) {
            generator.writeNumber(i);
        } else if (value instanceof Double d) {
            generator.writeNumber(d);
        } else if (value instanceof Boolean b) {
            generator.writeBoolean(b);
        } else if (value instanceof Collection<?> list) {
            generator.writeStartArray();
            for (Object item : list) {
                writeValue(item);
            }
            generator.writeEndArray();
        } else {
            generator.writeString(String.valueOf(value));
        }
    }

    private void line(List<String> values, char separator) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                line.append(separator);
            }
            line.append(separator == ',' ? CsvEdges.quote(values.get(i)) : values.get(i));
        }
        line.append('\n');
        out.write(line.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** KGX TSV: lists joined by '|'; a tab, newline or '|' inside a value would break the columns, so it becomes a space. */
    static String tsvValue(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Collection<?> list) {
            return String.join("|", list.stream().map(v -> clean(String.valueOf(v))).toList());
        }
        return clean(String.valueOf(value));
    }

    private static String clean(String s) {
        return s.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ').replace('|', ' ');
    }
}
