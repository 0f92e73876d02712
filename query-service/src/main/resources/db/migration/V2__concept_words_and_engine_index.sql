-- Word-prefix autocomplete ("necr" finds "tumor necrosis factor") as a btree range scan: one row per
-- distinct word of every concept name. The "C" collation lets the primary key serve LIKE 'prefix%'.
-- Triggers keep it in step with concept_name (rows there are only ever inserted or deleted; updates
-- never change name_lower), so the writer does not need to know about it.
CREATE TABLE concept_word (
    word        text COLLATE "C" NOT NULL,
    concept_id  text NOT NULL,
    name_lower  text NOT NULL,
    PRIMARY KEY (word, concept_id, name_lower),
    FOREIGN KEY (concept_id, name_lower) REFERENCES concept_name (concept_id, name_lower) ON DELETE CASCADE
);
CREATE INDEX concept_word_name_idx ON concept_word (concept_id, name_lower);

CREATE FUNCTION concept_name_words() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO concept_word (word, concept_id, name_lower)
    SELECT DISTINCT w, NEW.concept_id, NEW.name_lower
    FROM regexp_split_to_table(NEW.name_lower, '[^[:alnum:]]+') AS w
    WHERE w <> ''
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END
$$;

CREATE TRIGGER concept_name_words AFTER INSERT ON concept_name
    FOR EACH ROW EXECUTE FUNCTION concept_name_words();

INSERT INTO concept_word (word, concept_id, name_lower)
SELECT DISTINCT w, n.concept_id, n.name_lower
FROM concept_name n, regexp_split_to_table(n.name_lower, '[^[:alnum:]]+') AS w
WHERE w <> ''
ON CONFLICT DO NOTHING;

-- the full-text word index it replaces
DROP INDEX IF EXISTS concept_name_words_idx;

-- /api/stats counts documents per engine and vocabulary version (re-annotation progress)
CREATE INDEX document_engine_idx ON document (engine_version, vocabulary_version);
