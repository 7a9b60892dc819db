-- Vigie collector schema, version 1: establishments, enrollment tokens, agents, signed reports.

CREATE TABLE establishments (
    id          BIGSERIAL PRIMARY KEY,
    -- FINESS legal-entity number (EJ): 9 characters, department first (2A/2B for Corsica)
    finess      CHAR(9)     NOT NULL UNIQUE CHECK (finess ~ '^[0-9][0-9AB][0-9]{7}$'),
    name        TEXT        NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
    region      TEXT        NOT NULL CHECK (length(region) BETWEEN 1 AND 100),
    category    TEXT        NOT NULL CHECK (category IN ('CHU', 'CH', 'PSY', 'ESPIC', 'CLINIQUE', 'MEDICO_SOCIAL')),
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE enrollment_tokens (
    id               BIGSERIAL PRIMARY KEY,
    establishment_id BIGINT      NOT NULL REFERENCES establishments (id),
    -- SHA-256 of the token secret: the secret itself is never stored
    secret_sha256    BYTEA       NOT NULL UNIQUE CHECK (length(secret_sha256) = 32),
    expires_at       TIMESTAMPTZ NOT NULL,
    max_uses         INTEGER     NOT NULL CHECK (max_uses > 0),
    uses             INTEGER     NOT NULL DEFAULT 0 CHECK (uses >= 0 AND uses <= max_uses),
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE agents (
    -- base32 of the first 20 bytes of SHA-256(public key SPKI)
    id               TEXT        PRIMARY KEY CHECK (id ~ '^[a-z2-7]{32}$'),
    public_key       BYTEA       NOT NULL UNIQUE,
    establishment_id BIGINT      NOT NULL REFERENCES establishments (id),
    token_id         BIGINT      NOT NULL REFERENCES enrollment_tokens (id),
    status           TEXT        NOT NULL CHECK (status IN ('active', 'pending_replacement', 'revoked', 'replaced')),
    replaces         TEXT        REFERENCES agents (id),
    hostname         TEXT        NOT NULL,
    enrolled_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    status_changed_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_checkin     TIMESTAMPTZ,
    last_checkin_host TEXT,
    -- set when check-ins arrive from another host name than the enrolled one: a cloned identity
    clone_suspected  BOOLEAN     NOT NULL DEFAULT false,
    spool_pending    BIGINT,
    spool_dropped_total BIGINT
);
CREATE INDEX agents_establishment ON agents (establishment_id);

CREATE TABLE reports (
    id             BIGSERIAL PRIMARY KEY,
    agent_id       TEXT        NOT NULL REFERENCES agents (id),
    report_id      UUID        NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL,
    received_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    -- the envelope exactly as signed, so that any stored report can be re-verified
    payload_type   TEXT        NOT NULL,
    payload        BYTEA       NOT NULL,
    signature      BYTEA       NOT NULL CHECK (length(signature) = 64),
    -- spool drops the agent reported with this report (signed, in the payload type)
    spool_dropped  BIGINT      NOT NULL DEFAULT 0,
    schema_version INTEGER     NOT NULL,
    domain_sid     TEXT,
    domain_dns     TEXT,
    maturity_level INTEGER     CHECK (maturity_level BETWEEN 1 AND 5),
    global_score   INTEGER,
    complete       BOOLEAN,
    -- {"RULE-ID": "status", ...}
    rule_status    JSONB       NOT NULL DEFAULT '{}'::jsonb,
    CONSTRAINT reports_agent_report_unique UNIQUE (agent_id, report_id)
);
CREATE INDEX reports_domain ON reports (domain_sid, created_at);
