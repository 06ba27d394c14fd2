-- Consent by data category: which roles the client keeps out of which kind
-- of information, as one bit set per circle (samenspel_core::consent). It is
-- read with the asker's membership, so a change holds from the next request.
ALTER TABLE circles ADD COLUMN consent_hidden BIGINT NOT NULL DEFAULT 0;

-- Who last decided about each category, and when: shown beside every hidden
-- thing. The audit trail keeps every change.
CREATE TABLE consent_decisions (
    circle_id TEXT NOT NULL REFERENCES circles (id),
    category TEXT NOT NULL,
    decided_by TEXT NOT NULL REFERENCES memberships (id),
    decided_at BIGINT NOT NULL,
    PRIMARY KEY (circle_id, category)
);
