-- The latest accepted version of every document. Older versions live on only in the event log:
-- consumers keep the newest version, so ingest does not need to serve history.
CREATE TABLE documents (
    id            TEXT        PRIMARY KEY,
    version       INTEGER     NOT NULL,
    content_hash  TEXT        NOT NULL,
    format        TEXT        NOT NULL,
    title         TEXT,
    payload       JSONB       NOT NULL,
    stage         TEXT        NOT NULL,
    detail        TEXT,
    created_at    TIMESTAMPTZ NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL,
    stage_updated_at TIMESTAMPTZ NOT NULL
);

-- Submissions without a client id are deduplicated by content.
CREATE INDEX documents_content_hash_idx ON documents (content_hash);

-- Transactional outbox: written in the same transaction as the document, published by OutboxRelay.
CREATE TABLE outbox (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    topic          TEXT        NOT NULL,
    record_key     TEXT        NOT NULL,
    event_type     TEXT        NOT NULL,
    schema_version INTEGER     NOT NULL,
    payload        BYTEA       NOT NULL,
    document_id    TEXT,
    document_version INTEGER,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    processed_at   TIMESTAMPTZ,
    attempts       INTEGER     NOT NULL DEFAULT 0,
    last_error     TEXT
);

-- The relay only ever scans unpublished rows, in id order.
CREATE INDEX outbox_unprocessed_idx ON outbox (id) WHERE processed_at IS NULL;
