package io.litgraph.nlp.vocab;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * NLM's MeSH descriptor XML (desc20xx.xml, optionally gzipped), streamed with StAX: DescriptorRecord →
 * DescriptorUI, DescriptorName/String, TreeNumberList/TreeNumber, ConceptList/Concept/TermList/Term/String.
 * External entities and DTDs are disabled (the file declares a DTD the reader must not fetch).
 */
public final class MeshXmlReader {

    private MeshXmlReader() {
    }

    public static void read(Path file, Consumer<MeshDescriptor> sink) throws IOException {
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw) {
            read(in, sink);
        }
    }

    public static void read(InputStream in, Consumer<MeshDescriptor> sink) throws IOException {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        try {
            XMLStreamReader x = f.createXMLStreamReader(in);
            List<String> path = new ArrayList<>();
            String ui = null;
            String name = null;
            List<String> terms = new ArrayList<>();
            List<String> trees = new ArrayList<>();
            while (x.hasNext()) {
                int ev = x.next();
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    String el = x.getLocalName();
                    path.add(el);
                    if (el.equals("DescriptorRecord")) {
                        ui = null;
                        name = null;
                        terms = new ArrayList<>();
                        trees = new ArrayList<>();
                    } else if (el.equals("DescriptorUI") && parentIs(path, "DescriptorRecord")) {
                        ui = x.getElementText().strip();
                        path.remove(path.size() - 1);
                    } else if (el.equals("String") && parentIs(path, "DescriptorName") && grandParentIs(path, "DescriptorRecord")) {
                        name = x.getElementText().strip();
                        path.remove(path.size() - 1);
                    } else if (el.equals("String") && parentIs(path, "Term")) {
                        terms.add(x.getElementText().strip());
                        path.remove(path.size() - 1);
                    } else if (el.equals("TreeNumber") && parentIs(path, "TreeNumberList")) {
                        trees.add(x.getElementText().strip());
                        path.remove(path.size() - 1);
                    }
                } else if (ev == XMLStreamConstants.END_ELEMENT) {
                    String el = x.getLocalName();
                    path.remove(path.size() - 1);
                    if (el.equals("DescriptorRecord") && ui != null && name != null) {
                        List<String> entries = new ArrayList<>();
                        for (String t : terms) {
                            if (!t.equals(name)) {
                                entries.add(t);
                            }
                        }
                        sink.accept(new MeshDescriptor(ui, name, entries, trees));
                    }
                }
            }
        } catch (XMLStreamException e) {
            throw new IOException("bad MeSH XML: " + e.getMessage(), e);
        }
    }

    /** path's last element is the current element; its parent is the one before. */
    private static boolean parentIs(List<String> path, String el) {
        return path.size() >= 2 && path.get(path.size() - 2).equals(el);
    }

    private static boolean grandParentIs(List<String> path, String el) {
        return path.size() >= 3 && path.get(path.size() - 3).equals(el);
    }
}
