-- A system-filled indicator names the count that fills it (issue 15 item 6): a feed
-- key '<source>.<count>' (enterprises.net_high_tech, attraction.signed_projects,
-- projects.started, …) declared by the source domain (src/domains/*/feedKeys.ts).
-- Any zone binds its own indicator codes; no table maps codes between namespaces.
ALTER TABLE indicators ADD COLUMN feed text;
ALTER TABLE indicators ADD CONSTRAINT indicators_feed_key CHECK (feed ~ '^[a-z_]+\.[a-z_]+$');
ALTER TABLE indicators ADD CONSTRAINT indicators_feed_system CHECK (feed IS NULL OR fill_method = 'system');

-- The bindings the code held until now (the demo catalogue's codes), on every zone's
-- system-filled indicators of those codes.
UPDATE indicators SET feed = m.feed
  FROM (VALUES
    ('net_four_above', 'enterprises.net_four_above'),
    ('new_hundred_billion', 'enterprises.new_hundred_billion'),
    ('net_hightech', 'enterprises.net_high_tech'),
    ('little_giants', 'enterprises.new_little_giant'),
    ('new_single_champion', 'enterprises.new_single_champion'),
    ('new_smart_workshop', 'enterprises.new_smart_workshop'),
    ('cloud_stars', 'enterprises.new_cloud_star'),
    ('signed_projects', 'attraction.signed_projects'),
    ('signed_investment', 'attraction.signed_investment'),
    ('foreign_projects', 'attraction.foreign_projects'),
    ('foreign_investment', 'attraction.foreign_investment')
  ) AS m(code, feed)
  WHERE indicators.code = m.code AND indicators.fill_method = 'system';
