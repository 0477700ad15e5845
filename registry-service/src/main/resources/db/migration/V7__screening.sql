-- Portfolio screening for banks: a job per uploaded portfolio, one result row per portfolio row.
create table screening_job (
    id          uuid primary key,
    bank_id     varchar(64) not null,
    file_name   text        not null,
    format      varchar(8)  not null,
    status      varchar(12) not null,
    rows_total  int         not null,
    rows_done   int         not null default 0,
    matched     int         not null default 0,
    candidates  int         not null default 0,
    no_match    int         not null default 0,
    created_by  text        not null,
    created_at  timestamptz not null,
    started_at  timestamptz,
    finished_at timestamptz,
    error       text
);
create index screening_job_bank on screening_job (bank_id, created_at desc);

create table screening_result (
    job_id          uuid        not null references screening_job on delete cascade,
    line            int         not null,
    reference       text,
    credit_code     text,
    name            text,
    outcome         varchar(12) not null,
    matched_by      varchar(12),
    uscc            varchar(18),
    registered_name text,
    score           numeric(4, 3),
    note            text,
    candidates      jsonb,
    listings        jsonb,
    primary key (job_id, line)
);
