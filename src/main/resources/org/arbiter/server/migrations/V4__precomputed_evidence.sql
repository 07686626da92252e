-- What `arbiter server verify --batch NAME` found for each response of a batch's items, so the lab has the
-- evidence before anyone judges. One row per check (the latest run replaces the earlier one); `line` is the
-- JSON line the command printed, `verdict` is kept apart so reports can count without parsing.
CREATE TABLE precomputed_evidence (
    batch       TEXT NOT NULL,
    item_id     TEXT NOT NULL,
    response_id TEXT NOT NULL,
    kind        TEXT NOT NULL,
    verdict     TEXT NOT NULL,
    line        TEXT NOT NULL,
    computed_at TEXT NOT NULL,
    PRIMARY KEY (batch, item_id, response_id, kind)
);
