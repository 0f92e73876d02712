package io.litgraph.entity.rest;

import io.litgraph.entity.config.EntityConfig;
import io.litgraph.entity.format.InputReaders;
import io.litgraph.entity.service.AnnotationService;
import io.litgraph.entity.service.EngineLoader;
import io.litgraph.nlp.InputDocument;
import io.litgraph.nlp.io.BioCJsonWriter;
import io.litgraph.nlp.io.PubTatorWriter;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Synchronous annotation of a user's own text, like PubTator's text API but answered at once: nothing
 * is stored and nothing goes through Kafka.
 */
@Path("/api/annotate")
public class AnnotateResource {
    public static final String PUBTATOR = "text/x-pubtator";
    static final String DEFAULT_ID = "1";

    private final AnnotationService annotation;
    private final EngineLoader engine;
    private final EntityConfig config;

    public AnnotateResource(AnnotationService annotation, EngineLoader engine, EntityConfig config) {
        this.annotation = annotation;
        this.engine = engine;
        this.config = config;
    }

    @POST
    @Consumes({MediaType.TEXT_PLAIN, MediaType.APPLICATION_JSON, PUBTATOR})
    @Produces({MediaType.APPLICATION_JSON, PUBTATOR})
    @Tag(name = "annotation")
    @SecurityRequirements({})
    @Operation(operationId = "annotateText", summary = "Annotate text",
            description = "Input: text/plain; application/json as {id?, title?, text} or as a BioC JSON collection"
                    + " (an object with a \"documents\" array); text/x-pubtator. Output: BioC JSON (default) or"
                    + " PubTator (Accept: text/x-pubtator or ?format=pubtator). Offsets are document-global"
                    + " (a title is at 0, the text after it at title length + 1). Nothing is stored, so no API key is needed.")
    @RequestBody(required = true, content = {
            @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = SchemaType.STRING),
                    examples = @ExampleObject(name = "text", value = "Interleukin-6 promotes insulin resistance.")),
            @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(oneOf = {ApiSchemas.TextInput.class, ApiSchemas.BioCCollection.class})),
            @Content(mediaType = PUBTATOR, schema = @Schema(type = SchemaType.STRING, description = "PubTator text: title|t|, abstract|a| lines"))})
    @APIResponse(responseCode = "200", description = "The annotated documents", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiSchemas.BioCCollection.class)),
            @Content(mediaType = PUBTATOR, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "400", ref = ApiDefinition.BAD_REQUEST)
    @APIResponse(responseCode = "413", ref = ApiDefinition.TOO_LARGE)
    @APIResponse(responseCode = "415", ref = ApiDefinition.UNSUPPORTED_TYPE)
    @APIResponse(responseCode = "503", ref = ApiDefinition.ENGINE_LOADING)
    public Response annotate(byte[] body,
                             @HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType contentType,
                             @HeaderParam(HttpHeaders.ACCEPT) String accept,
                             @Parameter(description = "pubtator or biocjson; overrides Accept", schema = @Schema(type = SchemaType.STRING, enumeration = {"pubtator", "biocjson"})) @QueryParam("format") String format,
                             @Parameter(description = "document id for text/plain and JSON without id") @QueryParam("id") String id) {
        int limit = config.annotate().maxTextBytes();
        if (body != null && body.length > limit) {
            throw new ProblemException(413, "Payload Too Large",
                    "the body has " + body.length + " bytes; the limit is " + limit + " (litgraph.annotate.max-text-bytes)");
        }
        boolean pubTatorOut = wantsPubTator(format, accept);
        if (!engine.isLoaded()) {
            throw new ProblemException(503, "Service Unavailable", engine.failure() == null
                    ? "the engine is still loading; retry shortly" : "the engine failed to load: " + engine.failure());
        }
        String text = body == null ? "" : strictUtf8(body);
        String documentId = id == null || id.isBlank() ? DEFAULT_ID : id;
        List<InputDocument> documents = read(text, contentType, documentId);
        List<BioCJsonWriter.Item> results = documents.stream()
                .map(d -> new BioCJsonWriter.Item(d, annotation.annotate(d, AnnotationService.SOURCE_API)))
                .toList();
        StreamingOutput output = pubTatorOut ? out -> writePubTator(results, out) : out -> BioCJsonWriter.write(results, unclosable(out));
        return Response.ok(output, pubTatorOut ? PUBTATOR + ";charset=UTF-8" : MediaType.APPLICATION_JSON).build();
    }

    /** Invalid UTF-8 is a client error: decoding it leniently would annotate replacement characters. */
    private static String strictUtf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(body)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new ProblemException(400, "Bad Request", "the body is not valid UTF-8");
        }
    }

    /** The JSON writer closes its stream when done; the container owns the response stream. */
    private static OutputStream unclosable(OutputStream out) {
        return new java.io.FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                out.flush();
            }
        };
    }

    private static void writePubTator(List<BioCJsonWriter.Item> results, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        for (BioCJsonWriter.Item r : results) {
            PubTatorWriter.write(r.input(), r.annotated(), writer);
        }
        writer.flush();
    }

    private static List<InputDocument> read(String text, MediaType contentType, String id) {
        if (text.isBlank()) {
            throw new ProblemException(400, "Bad Request", "the request body is empty");
        }
        if (contentType != null && contentType.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
            return InputReaders.json(id, text);
        }
        if (contentType != null && PUBTATOR.equals(contentType.getType() + "/" + contentType.getSubtype())) {
            return InputReaders.pubTator(text);
        }
        return InputReaders.plainText(id, text);
    }

    private static boolean wantsPubTator(String format, String accept) {
        if (format != null && !format.isBlank()) {
            return switch (format.toLowerCase(Locale.ROOT)) {
                case "pubtator" -> true;
                case "biocjson", "bioc", "json" -> false;
                default -> throw new ProblemException(400, "Bad Request",
                        "unknown format '" + format + "'; use pubtator or biocjson");
            };
        }
        return accept != null && accept.contains(PUBTATOR) && !accept.contains(MediaType.APPLICATION_JSON);
    }
}
