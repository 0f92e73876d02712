-- Autocomplete for very common prefixes ("a", "ca") walks concepts from the most documented down and
-- stops at the first page of matches, instead of ranking thousands of prefix matches.
CREATE INDEX concept_popular_idx ON concept (document_count DESC, id) WHERE document_count > 0;
