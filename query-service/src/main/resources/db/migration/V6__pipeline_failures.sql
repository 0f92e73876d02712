-- Pipeline failures as query-service learns them from the topics (never from another service's tables):
-- FAILED status events from litgraph.document-status.v1 and dead-lettered records from
-- litgraph.dead-letter.v1. A read model for the explorer's status page (GET /api/failures): a FAILED
-- row goes away when the same or a newer version of its document is INDEXED; a dead letter keyed by a
-- document goes away when the document is indexed after it. Bounded: after every insert only the newest
-- litgraph.query.failures.max-stored rows are kept.
CREATE TABLE pipeline_failure (
    id                bigserial   PRIMARY KEY,
    -- the event's own id: a replayed event inserts nothing
    event_id          text        NOT NULL UNIQUE,
    kind              text        NOT NULL CHECK (kind IN ('status', 'dead-letter')),
    document_id       text,
    document_version  integer,
    service           text,
    stage             text        NOT NULL,
    reason            text        NOT NULL,
    error_class       text,
    source_topic      text,
    source_partition  integer,
    source_offset     bigint,
    occurred_at       timestamptz NOT NULL,
    received_at       timestamptz NOT NULL DEFAULT now()
);
-- newest first (the page's keyset) and the cap's "everything after the newest N"
CREATE INDEX pipeline_failure_recent_idx ON pipeline_failure (occurred_at DESC, id DESC);
-- an INDEXED status clears its document's failures
CREATE INDEX pipeline_failure_document_idx ON pipeline_failure (document_id);
