package io.litgraph.ingest.format;

import io.litgraph.ingest.service.ProblemException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/**
 * DOM parsing hardened against hostile XML: DOCTYPEs are allowed (PubMed and PubTator declare one) but
 * never fetched, external entities are neither loaded nor expanded, and the JDK's secure-processing
 * limits stop entity-expansion bombs ("billion laughs").
 */
public final class SafeXml {
    private static final DocumentBuilderFactory FACTORY = factory();

    private SafeXml() {
    }

    private static DocumentBuilderFactory factory() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setValidating(false);
            f.setXIncludeAware(false);
            // expanded, so that the entity-expansion limit below applies (unexpanded references would hide a bomb)
            f.setExpandEntityReferences(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            // far below the JDK default of 64000: real literature XML uses numeric character references
            f.setAttribute("http://www.oracle.com/xml/jaxp/properties/entityExpansionLimit", "2000");
            return f;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK XML parser does not support secure processing", e);
        }
    }

    public static Document parse(String xml) {
        try {
            DocumentBuilder builder = FACTORY.newDocumentBuilder();
            builder.setEntityResolver((publicId, systemId) -> new InputSource(new StringReader("")));
            builder.setErrorHandler(null);
            return builder.parse(new InputSource(new StringReader(xml)));
        } catch (SAXParseException e) {
            throw ProblemException.malformed("xml", e.getMessage(), e.getLineNumber(), e.getColumnNumber());
        } catch (SAXException e) {
            throw ProblemException.malformed("xml", e.getMessage(), null, null);
        } catch (IOException | ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    // --- small DOM helpers for the format readers

    static List<Element> children(Node parent, String localName) {
        List<Element> found = new ArrayList<>();
        if (parent == null) {
            return found;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(name(e))) {
                found.add(e);
            }
        }
        return found;
    }

    static Element child(Node parent, String localName) {
        List<Element> found = children(parent, localName);
        return found.isEmpty() ? null : found.get(0);
    }

    /** The first element at a child path such as "Article/Journal/Title", or null. */
    static Element path(Node from, String path) {
        Node current = from;
        for (String step : path.split("/")) {
            current = child(current, step);
            if (current == null) {
                return null;
            }
        }
        return (Element) current;
    }

    static List<Element> descendants(Element root, String localName) {
        List<Element> found = new ArrayList<>();
        var nodes = root.getElementsByTagNameNS("*", localName);
        for (int i = 0; i < nodes.getLength(); i++) {
            found.add((Element) nodes.item(i));
        }
        return found;
    }

    static String name(Element e) {
        return e.getLocalName() != null ? e.getLocalName() : e.getTagName();
    }

    /** Text content with whitespace runs collapsed; null for a missing element. */
    static String text(Element e) {
        return e == null ? null : TextNormalizer.collapseWhitespace(e.getTextContent());
    }

    static String text(Node from, String path) {
        return text(path(from, path));
    }
}
