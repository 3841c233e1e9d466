-- Platform tables: municipalities, agencies, staff users, sessions, role settings.
-- Convention: municipality_id leads every primary key (distribution column under Citus);
-- ids are UUIDv7 generated in application code; version is the optimistic-concurrency counter.

CREATE TABLE municipality (
  municipality_id uuid PRIMARY KEY,
  code text NOT NULL UNIQUE,                 -- 全国地方公共団体コード
  name text NOT NULL,
  prefecture_code text NOT NULL,             -- JIS X 0401
  prefecture_name text NOT NULL,
  population integer NOT NULL CHECK (population >= 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1
);

CREATE TABLE agency (
  municipality_id uuid NOT NULL REFERENCES municipality (municipality_id),
  agency_id uuid NOT NULL,
  kind text NOT NULL,
  name text NOT NULL,
  area text,                                 -- 担当圏域
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'closed')),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (municipality_id, agency_id)
);
CREATE UNIQUE INDEX agency_name_unique ON agency (municipality_id, name);

CREATE TABLE app_user (
  municipality_id uuid NOT NULL REFERENCES municipality (municipality_id),
  user_id uuid NOT NULL,
  login_name text NOT NULL,
  display_name text NOT NULL,
  password_hash text NOT NULL,
  roles text[] NOT NULL,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
  date_style text NOT NULL DEFAULT 'wareki' CHECK (date_style IN ('wareki', 'seireki')),
  totp_secret text,
  totp_enabled boolean NOT NULL DEFAULT false,
  totp_pending_secret text,
  totp_last_step bigint,
  failed_attempts integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  password_changed_at timestamptz NOT NULL DEFAULT now(),
  is_demo boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (municipality_id, user_id)
);
-- Sign-in names are unique across the deployment (a prefecture-wide deployment hosts several
-- municipalities). Under Citus this lookup becomes a reference table keyed by login name.
CREATE UNIQUE INDEX app_user_login_name_unique ON app_user (lower(login_name));

CREATE TABLE user_agency (
  municipality_id uuid NOT NULL,
  user_id uuid NOT NULL,
  agency_id uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, user_id, agency_id),
  FOREIGN KEY (municipality_id, user_id) REFERENCES app_user (municipality_id, user_id),
  FOREIGN KEY (municipality_id, agency_id) REFERENCES agency (municipality_id, agency_id)
);

CREATE TABLE role_setting (
  municipality_id uuid NOT NULL REFERENCES municipality (municipality_id),
  role text NOT NULL,
  require_totp boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (municipality_id, role)
);

-- Server-side sessions. Only a SHA-256 hash of the cookie token is stored.
CREATE TABLE user_session (
  municipality_id uuid NOT NULL,
  session_id uuid NOT NULL,
  user_id uuid NOT NULL,
  token_hash text NOT NULL,
  stage text NOT NULL CHECK (stage IN ('active', 'totp_pending', 'enrollment_pending')),
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz,
  client_addr text,
  user_agent text,
  PRIMARY KEY (municipality_id, session_id),
  FOREIGN KEY (municipality_id, user_id) REFERENCES app_user (municipality_id, user_id)
);
CREATE UNIQUE INDEX user_session_token_hash ON user_session (token_hash);
CREATE INDEX user_session_by_user ON user_session (municipality_id, user_id) WHERE revoked_at IS NULL;
