package io.litgraph.query.format;

import io.litgraph.query.model.DocumentDetail;

import java.io.IOException;

/**
 * Writes documents in one format as a stream: {@link #start()}, any number of {@link #write}, then
 * {@link #end()}. Streaming lets an export of many documents run in constant memory.
 */
public interface DocumentWriter {

    void start() throws IOException;

    void write(DocumentDetail document) throws IOException;

    void end() throws IOException;
}
