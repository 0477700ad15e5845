-- Third-party evaluation bodies (第三方评价机构), their engagements on applications, and the
-- conflicts experts declare.

create table evaluation_body (
    id              uuid primary key,
    name            text         not null,
    credit_code     varchar(18)  not null unique,
    types           text         not null,  -- comma-separated listing types it is qualified for
    qualified_until date         not null,
    contact         text         not null,
    -- credit codes of enterprises the body declared itself affiliated with (comma-separated)
    affiliations    text         not null default '',
    status          varchar(12)  not null,  -- ACTIVE, SUSPENDED, SANCTIONED
    created_by      text         not null,
    created_at      timestamptz  not null,
    updated_at      timestamptz  not null
);

-- Every status change of a body: from, to, why, who, when.
create table evaluation_body_status (
    id          bigserial primary key,
    body_id     uuid         not null references evaluation_body,
    from_status varchar(12),
    to_status   varchar(12)  not null,
    reason      text,
    actor       text         not null,
    occurred_at timestamptz  not null
);
create index evaluation_body_status_body on evaluation_body_status (body_id, id);

-- The cap on confirmed engagements of one body in a batch, where an administrator set one
-- (else greenportal.evaluation.max-engagements-per-batch).
create table batch_evaluation_cap (
    batch_id uuid primary key references batch,
    cap      int  not null check (cap between 1 and 1000)
);

-- A body named on an application (委托): REQUESTED by the enterprise, CONFIRMED by the body's staff,
-- then its report (a document of kind EVALUATION_REPORT) and per-aspect scores. An application has at
-- most one current engagement; a replaced or voided one stays as it was.
create table engagement (
    id             uuid primary key,
    application_id uuid         not null references application,
    body_id        uuid         not null references evaluation_body,
    batch_id       uuid         not null references batch,
    status         varchar(12)  not null,  -- REQUESTED, CONFIRMED, REPLACED, VOIDED
    requested_by   text         not null,
    requested_at   timestamptz  not null,
    confirmed_by   text,
    confirmed_at   timestamptz,
    report_document_id uuid references document,
    report_number  text,
    scores         jsonb,
    total_score    numeric(5,2),
    reported_by    text,
    reported_at    timestamptz,
    ended_reason   text,
    ended_at       timestamptz,
    -- the body was sanctioned within the look-back period of this report
    flagged_at     timestamptz,
    flagged_reason text
);
create unique index engagement_current on engagement (application_id) where status in ('REQUESTED', 'CONFIRMED');
create index engagement_body_batch on engagement (body_id, batch_id) where status = 'CONFIRMED';
create index engagement_body on engagement (body_id, requested_at);

-- Conflicts of interest an expert declares: an enterprise or an evaluation body, by credit code.
create table expert_conflict (
    expert      text         not null,
    credit_code varchar(18)  not null,
    kind        varchar(12)  not null,  -- ENTERPRISE, BODY
    note        text,
    declared_at timestamptz  not null,
    primary key (expert, credit_code)
);

-- Sanctions reach back: reports a sanctioned body made in the look-back period are flagged, and each
-- approved listing among them gets a review task for the provincial reviewers (due process, no
-- automatic revocation).
create table sanction_review (
    id             uuid primary key,
    body_id        uuid         not null references evaluation_body,
    application_id uuid         not null references application,
    listing_id     uuid,
    status         varchar(12)  not null,  -- OPEN, DECIDED
    outcome        varchar(12),           -- KEEP, SUSPEND, REVOKE
    comment        text,
    decided_by     text,
    decided_at     timestamptz,
    created_at     timestamptz  not null,
    unique (body_id, application_id)
);
create index sanction_review_open on sanction_review (status, created_at);
