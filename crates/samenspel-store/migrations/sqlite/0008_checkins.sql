-- Questionnaire responses (the carer check-in), kept so they can be exported
-- as a FHIR QuestionnaireResponse without loss: the instrument, the author
-- (a membership), the authored time, and per item its linkId with the
-- answer's code or number. Only the author ever reads them.
-- Kept in step with ../postgres/0008_checkins.sql (a test compares them).

CREATE TABLE questionnaire_responses (
    id          TEXT PRIMARY KEY,
    circle_id   TEXT NOT NULL REFERENCES circles (id),
    member_id   TEXT NOT NULL REFERENCES memberships (id),
    instrument  TEXT NOT NULL,
    authored_at INTEGER NOT NULL,
    total       INTEGER NOT NULL,
    range_low   INTEGER NOT NULL,
    range_high  INTEGER NOT NULL
) STRICT;
CREATE INDEX questionnaire_responses_member ON questionnaire_responses (member_id, instrument, authored_at);

CREATE TABLE questionnaire_answers (
    response_id   TEXT NOT NULL REFERENCES questionnaire_responses (id) ON DELETE CASCADE,
    link_id       TEXT NOT NULL,
    answer_code   TEXT,
    answer_number INTEGER,
    PRIMARY KEY (response_id, link_id)
) STRICT;

-- A signal a carer chose to share ("ik kan wel wat hulp gebruiken"): with
-- the coordinators, or with the whole circle. It never carries a score.
CREATE TABLE care_signals (
    id           TEXT PRIMARY KEY,
    circle_id    TEXT NOT NULL REFERENCES circles (id),
    member_id    TEXT NOT NULL REFERENCES memberships (id),
    audience     TEXT NOT NULL CHECK (audience IN ('coordinator', 'circle')),
    message      TEXT NOT NULL,
    shared_at    INTEGER NOT NULL,
    withdrawn_at INTEGER
) STRICT;
CREATE INDEX care_signals_open ON care_signals (circle_id) WHERE withdrawn_at IS NULL;
