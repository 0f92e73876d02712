package io.litgraph.nlp.io;

import io.litgraph.nlp.AnnotatedDocument;
import io.litgraph.nlp.Concept;
import io.litgraph.nlp.EntityType;
import io.litgraph.nlp.Mention;
import io.litgraph.nlp.Relation;
import io.litgraph.nlp.vocab.IdPolicy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which namespace identifiers are written in. {@link #NATIVE}: litgraph's own choice per concept (ChEBI for a
 * chemical ChEBI defines, the Disease Ontology for a disease only it names...). {@link #MESH}: PubTator's
 * convention, MeSH for chemicals and diseases whenever the concept has a MeSH cross-reference, so that output
 * lines up with PubTator3 and the BioCreative corpora; genes, species and the rest keep their ids.
 */
public enum IdConvention {
    NATIVE, MESH;

    public AnnotatedDocument apply(AnnotatedDocument doc) {
        if (this == NATIVE) {
            return doc;
        }
        Map<String, String> rename = new HashMap<>();
        List<Concept> concepts = new ArrayList<>(doc.concepts().size());
        for (Concept c : doc.concepts()) {
            String id = c.type() == EntityType.ChemicalEntity || c.type() == EntityType.DiseaseOrPhenotypicFeature
                    ? IdPolicy.project(c, "MESH") : c.id();
            rename.put(c.id(), id);
            if (id.equals(c.id())) {
                concepts.add(c);
            } else {
                List<String> xrefs = new ArrayList<>(c.xrefs());
                xrefs.remove(id);
                xrefs.add(0, c.id());
                concepts.add(new Concept(id, c.type(), c.name(), xrefs));
            }
        }
        List<Mention> mentions = new ArrayList<>(doc.mentions().size());
        for (Mention m : doc.mentions()) {
            String id = m.conceptId() == null ? null : rename.getOrDefault(m.conceptId(), m.conceptId());
            mentions.add(new Mention(m.start(), m.end(), m.text(), m.type(), id, m.negated(), m.speculative()));
        }
        List<Relation> relations = new ArrayList<>(doc.relations().size());
        for (Relation r : doc.relations()) {
            relations.add(new Relation(r.type(), rename.getOrDefault(r.subjectId(), r.subjectId()),
                    rename.getOrDefault(r.objectId(), r.objectId()), r.directed(), r.trigger(), r.sentence(), r.subject(),
                    r.object(), r.negated(), r.speculative(), r.confidence()));
        }
        return new AnnotatedDocument(doc.id(), doc.sentences(), mentions, concepts, relations, doc.engineVersion(),
                doc.vocabularyVersion());
    }
}
