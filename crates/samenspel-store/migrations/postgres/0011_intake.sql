-- The intake guide joins the guides a conversation may follow.
-- Kept in step with ../sqlite/0011_intake.sql (a test compares them).

ALTER TABLE conversations DROP CONSTRAINT conversations_guide_check;
ALTER TABLE conversations ADD CONSTRAINT conversations_guide_check
    CHECK (guide IN ('family_start', 'collaboration', 'review', 'intake'));
