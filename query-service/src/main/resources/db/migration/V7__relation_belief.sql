-- One belief per relation (subject, object, type), aggregated over all its evidence sentences in all
-- documents (docs/QUERY-API.md, "Belief"). Each evidence sentence i with the engine's confidence p_i
-- carries an evidence mass m_i = -ln(1 - w_i * min(max(p_i, 0), 0.999)), where w_i = 0.5 for speculative
-- evidence ("may", "might") and 1 otherwise; the cap keeps a confidence of 1.0 finite (no single sentence
-- makes a relation certain). Affirmed evidence adds to support_mass, negated evidence to against_mass, and
--     belief = 1 - exp(-max(0, support_mass - against_mass))
--            = max(0, 1 - prod_affirmed(1 - w p) / prod_negated(1 - w p)),
-- the noisy-or of the affirmed evidence, with every negated sentence cancelling as much support as it
-- would have added had it been affirmed. Sums are what the writer can add and subtract per document
-- (like the counts), so the belief stays exact under replacement of a document's annotations.

CREATE FUNCTION relation_evidence_mass(confidence double precision, speculative boolean)
    RETURNS double precision LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT -ln(1 - CASE WHEN speculative THEN 0.5 ELSE 1.0 END * least(greatest(confidence, 0), 0.999))
$$;

ALTER TABLE relation_summary
    ADD COLUMN support_mass double precision NOT NULL DEFAULT 0,
    ADD COLUMN against_mass double precision NOT NULL DEFAULT 0;

UPDATE relation_summary s SET support_mass = x.support, against_mass = x.against
FROM (SELECT subject_id, object_id, type,
             coalesce(sum(relation_evidence_mass(confidence, speculative)) FILTER (WHERE NOT negated), 0) AS support,
             coalesce(sum(relation_evidence_mass(confidence, speculative)) FILTER (WHERE negated), 0) AS against
      FROM relation GROUP BY subject_id, object_id, type) x
WHERE s.subject_id = x.subject_id AND s.object_id = x.object_id AND s.type = x.type;

-- Rounded to 6 decimals: float sums that are added and subtracted drift in the last bits, and a relation
-- with one sentence at confidence 0.8 should sit at 0.8, not just below a 0.8 threshold. The cap on the
-- exponent keeps exp() away from underflow (1 - exp(-40) is 1 in double precision anyway).
ALTER TABLE relation_summary ADD COLUMN belief double precision GENERATED ALWAYS AS (
    round((1 - exp(-least(greatest(support_mass - against_mass, 0), 40)))::numeric, 6)::double precision) STORED;

-- GET /api/relations without subject or object walks relations from the highest belief down. The
-- belief changes with most batches that touch a relation, so such updates are no longer HOT; an
-- unfiltered listing would otherwise sort every relation above the threshold.
CREATE INDEX relation_summary_belief_idx ON relation_summary (belief DESC, subject_id, object_id, type);
