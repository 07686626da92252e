-- The lab server's store. Plain SQL that both SQLite and PostgreSQL accept: TEXT, INTEGER, BIGINT only,
-- timestamps as ISO-8601 text, flags as 0/1.
CREATE TABLE annotator (
    name       TEXT    PRIMARY KEY,
    token_hash TEXT    NOT NULL UNIQUE,
    revoked    INTEGER NOT NULL DEFAULT 0,
    created_at TEXT    NOT NULL
);

-- Items are kept whole as native JSON, gold and prior labels included; they are stripped when sent.
CREATE TABLE item (
    batch TEXT    NOT NULL,
    id    TEXT    NOT NULL,
    seq   INTEGER NOT NULL,
    body  TEXT    NOT NULL,
    PRIMARY KEY (batch, id)
);

CREATE TABLE batch (
    name       TEXT PRIMARY KEY,
    source     TEXT NOT NULL,
    created_at TEXT NOT NULL
);

-- One row per (batch, annotator): the annotator judges every item of the batch.
CREATE TABLE assignment (
    batch        TEXT NOT NULL,
    annotator    TEXT NOT NULL,
    assigned_at  TEXT NOT NULL,
    completed_at TEXT,
    PRIMARY KEY (batch, annotator)
);
CREATE INDEX assignment_annotator ON assignment (annotator);

-- Every version of every judgment; the primary key is what makes pushes idempotent.
CREATE TABLE judgment (
    judgment_id TEXT    NOT NULL,
    version     INTEGER NOT NULL,
    batch       TEXT    NOT NULL,
    item_id     TEXT    NOT NULL,
    annotator   TEXT    NOT NULL,
    body        TEXT    NOT NULL,
    received_at TEXT    NOT NULL,
    PRIMARY KEY (judgment_id, version)
);
CREATE INDEX judgment_item ON judgment (batch, item_id, annotator);
