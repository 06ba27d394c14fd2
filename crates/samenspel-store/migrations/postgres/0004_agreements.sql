-- Agreements (afspraken): who does what, by life domain, in the five steps
-- of the Schijf van Vijf. A party (doer, backup) is a member or a name.
-- Dates are calendar days as 'YYYY-MM-DD'.
-- Kept in step with ../sqlite/0004_agreements.sql (a test compares them).

CREATE TABLE agreements (
    id               TEXT PRIMARY KEY,
    circle_id        TEXT NOT NULL REFERENCES circles (id),
    domain           TEXT NOT NULL CHECK (domain IN ('personal_care', 'household', 'meals', 'medication', 'finances', 'company', 'mobility', 'appointments', 'other')),
    step             BIGINT NOT NULL CHECK (step BETWEEN 1 AND 5),
    description      TEXT NOT NULL,
    doer_member_id   TEXT REFERENCES memberships (id),
    doer_name        TEXT NOT NULL,
    backup_member_id TEXT REFERENCES memberships (id),
    backup_name      TEXT NOT NULL,
    frequency        TEXT NOT NULL,
    since            TEXT,
    lead_member_id   TEXT REFERENCES memberships (id),
    review_on        TEXT,
    needs_review     BOOLEAN NOT NULL DEFAULT FALSE,
    owner_member_id  TEXT NOT NULL REFERENCES memberships (id),
    owner_role       TEXT NOT NULL CHECK (owner_role IN ('client', 'representative', 'relative', 'volunteer', 'professional', 'coordinator')),
    created_at       BIGINT NOT NULL,
    updated_at       BIGINT NOT NULL,
    updated_by       TEXT NOT NULL REFERENCES memberships (id)
);
CREATE INDEX agreements_circle ON agreements (circle_id);

-- May family carers and volunteers change agreements a professional made?
ALTER TABLE circles ADD COLUMN informal_edits_professional_agreements BOOLEAN NOT NULL DEFAULT FALSE;
