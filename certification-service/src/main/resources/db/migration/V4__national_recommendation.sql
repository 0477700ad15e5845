-- National recommendation (推荐上报): rounds of approved provincial listings sent to the national
-- platform through an outbox, and the decisions that come back.

create table national_round (
    id           uuid primary key,
    name         text         not null,
    deadline     timestamptz  not null,
    quotas       jsonb        not null,  -- {"GREEN_FACTORY": 5, ...}: at most so many dossiers per type
    status       varchar(12)  not null,  -- OPEN, SUBMITTED
    created_by   text         not null,
    created_at   timestamptz  not null,
    submitted_by text,
    submitted_at timestamptz
);

-- One recommended listing. Its id is the dossier id the national platform knows it by.
create table national_dossier (
    id                 uuid primary key,
    round_id           uuid         not null references national_round,
    position           int          not null,  -- the province's order within the round (1 = first)
    application_id     uuid         not null references application,
    listing_id         uuid         not null,
    type               varchar(24)  not null,
    -- SELECTED (round open), QUEUED (submitted, not yet delivered), DELIVERED, REFUSED (the national
    -- platform refused the dossier for good), ACCEPTED, REJECTED, REMOVED
    status             varchar(12)  not null,
    national_certificate_number text,
    national_on        date,
    decision_reason    text,
    -- the national platform's decisions are numbered per dossier (version 1, 2, ...); applied in order
    applied_version    int          not null default 0,
    -- what is sent: fixed when the round is submitted, so every attempt and replay sends the same dossier
    payload            jsonb,
    created_at         timestamptz  not null,
    updated_at         timestamptz  not null,
    unique (round_id, position) deferrable initially deferred,
    unique (round_id, application_id)
);
-- a listing is recommended once at a time: again only after a rejection
create unique index national_dossier_listing on national_dossier (listing_id) where status <> 'REJECTED';

-- The outbox of deliveries: a row per dossier, delivered after commit and retried with back-off.
create table national_outbox (
    dossier_id      uuid primary key references national_dossier,
    status          varchar(12)  not null,  -- PENDING, DONE, REFUSED
    attempts        int          not null default 0,
    last_error      text,
    next_attempt_at timestamptz  not null,
    lease_until     timestamptz,
    created_at      timestamptz  not null,
    completed_at    timestamptz
);
create index national_outbox_pending on national_outbox (next_attempt_at) where status = 'PENDING';

-- Every delivery attempt, for administrators to read (and replay).
create table national_delivery (
    id          bigserial primary key,
    dossier_id  uuid         not null references national_dossier,
    attempt     int          not null,
    at          timestamptz  not null,
    outcome     varchar(16)  not null,  -- DELIVERED, DUPLICATE, RETRY, REFUSED, REPLAY_REQUESTED
    http_status int,
    detail      text,
    actor       text         not null
);
create index national_delivery_dossier on national_delivery (dossier_id, id);

-- Every decision received, by callback or by polling; its event id makes a repeat harmless.
create table national_decision (
    event_id    varchar(128) primary key,
    dossier_id  uuid         not null references national_dossier,
    version     int          not null,
    kind        varchar(12)  not null,  -- ACCEPTED, REJECTED, REMOVED
    certificate_number text,
    decided_on  date,
    reason      text,
    removal     varchar(8),             -- REMOVED: SUSPEND or REVOKE
    source      varchar(8)   not null,  -- CALLBACK, POLL
    received_at timestamptz  not null,
    applied_at  timestamptz,
    unique (dossier_id, version)
);

alter table registry_outbox add column national_on date;
