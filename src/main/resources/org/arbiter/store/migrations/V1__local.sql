-- The annotator's local store. Items are kept whole as native JSON (body); the columns beside it are what
-- queries filter and order by.
CREATE TABLE batch (
    name         TEXT PRIMARY KEY,
    config       TEXT,
    created_at   TEXT NOT NULL,
    completed_at TEXT
);

CREATE TABLE item (
    batch  TEXT    NOT NULL REFERENCES batch (name),
    id     TEXT    NOT NULL,
    seq    INTEGER NOT NULL,
    domain TEXT    NOT NULL,
    body   TEXT    NOT NULL,
    PRIMARY KEY (batch, id)
);
CREATE UNIQUE INDEX item_seq ON item (batch, seq);

-- Every version of every judgment; a revision adds a row with the same judgment_id.
CREATE TABLE judgment (
    judgment_id  TEXT    NOT NULL,
    version      INTEGER NOT NULL,
    batch        TEXT    NOT NULL,
    item_id      TEXT    NOT NULL,
    annotator    TEXT    NOT NULL,
    submitted_at TEXT    NOT NULL,
    body         TEXT    NOT NULL,
    synced_at    TEXT,
    PRIMARY KEY (judgment_id, version),
    FOREIGN KEY (batch, item_id) REFERENCES item (batch, id)
);
CREATE INDEX judgment_item ON judgment (batch, item_id, annotator);

-- Work in progress on an item, saved on every action so a crash loses nothing.
CREATE TABLE draft (
    batch      TEXT NOT NULL,
    item_id    TEXT NOT NULL,
    annotator  TEXT NOT NULL,
    body       TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (batch, item_id, annotator),
    FOREIGN KEY (batch, item_id) REFERENCES item (batch, id)
);

CREATE TABLE skip (
    batch      TEXT NOT NULL,
    item_id    TEXT NOT NULL,
    annotator  TEXT NOT NULL,
    reason     TEXT NOT NULL,
    skipped_at TEXT NOT NULL,
    PRIMARY KEY (batch, item_id, annotator),
    FOREIGN KEY (batch, item_id) REFERENCES item (batch, id)
);

CREATE TABLE setting (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
