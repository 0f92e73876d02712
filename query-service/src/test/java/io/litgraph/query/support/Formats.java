package io.litgraph.query.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Assumptions;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/** Validates exports against the real BioC DTD and JSON schema in ../../shared/formats/bioc (skips when absent). */
public final class Formats {
    private static final Path BIOC = Path.of("../../shared/formats/bioc");

    private Formats() {
    }

    public static void assertValidBioCXml(String xml) throws Exception {
        Path dtd = BIOC.resolve("BioC.dtd");
        Assumptions.assumeTrue(Files.exists(dtd), "BioC.dtd not available at " + dtd.toAbsolutePath());
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setValidating(true);
        factory.setExpandEntityReferences(false);
        DocumentBuilder builder = factory.newDocumentBuilder();
        // only the BioC DTD may be loaded, from the shared copy
        builder.setEntityResolver((publicId, systemId) -> {
            if (systemId != null && systemId.endsWith("BioC.dtd")) {
                return new InputSource(Files.newInputStream(dtd));
            }
            throw new IllegalArgumentException("unexpected external entity " + systemId);
        });
        builder.setErrorHandler(new DefaultHandler() {
            @Override
            public void error(SAXParseException e) throws SAXParseException {
                throw e;
            }

            @Override
            public void fatalError(SAXParseException e) throws SAXParseException {
                throw e;
            }
        });
        InputSource source = new InputSource(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        source.setSystemId(dtd.toAbsolutePath().getParent().toUri().toString());
        builder.parse(source);
    }

    public static void assertValidBioCJson(String json) throws Exception {
        Path schemaFile = BIOC.resolve("bioc_schema.json");
        Assumptions.assumeTrue(Files.exists(schemaFile), "bioc_schema.json not available at " + schemaFile.toAbsolutePath());
        JsonSchema schema;
        try (InputStream in = Files.newInputStream(schemaFile)) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
        }
        JsonNode node = new ObjectMapper().readTree(json);
        Set<ValidationMessage> errors = schema.validate(node);
        if (!errors.isEmpty()) {
            throw new AssertionError("BioC JSON invalid: " + errors);
        }
    }
}
