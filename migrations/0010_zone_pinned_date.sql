-- A zone's working date. NULL: the zone lives in the present (today in China).
-- A date: the zone replays history and every business judgement ("today", lights,
-- overdue days, default periods) is made as of that day; scheduled reminders do
-- not fire for it. The demo zones are pinned where their data ends.
ALTER TABLE zones ADD COLUMN pinned_date date;
