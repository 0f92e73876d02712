package io.litgraph.ingest.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnTransformer;

import java.time.Instant;
import java.util.Optional;

/** The latest accepted version of one document, with its processing stage. */
@Entity
@Table(name = "documents")
public class DocumentEntity extends PanacheEntityBase {
    @Id
    public String id;
    public int version;
    @Column(name = "content_hash")
    public String contentHash;
    public String format;
    public String title;
    /** The {@code DocumentPayload} as EventJson wrote it; kept as JSON so it is served exactly as published. */
    @ColumnTransformer(write = "?::jsonb")
    public String payload;
    @Enumerated(EnumType.STRING)
    public Stage stage;
    public String detail;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "stage_updated_at")
    public Instant stageUpdatedAt;

    public static Optional<DocumentEntity> findByContentHash(String contentHash) {
        return find("contentHash = ?1 order by createdAt", contentHash).firstResultOptional();
    }
}
