-- Security (issue #13). Sign-in throttling with counters that are taken under a row lock, so parallel tries
-- cannot exceed a limit (login_failures was counted after the fact and raced).
-- A counter per key: 'pair:<username>\n<ip>', 'user:<username>', 'ip:<ip>',
-- 'password:<user id>'. See docs/security.md for the policy.
CREATE TABLE auth_throttle (
  key           text PRIMARY KEY,
  attempts      integer NOT NULL DEFAULT 0,
  window_start  timestamptz NOT NULL,
  blocked_until timestamptz
);
CREATE INDEX auth_throttle_window_idx ON auth_throttle (window_start);

-- Addresses an account signed in from: the per-username delay spares them.
CREATE TABLE auth_known_ips (
  user_id  uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  ip       text NOT NULL,
  last_at  timestamptz NOT NULL,
  PRIMARY KEY (user_id, ip)
);

DROP TABLE login_failures;

-- Webhook URLs carry their robot's token; audit entries written before it was masked
-- keep only the scheme and host (the settings themselves are sealed on their next save).
UPDATE audit_log SET
  before = CASE WHEN jsonb_typeof(before -> 'webhookUrl') = 'string'
    THEN jsonb_set(before, '{webhookUrl}', to_jsonb(regexp_replace(before ->> 'webhookUrl', '^([a-z]+://[^/?#]+).*$', '\1/••••'))) ELSE before END,
  after = CASE WHEN jsonb_typeof(after -> 'webhookUrl') = 'string'
    THEN jsonb_set(after, '{webhookUrl}', to_jsonb(regexp_replace(after ->> 'webhookUrl', '^([a-z]+://[^/?#]+).*$', '\1/••••'))) ELSE after END
WHERE entity = 'supervision.settings';
