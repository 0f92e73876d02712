package io.litgraph.nlp.vocab;

import io.litgraph.nlp.Concept;
import io.litgraph.nlp.EntityType;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The compiled vocabulary file: gzip over a DataOutput stream.
 * <pre>
 *   magic "LGVOCAB" , format int, version UTF
 *   concept count int, then per concept: id UTF, type byte, name UTF, xref count short, xrefs UTF...
 *   term count int, then per term: concept int, kind byte, text UTF
 * </pre>
 * Written to a temporary file and moved into place, so a reader never sees half a vocabulary.
 */
public final class VocabularyArtifact {

    private static final String MAGIC = "LGVOCAB";
    private static final int FORMAT = 1;

    private VocabularyArtifact() {
    }

    public static void write(Vocabulary v, Path out) throws IOException {
        Path dir = out.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".vocab", ".tmp");
        try (OutputStream os = Files.newOutputStream(tmp);
             DataOutputStream d = new DataOutputStream(new BufferedOutputStream(new GZIPOutputStream(os, 1 << 16), 1 << 16))) {
            d.writeUTF(MAGIC);
            d.writeInt(FORMAT);
            d.writeUTF(v.version());
            d.writeInt(v.concepts().size());
            for (Concept c : v.concepts()) {
                d.writeUTF(c.id());
                d.writeByte(c.type().ordinal());
                d.writeUTF(truncate(c.name()));
                d.writeShort(c.xrefs().size());
                for (String x : c.xrefs()) {
                    d.writeUTF(x);
                }
            }
            d.writeInt(v.terms().size());
            for (Term t : v.terms()) {
                d.writeInt(t.concept());
                d.writeByte(t.kind().ordinal());
                d.writeUTF(truncate(t.text()));
            }
        }
        try {
            Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system: keep the default permissions
        }
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    public static Vocabulary read(Path in) throws IOException {
        try (InputStream is = Files.newInputStream(in)) {
            return read(is);
        }
    }

    public static Vocabulary read(InputStream is) throws IOException {
        DataInputStream d = new DataInputStream(new BufferedInputStream(new GZIPInputStream(is, 1 << 16), 1 << 16));
        if (!MAGIC.equals(d.readUTF())) {
            throw new IOException("not a litgraph vocabulary artifact");
        }
        int format = d.readInt();
        if (format != FORMAT) {
            throw new IOException("unsupported vocabulary artifact format " + format);
        }
        String version = d.readUTF();
        EntityType[] types = EntityType.values();
        TermKind[] kinds = TermKind.values();
        int nc = d.readInt();
        List<Concept> concepts = new ArrayList<>(nc);
        for (int i = 0; i < nc; i++) {
            String id = d.readUTF();
            EntityType type = types[d.readByte()];
            String name = d.readUTF();
            int nx = d.readShort();
            List<String> xrefs = nx == 0 ? List.of() : new ArrayList<>(nx);
            for (int k = 0; k < nx; k++) {
                xrefs.add(d.readUTF());
            }
            concepts.add(new Concept(id, type, name, nx == 0 ? xrefs : List.copyOf(xrefs)));
        }
        int nt = d.readInt();
        List<Term> terms = new ArrayList<>(nt);
        for (int i = 0; i < nt; i++) {
            int concept = d.readInt();
            TermKind kind = kinds[d.readByte()];
            terms.add(new Term(d.readUTF(), concept, kind));
        }
        return new Vocabulary(version, concepts, terms);
    }

    private static String truncate(String s) {
        return s.length() > 20000 ? s.substring(0, 20000) : s;
    }
}
