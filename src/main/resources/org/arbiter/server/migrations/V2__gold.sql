-- Gold items mixed into batches by `arbiter server import --gold`: calibration, not data. The flag lives
-- here and not in the item's JSON, so nothing an annotator receives can tell a gold item from another, and
-- items of the regular file that happen to carry a gold answer stay data.
ALTER TABLE item ADD COLUMN seeded_gold INTEGER NOT NULL DEFAULT 0;
