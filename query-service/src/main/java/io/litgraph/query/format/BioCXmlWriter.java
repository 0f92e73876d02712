package io.litgraph.query.format;

import io.litgraph.query.format.BioCModel.Annotation;
import io.litgraph.query.format.BioCModel.BioCDocument;
import io.litgraph.query.format.BioCModel.BioCPassage;
import io.litgraph.query.format.BioCModel.BioCRelation;
import io.litgraph.query.format.BioCModel.Node;
import io.litgraph.query.model.DocumentDetail;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.Map;

/** BioC XML (BioC.dtd): a collection with one document per {@link #write}. */
public class BioCXmlWriter implements DocumentWriter {
    private final XMLStreamWriter xml;

    public BioCXmlWriter(OutputStream out) {
        try {
            this.xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void start() throws IOException {
        try {
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeDTD("<!DOCTYPE collection SYSTEM \"BioC.dtd\">");
            xml.writeStartElement("collection");
            element("source", "litgraph");
            element("date", LocalDate.now().toString());
            element("key", "BioC.key");
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }

    @Override
    public void write(DocumentDetail detail) throws IOException {
        BioCDocument doc = BioCModel.of(detail);
        try {
            xml.writeStartElement("document");
            element("id", doc.id());
            infons(doc.infons());
            for (BioCPassage p : doc.passages()) {
                xml.writeStartElement("passage");
                infons(p.infons());
                element("offset", Integer.toString(p.offset()));
                element("text", p.text());
                for (Annotation a : p.annotations()) {
                    xml.writeStartElement("annotation");
                    xml.writeAttribute("id", a.id());
                    infons(a.infons());
                    xml.writeEmptyElement("location");
                    xml.writeAttribute("offset", Integer.toString(a.offset()));
                    xml.writeAttribute("length", Integer.toString(a.length()));
                    element("text", a.text());
                    xml.writeEndElement();
                }
                xml.writeEndElement();
            }
            for (BioCRelation r : doc.relations()) {
                xml.writeStartElement("relation");
                xml.writeAttribute("id", r.id());
                infons(r.infons());
                for (Node n : r.nodes()) {
                    xml.writeEmptyElement("node");
                    xml.writeAttribute("refid", n.refid());
                    xml.writeAttribute("role", n.role());
                }
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.flush();
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }

    @Override
    public void end() throws IOException {
        try {
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.flush();
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }

    private void infons(Map<String, String> infons) throws XMLStreamException {
        for (Map.Entry<String, String> e : infons.entrySet()) {
            xml.writeStartElement("infon");
            xml.writeAttribute("key", e.getKey());
            xml.writeCharacters(e.getValue());
            xml.writeEndElement();
        }
    }

    private void element(String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text == null ? "" : text);
        xml.writeEndElement();
    }
}
