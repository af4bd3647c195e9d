-- Sign-in throttling with counters that are taken under a row lock, so parallel tries
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
