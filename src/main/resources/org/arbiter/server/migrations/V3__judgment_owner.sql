-- A judgment id belongs to one annotator and one item for ever: the first version received decides, and the
-- primary key keeps it so even when two pushes with the same new id run at the same moment (PostgreSQL).
CREATE TABLE judgment_owner (
    judgment_id TEXT PRIMARY KEY,
    annotator   TEXT NOT NULL,
    batch       TEXT NOT NULL,
    item_id     TEXT NOT NULL
);
-- Before this table, another annotator could add a version to someone's judgment id: the lowest version
-- names the owner, and versions that do not match it are left out of reports and exports.
INSERT INTO judgment_owner (judgment_id, annotator, batch, item_id)
SELECT j.judgment_id, j.annotator, j.batch, j.item_id FROM judgment j
WHERE j.version = (SELECT MIN(k.version) FROM judgment k WHERE k.judgment_id = j.judgment_id);
