-- 版记 of a bulletin: 抄送 recipients, 印发机关 and 印发日期 (set at publishing when left
-- empty), editable with the text of a draft; the zone's usual 抄送 recipients as a default.
ALTER TABLE bulletins ADD COLUMN copy_to jsonb NOT NULL DEFAULT '[]';
ALTER TABLE bulletins ADD COLUMN print_office text NOT NULL DEFAULT '';
ALTER TABLE bulletins ADD COLUMN print_date date;
ALTER TABLE bulletin_settings ADD COLUMN copy_to jsonb NOT NULL DEFAULT '[]';
