-- Certification: batches, applications and their review workflow, publicity, registration in the
-- registry, annual reports, and the notice change feed.

create table batch (
    id              uuid primary key,
    name            text         not null,
    year            int          not null,
    types           text         not null,  -- comma-separated listing types
    opens_at        timestamptz  not null,
    deadline        timestamptz  not null,
    publicity_days  int          not null,
    pass_mark       numeric(5,2) not null,
    min_experts     int          not null,
    -- BATCH_OPENED reaches the notice feed once, when opens_at has passed
    opened_notified boolean      not null default false,
    created_by      text         not null,
    created_at      timestamptz  not null
);
create index batch_open on batch (opens_at, deadline);

create table application (
    id                  uuid primary key,
    batch_id            uuid         not null references batch,
    uscc                varchar(18)  not null,
    owner               text         not null,
    type                varchar(24)  not null,
    state               varchar(24)  not null,
    -- 0 while never submitted; each submission (the first and every resubmission) starts a new round
    round               int          not null default 0,
    enterprise_name     text,
    region_code         varchar(6),
    city_code           varchar(6),
    industry_code       varchar(3),
    subject             jsonb        not null default '{}',
    self_score          numeric(5,2),
    indicators          jsonb        not null default '[]',
    evaluation_body     text,
    evaluation_report   text,
    expert_mean         numeric(5,2),
    publicity_starts_at timestamptz,
    publicity_ends_at   timestamptz,
    listing_id          uuid,
    certificate_number  text,
    idempotency_key     varchar(128),
    created_at          timestamptz  not null,
    updated_at          timestamptz  not null,
    constraint application_idempotency unique (uscc, idempotency_key)
);
create index application_queue on application (state, city_code);
create index application_uscc on application (uscc, created_at);

-- What was submitted in each round, kept as it was: a return and resubmission never overwrite it.
create table application_round (
    application_id uuid        not null references application,
    round          int         not null,
    submitted_at   timestamptz not null,
    submitted_by   text        not null,
    snapshot       jsonb       not null,
    primary key (application_id, round)
);

-- Every state transition, with who made it in which role, when and why.
create table transition (
    id             bigserial primary key,
    application_id uuid        not null references application,
    round          int         not null,
    from_state     varchar(24),
    to_state       varchar(24) not null,
    actor          text        not null,
    role           varchar(32) not null,
    occurred_at    timestamptz not null,
    comment        text
);
create index transition_application on transition (application_id, id);

create table document (
    id             uuid primary key,
    application_id uuid        not null references application,
    round          int         not null,  -- the round it was submitted with (application.round + 1 while editing)
    kind           varchar(24) not null,
    file_name      text        not null,
    size_bytes     bigint      not null,
    sha256         char(64)    not null,
    content        bytea       not null,
    uploaded_by    text        not null,
    uploaded_at    timestamptz not null
);
create index document_application on document (application_id, uploaded_at);

-- Decisions of the municipal and provincial stages.
create table review (
    id             uuid primary key,
    application_id uuid        not null references application,
    round          int         not null,
    stage          varchar(24) not null,
    decision       varchar(12) not null,
    comment        text,
    reviewer       text        not null,
    decided_at     timestamptz not null
);
create index review_application on review (application_id, decided_at);

create table expert_assignment (
    application_id uuid        not null references application,
    round          int         not null,
    expert         text        not null,
    assigned_by    text        not null,
    assigned_at    timestamptz not null,
    primary key (application_id, round, expert)
);
create index expert_assignment_expert on expert_assignment (expert);

create table expert_score (
    application_id uuid         not null,
    round          int          not null,
    expert         text         not null,
    score          numeric(5,2) not null,
    comment        text,
    scored_at      timestamptz  not null,
    primary key (application_id, round, expert),
    foreign key (application_id, round, expert) references expert_assignment
);

create table objection (
    id             uuid primary key,
    application_id uuid        not null references application,
    round          int         not null,
    objector_name  text        not null,
    objector_contact text      not null,
    content        text        not null,
    client         text        not null,
    status         varchar(12) not null,  -- PENDING, UPHELD, DISMISSED
    outcome        varchar(12),           -- for UPHELD: REJECT or RETURN
    decision_comment text,
    decided_by     text,
    decided_at     timestamptz,
    filed_at       timestamptz not null
);
create index objection_application on objection (application_id, filed_at);

-- The outbox of approvals: written in the transaction that approves; a worker registers the listing
-- with the registry (idempotent by request_id) until it answers, then completes the row.
create table registration (
    application_id uuid primary key references application,
    request_id     varchar(128) not null unique,
    status         varchar(12)  not null,  -- PENDING, DONE
    attempts       int          not null default 0,
    last_error     text,
    next_attempt_at timestamptz not null,
    listing_id     uuid,
    certificate_number text,
    created_at     timestamptz  not null,
    completed_at   timestamptz
);
create index registration_pending on registration (status, next_attempt_at);

create table annual_report (
    id              uuid primary key,
    application_id  uuid         not null references application,
    listing_id      uuid         not null,
    uscc            varchar(18)  not null,
    city_code       varchar(6)   not null,
    year            int          not null,
    due_on          date         not null,
    status          varchar(12)  not null,  -- DUE, SUBMITTED, ACCEPTED, SUSPENDED, REVOKED
    indicators      jsonb        not null default '[]',
    remarks         text,
    submitted_by    text,
    submitted_at    timestamptz,
    decision_reason text,
    decided_by      text,
    decided_at      timestamptz,
    -- the listing was suspended over this report: accepting a later submission restores it
    listing_suspended boolean    not null default false,
    created_at      timestamptz  not null,
    constraint annual_report_year unique (listing_id, year)
);
create index annual_report_uscc on annual_report (uscc, due_on);

-- The notice feed: sequence handed out under the row lock of notice_counter, held until commit, so
-- numbers become visible in order and without gaps (see the registry's change_log).
create table notice_counter (
    id   int primary key check (id = 1),
    last bigint not null
);
insert into notice_counter values (1, 0);

create table notice_change (
    sequence    bigint primary key,
    kind        varchar(24) not null,
    occurred_at timestamptz not null,
    payload     bytea       not null  -- the NoticeChange protobuf, sequence included
);
