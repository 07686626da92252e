-- Leads open the dashboard; annotators push judgments. A table of their own, so no token can do both and a
-- lead never appears among the annotators a batch is assigned to.
CREATE TABLE lead (
    name       TEXT    PRIMARY KEY,
    token_hash TEXT    NOT NULL UNIQUE,
    revoked    INTEGER NOT NULL DEFAULT 0,
    created_at TEXT    NOT NULL
);
-- The dashboard's queries (DashboardQueries): per batch and annotator, judged items and last activity read
-- from the index alone; an annotator's last activity and the newest push are one index descent each.
CREATE INDEX judgment_batch_activity ON judgment (batch, annotator, item_id, received_at);
CREATE INDEX judgment_annotator_received ON judgment (annotator, received_at);
CREATE INDEX judgment_received ON judgment (received_at);
CREATE INDEX judgment_batch_received ON judgment (batch, received_at);
CREATE INDEX batch_source ON batch (source, name);
