package io.litgraph.ingest.service;

import io.litgraph.ingest.domain.DocumentEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.Optional;

@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class DocumentQueries {
    public Optional<DocumentEntity> find(String id) {
        return DocumentEntity.findByIdOptional(id);
    }
}
