-- Each PC of a facility gets a small number of its own at enrollment, shown as two Crockford
-- base-32 characters: the codes it issues offline (prescription codes) carry it, so two PCs can
-- never issue the same code without asking anyone.
ALTER TABLE devices ADD COLUMN tag integer;
UPDATE devices d SET tag = numbered.n - 1
FROM (SELECT id, row_number() OVER (PARTITION BY facility_code ORDER BY created_at, id) AS n FROM devices) AS numbered
WHERE numbered.id = d.id;
ALTER TABLE devices ALTER COLUMN tag SET NOT NULL;
ALTER TABLE devices ADD CONSTRAINT devices_tag_range CHECK (tag >= 0 AND tag < 1024);
CREATE UNIQUE INDEX devices_tag_per_facility ON devices (facility_code, tag);
