-- The registry of green listings. Every write also appends to change_log in the same transaction.

create table enterprise (
    uscc          varchar(18) primary key,
    name          text        not null,
    region_code   varchar(6)    not null,
    industry_code varchar(3)  not null,
    created_at    timestamptz not null,
    updated_at    timestamptz not null
);
create index enterprise_region on enterprise (region_code text_pattern_ops);

-- Renames keep history: one row per name the enterprise has held.
create table enterprise_name (
    uscc       varchar(18)    not null references enterprise,
    name       text        not null,
    valid_from timestamptz not null,
    valid_to   timestamptz,
    changed_by text        not null
);
create index enterprise_name_uscc on enterprise_name (uscc, valid_from);

create table listing (
    id                  uuid primary key,
    type                varchar(24) not null,
    level               varchar(12) not null,
    uscc                varchar(18)    not null references enterprise,
    site_name           text,
    park_name           text,
    product_name        text,
    product_model       text,
    product_category    text,
    evaluation_standard text,
    year                int         not null,
    batch               text,
    certificate_number  varchar(64) not null,
    indicators          jsonb       not null default '[]',
    status              varchar(12) not null,
    status_reason       text,
    status_changed_at   timestamptz not null,
    status_changed_by   text        not null,
    granted_on          date        not null,
    source              varchar(16) not null,
    source_ref          text,
    request_id          varchar(128),
    created_at          timestamptz not null,
    created_by          text        not null,
    constraint listing_certificate_number unique (certificate_number),
    constraint listing_request_id unique (request_id)
);
create index listing_uscc on listing (uscc);
create index listing_filters on listing (type, level, year, status);

-- Append-only. sequence is handed out under the row lock of change_counter, which is held until
-- commit: numbers become visible in the order they were given, and a rolled-back write gives its
-- number back, so a reader following "sequence > last" never skips a row that commits later.
create table change_counter (
    id   int primary key check (id = 1),
    last bigint not null
);
insert into change_counter values (1, 0);

create table change_log (
    sequence        bigint primary key,
    listing_id      uuid        not null references listing,
    kind            varchar(24) not null,
    occurred_at     timestamptz not null,
    -- when the change took effect in the world (a listing granted in 2019 and imported today is
    -- effective from its grant date); as-of queries read this
    effective_at    timestamptz not null,
    actor           text        not null,
    previous_status varchar(12),
    snapshot        jsonb       not null
);
create index change_log_listing on change_log (listing_id, effective_at);

-- The last serial handed out per certificate-number prefix, e.g. GF-640000-2025.
create table certificate_serial (
    prefix varchar(32) primary key,
    last   int         not null
);

create table import_job (
    id            uuid primary key,
    file_name     text        not null,
    format        varchar(8)  not null,
    status        varchar(12) not null,
    rows_total    int         not null default 0,
    rows_done     int         not null default 0,
    rows_imported int         not null default 0,
    rows_rejected int         not null default 0,
    error         text,
    created_by    text        not null,
    created_at    timestamptz not null,
    finished_at   timestamptz
);

create table import_rejection (
    job_id uuid not null references import_job,
    line   int  not null,
    field  text,
    reason text not null
);
create index import_rejection_job on import_rejection (job_id, line);
