-- The consumer stores a poll's worth of documents per transaction, with one INSERT ... SELECT FROM
-- unnest(...) per table. Every inserted mention, relation and sentence then fired one foreign-key
-- trigger per reference (an index lookup plus a row lock on the referenced document or concept): about
-- half of the time of inserting mentions and relations (EXPLAIN ANALYZE of 300 documents: 215 of
-- 408 ms for 8,082 mentions, 67 of 130 ms for 1,963 relations; docs/BENCHMARKS.md, Pipeline).
-- AnnotationWriter is the only writer of these rows and keeps the references itself, in the same
-- transaction: the document row and every concept a row refers to (described or as a placeholder) are
-- written before the rows that refer to them, a document's rows are deleted explicitly before its new
-- version is written, and documents and concepts are never deleted. AnnotationPipelineTest checks
-- that no row refers to a missing document or concept.
ALTER TABLE mention DROP CONSTRAINT mention_document_id_fkey, DROP CONSTRAINT mention_concept_id_fkey;
ALTER TABLE relation DROP CONSTRAINT relation_document_id_fkey, DROP CONSTRAINT relation_subject_id_fkey,
    DROP CONSTRAINT relation_object_id_fkey;
ALTER TABLE sentence DROP CONSTRAINT sentence_document_id_fkey;

-- The aggregate counts are updated in place by every batch; free space on each page lets such an update
-- stay on its page without new index entries (a HOT update: no counter is indexed in these two tables).
ALTER TABLE concept_cooccurrence SET (fillfactor = 80);
ALTER TABLE relation_summary SET (fillfactor = 80);
