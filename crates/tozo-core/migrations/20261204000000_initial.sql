-- Members, their sessions and their to-dos.

CREATE TABLE members (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    email_confirmed_at TIMESTAMPTZ
);

-- Emails are stored lower-cased, so a plain unique index is case-insensitive.
CREATE UNIQUE INDEX members_email_key ON members (email);

CREATE TABLE sessions (
    -- SHA-256 of the token in the cookie: a leaked table cannot be replayed.
    token_hash BYTEA PRIMARY KEY,
    member_id BIGINT NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    expires_at TIMESTAMPTZ NOT NULL
);

CREATE INDEX sessions_member_id_idx ON sessions (member_id);

CREATE TABLE todos (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    member_id BIGINT NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    task TEXT NOT NULL CHECK (length(task) > 0),
    due TIMESTAMPTZ,
    complete BOOLEAN NOT NULL DEFAULT FALSE
);

CREATE INDEX todos_member_id_idx ON todos (member_id, id);
