-- query-service owns schema "query". Annotations are replaced per document (keyed by id + version);
-- the aggregate tables are maintained by adding/subtracting one document's contribution inside the
-- same transaction that replaces its annotations, so they never drift from the detail rows.

CREATE SEQUENCE document_seq;

CREATE TABLE document (
    id                  text PRIMARY KEY,
    version             integer     NOT NULL,
    -- changes on every stored version; the keyset of "newest first" listings
    seq                 bigint      NOT NULL DEFAULT nextval('document_seq'),
    title               text        NOT NULL DEFAULT '',
    -- all passages laid out at their document-global offsets: every annotation offset points into it
    text                text        NOT NULL,
    passages            jsonb       NOT NULL,
    source              text,
    url                 text,
    published           text,
    published_on        date,
    authors             jsonb,
    tags                jsonb,
    metadata            jsonb,
    engine_name         text,
    engine_version      text,
    vocabulary_version  text,
    event_id            text,
    event_time          timestamptz,
    indexed_at          timestamptz NOT NULL DEFAULT now(),
    mention_count       integer     NOT NULL DEFAULT 0,
    relation_count      integer     NOT NULL DEFAULT 0,
    -- capped so that a very long full text cannot exceed the 1 MB tsvector limit
    search              tsvector GENERATED ALWAYS AS (
                            setweight(to_tsvector('english'::regconfig, left(title, 2000)), 'A') ||
                            setweight(to_tsvector('english'::regconfig, left(text, 400000)), 'B')) STORED
);
CREATE UNIQUE INDEX document_seq_idx ON document (seq);
CREATE INDEX document_search_idx ON document USING gin (search);
CREATE INDEX document_published_idx ON document (published_on);

CREATE TABLE sentence (
    document_id   text    NOT NULL REFERENCES document (id) ON DELETE CASCADE,
    idx           integer NOT NULL,
    start_offset  integer NOT NULL,
    end_offset    integer NOT NULL,
    text          text    NOT NULL,
    PRIMARY KEY (document_id, idx)
);

CREATE TABLE concept (
    id              text PRIMARY KEY,
    type            text    NOT NULL,
    name            text    NOT NULL,
    xrefs           jsonb   NOT NULL DEFAULT '[]',
    document_count  integer NOT NULL DEFAULT 0,
    mention_count   integer NOT NULL DEFAULT 0
);
CREATE INDEX concept_type_idx ON concept (type, document_count DESC);

-- Names for autocomplete: the preferred name plus every surface form seen in a mention (the corpus's
-- synonyms, e.g. "IL-6" for NCBIGene:3569), with how often each form occurs.
CREATE TABLE concept_name (
    concept_id     text    NOT NULL REFERENCES concept (id) ON DELETE CASCADE,
    name_lower     text    NOT NULL,
    name           text    NOT NULL,
    preferred      boolean NOT NULL DEFAULT false,
    mention_count  integer NOT NULL DEFAULT 0,
    PRIMARY KEY (concept_id, name_lower)
);
CREATE INDEX concept_name_prefix_idx ON concept_name (name_lower text_pattern_ops);
CREATE INDEX concept_name_words_idx ON concept_name USING gin (to_tsvector('simple'::regconfig, name));

CREATE TABLE mention (
    document_id   text    NOT NULL REFERENCES document (id) ON DELETE CASCADE,
    idx           integer NOT NULL,
    start_offset  integer NOT NULL,
    end_offset    integer NOT NULL,
    text          text    NOT NULL,
    type          text    NOT NULL,
    concept_id    text    REFERENCES concept (id),
    negated       boolean NOT NULL,
    speculative   boolean NOT NULL,
    PRIMARY KEY (document_id, idx)
);
CREATE INDEX mention_concept_idx ON mention (concept_id, document_id);

CREATE TABLE relation (
    document_id     text    NOT NULL REFERENCES document (id) ON DELETE CASCADE,
    idx             integer NOT NULL,
    type            text    NOT NULL,
    subject_id      text    NOT NULL REFERENCES concept (id),
    object_id       text    NOT NULL REFERENCES concept (id),
    directed        boolean NOT NULL,
    trigger_start   integer,
    trigger_end     integer,
    trigger_text    text,
    sentence_start  integer,
    sentence_end    integer,
    sentence_text   text,
    subject_start   integer,
    subject_end     integer,
    subject_text    text,
    object_start    integer,
    object_end      integer,
    object_text     text,
    negated         boolean NOT NULL,
    speculative     boolean NOT NULL,
    confidence      double precision NOT NULL,
    PRIMARY KEY (document_id, idx)
);
CREATE INDEX relation_subject_idx ON relation (subject_id, object_id, type);
CREATE INDEX relation_object_idx ON relation (object_id, subject_id, type);

-- Document-level co-occurrence, stored in both directions so that "neighbours of X" is one index range.
CREATE TABLE concept_cooccurrence (
    concept_id      text    NOT NULL REFERENCES concept (id) ON DELETE CASCADE,
    other_id        text    NOT NULL REFERENCES concept (id) ON DELETE CASCADE,
    document_count  integer NOT NULL,
    PRIMARY KEY (concept_id, other_id)
);

-- Extracted relations per (subject, object, type): supporting documents and evidence sentences,
-- negated evidence counted apart so that queries can leave it out.
CREATE TABLE relation_summary (
    subject_id              text    NOT NULL REFERENCES concept (id) ON DELETE CASCADE,
    object_id               text    NOT NULL REFERENCES concept (id) ON DELETE CASCADE,
    type                    text    NOT NULL,
    directed                boolean NOT NULL,
    document_count          integer NOT NULL,
    evidence_count          integer NOT NULL,
    negated_document_count  integer NOT NULL,
    negated_evidence_count  integer NOT NULL,
    PRIMARY KEY (subject_id, object_id, type)
);
CREATE INDEX relation_summary_object_idx ON relation_summary (object_id, subject_id);

-- Transactional outbox: events written with the data they describe, published by OutboxRelay.
CREATE TABLE outbox (
    id              bigserial PRIMARY KEY,
    topic           text        NOT NULL,
    record_key      text        NOT NULL,
    event_type      text        NOT NULL,
    schema_version  integer     NOT NULL,
    payload         bytea       NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now()
);
