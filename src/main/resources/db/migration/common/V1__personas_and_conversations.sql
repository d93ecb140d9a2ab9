CREATE TABLE personas (
    id          VARCHAR(64)  PRIMARY KEY,
    name        VARCHAR(200) NOT NULL UNIQUE,
    category    VARCHAR(200),
    active      BOOLEAN      NOT NULL,
    document    TEXT         NOT NULL,
    version     BIGINT       NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE conversations (
    id             VARCHAR(64)  PRIMARY KEY,
    user_id        VARCHAR(200),
    persona_id     VARCHAR(64),
    -- set only for one-per-user-and-persona conversations; unique, so two requests cannot both create one
    pair_key       VARCHAR(300) UNIQUE,
    title          VARCHAR(500),
    summary        TEXT,
    metadata       TEXT         NOT NULL,
    settings       TEXT         NOT NULL,
    message_count  INT          NOT NULL,
    next_seq       BIGINT       NOT NULL,
    tokens_input   BIGINT       NOT NULL,
    tokens_output  BIGINT       NOT NULL,
    total_cost     NUMERIC(18, 8) NOT NULL,
    deleted        BOOLEAN      NOT NULL,
    version        BIGINT       NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX conversations_by_user ON conversations (user_id, updated_at DESC);

CREATE TABLE messages (
    conversation_id VARCHAR(64) NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    seq             BIGINT      NOT NULL,
    id              VARCHAR(64) NOT NULL UNIQUE,
    role            VARCHAR(20) NOT NULL,
    content         TEXT,
    parts           TEXT,
    message_type    VARCHAR(20),
    status          VARCHAR(20) NOT NULL,
    model           VARCHAR(200),
    token_count     INT,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (conversation_id, seq)
);
