-- Collaboration profiles (the five perspectives, a member's own answers,
-- private until shared) and the SOFA roles marked for a family carer.
-- Both belong to one membership: the same person may stand differently in
-- another circle.
-- Kept in step with ../sqlite/0007_profiles.sql (a test compares them).

CREATE TABLE collaboration_profiles (
    member_id TEXT PRIMARY KEY REFERENCES memberships (id),
    circle_id TEXT NOT NULL REFERENCES circles (id),
    answers   TEXT NOT NULL,
    best      TEXT NOT NULL,
    shared    BOOLEAN NOT NULL,
    taken_at  BIGINT NOT NULL
);
CREATE INDEX collaboration_profiles_circle ON collaboration_profiles (circle_id);

-- Letters of the marked roles (S, O, A); F, the personal relation, is always there.
CREATE TABLE carer_roles (
    member_id TEXT PRIMARY KEY REFERENCES memberships (id),
    circle_id TEXT NOT NULL REFERENCES circles (id),
    roles     TEXT NOT NULL CHECK (roles IN ('', 'S', 'O', 'A', 'SO', 'SA', 'OA', 'SOA')),
    set_by    TEXT NOT NULL REFERENCES memberships (id),
    set_at    BIGINT NOT NULL
);
CREATE INDEX carer_roles_circle ON carer_roles (circle_id);
