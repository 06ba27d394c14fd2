-- The volunteer pool (issue 14, third part): an organisation's volunteers
-- outside (or before) any circle, their VOG, training, insurance and
-- expenses, and the help requests and shifts put to them.
-- Kept in step with ../sqlite/0028_volunteer_pool.sql (a test compares them).

-- The organisation's rules: whether a placement needs a valid VOG, how long
-- a VOG counts after its date of issue, how early volunteers are warned,
-- and what a kilometre is paid. No row: the defaults in samenspel_core::pool::vog.
CREATE TABLE pool_rules (
    organisation_id TEXT PRIMARY KEY REFERENCES organisations (id),
    vog_required    BOOLEAN NOT NULL,
    vog_months      BIGINT NOT NULL,
    warn_days       BIGINT NOT NULL,
    km_cents        BIGINT NOT NULL,
    updated_at      BIGINT NOT NULL
);

-- One volunteer in one organisation's pool. `availability` holds weekdays ×
-- parts of the day as bits (samenspel_core::pool::Availability); the lists
-- are comma-separated. `vog_warned_for` is the lapse day the last warning
-- was sent for, so each VOG is warned about once.
CREATE TABLE pool_volunteers (
    id              TEXT PRIMARY KEY,
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    user_id         TEXT NOT NULL REFERENCES users (id),
    availability    BIGINT NOT NULL,
    area            TEXT NOT NULL,
    interests       TEXT NOT NULL,
    skills          TEXT NOT NULL,
    languages       TEXT NOT NULL,
    vog_issued_on   TEXT,
    vog_warned_for  TEXT,
    insurance       TEXT NOT NULL,
    active          BOOLEAN NOT NULL,
    joined_at       BIGINT NOT NULL,
    updated_at      BIGINT NOT NULL,
    UNIQUE (organisation_id, user_id)
);
CREATE INDEX pool_volunteers_by_user ON pool_volunteers (user_id);

CREATE TABLE pool_trainings (
    id           TEXT PRIMARY KEY,
    volunteer_id TEXT NOT NULL REFERENCES pool_volunteers (id),
    title        TEXT NOT NULL,
    done_on      TEXT NOT NULL,
    created_at   BIGINT NOT NULL
);
CREATE INDEX pool_trainings_by_volunteer ON pool_trainings (volunteer_id, done_on);

-- Kilometres (at the rate of the day of claiming) and other costs.
CREATE TABLE expense_claims (
    id           TEXT PRIMARY KEY,
    volunteer_id TEXT NOT NULL REFERENCES pool_volunteers (id),
    on_date      TEXT NOT NULL,
    km           BIGINT NOT NULL,
    km_cents     BIGINT NOT NULL,
    costs_cents  BIGINT NOT NULL,
    description  TEXT NOT NULL,
    status       TEXT NOT NULL CHECK (status IN ('submitted', 'approved', 'rejected')),
    decided_by   TEXT REFERENCES users (id),
    decided_at   BIGINT,
    created_at   BIGINT NOT NULL
);
CREATE INDEX expense_claims_by_volunteer ON expense_claims (volunteer_id, on_date);
CREATE INDEX expense_claims_by_status ON expense_claims (status, on_date);

-- A help request or one open shift put to the pool, with only what the
-- volunteers may read of the client: a first name, the area, what and when.
CREATE TABLE pool_offers (
    id              TEXT PRIMARY KEY,
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    circle_id       TEXT NOT NULL REFERENCES circles (id),
    help_request_id TEXT REFERENCES help_requests (id),
    item_id         TEXT REFERENCES agenda_items (id),
    on_date         TEXT,
    first_name      TEXT NOT NULL,
    area            TEXT NOT NULL,
    what            TEXT NOT NULL,
    starts_at       TEXT NOT NULL,
    ends_at         TEXT NOT NULL,
    until_on        TEXT,
    status          TEXT NOT NULL CHECK (status IN ('open', 'asked', 'placed', 'closed')),
    asked_volunteer TEXT REFERENCES pool_volunteers (id),
    member_id       TEXT REFERENCES memberships (id),
    created_by      TEXT REFERENCES users (id),
    created_at      BIGINT NOT NULL,
    decided_at      BIGINT
);
CREATE INDEX pool_offers_by_circle ON pool_offers (circle_id, status);
CREATE INDEX pool_offers_by_organisation ON pool_offers (organisation_id, status);

CREATE TABLE pool_answers (
    offer_id     TEXT NOT NULL REFERENCES pool_offers (id),
    volunteer_id TEXT NOT NULL REFERENCES pool_volunteers (id),
    answer       TEXT NOT NULL CHECK (answer IN ('yes', 'no')),
    answered_at  BIGINT NOT NULL,
    PRIMARY KEY (offer_id, volunteer_id)
);
CREATE INDEX pool_answers_by_volunteer ON pool_answers (volunteer_id);
