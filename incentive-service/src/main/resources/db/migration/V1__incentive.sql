-- Incentives: subsidy programs and applications, green-credit referrals, bank webhook
-- subscriptions and deliveries. Money is numeric(16,2) CNY, never floating point.

-- Banks that take part in green-credit referrals and may verify and subscribe. A bank's Keycloak
-- client carries its id in the bank_id claim.
create table bank (
    id     varchar(16) primary key,
    name   text        not null,
    active boolean     not null default true
);
insert into bank (id, name) values ('NXBANK', '宁夏银行'), ('HHRCB', '黄河农村商业银行');

-- 奖补 programs. eligibility and amount_rule are JSON documents validated by the service.
create table program (
    id              uuid primary key,
    code            varchar(40)   not null unique,
    name            text          not null,
    kind            varchar(16)   not null,
    description     text,
    eligibility     jsonb         not null,
    amount_rule     jsonb         not null,
    opens_at        timestamptz   not null,
    closes_at       timestamptz   not null,
    budget          numeric(16,2) not null check (budget > 0),
    -- approved amounts not yet given back: raised only by a conditional update that keeps it within
    -- the budget; the check is the last line of defence
    committed       numeric(16,2) not null default 0 check (committed >= 0 and committed <= budget),
    disbursed       numeric(16,2) not null default 0 check (disbursed >= 0 and disbursed <= committed),
    created_at      timestamptz   not null,
    created_by      text          not null,
    updated_at      timestamptz   not null,
    idempotency_key varchar(128),
    check (opens_at < closes_at),
    constraint program_idempotency unique (created_by, idempotency_key)
);

create table subsidy_application (
    id                     uuid primary key,
    program_id             uuid          not null references program,
    kind                   varchar(16)   not null,
    uscc                   varchar(18)   not null,
    enterprise_name        text          not null,
    region_code            varchar(6)    not null,
    city_code              varchar(6)    not null,
    listing_id             uuid          not null,
    listing_type           varchar(24)   not null,
    listing_level          varchar(12)   not null,
    listing_year           int           not null,
    certificate_number     varchar(64)   not null,
    project_name           text,
    project_content        text,
    total_investment       numeric(16,2),
    proposed_amount        numeric(16,2) not null check (proposed_amount > 0),
    approved_amount        numeric(16,2) check (approved_amount > 0 and approved_amount <= proposed_amount),
    status                 varchar(16)   not null,
    decision_reason        text,
    decided_by             text,
    decided_at             timestamptz,
    disbursed_on           date,
    disbursement_reference text,
    disbursed_by           text,
    disbursed_at           timestamptz,
    submitted_by           text          not null,
    submitted_at           timestamptz   not null,
    updated_at             timestamptz   not null,
    idempotency_key        varchar(128),
    constraint subsidy_application_idempotency unique (uscc, idempotency_key)
);
create index subsidy_application_program on subsidy_application (program_id, status);
create index subsidy_application_uscc on subsidy_application (uscc, submitted_at);
create index subsidy_application_city on subsidy_application (city_code, submitted_at);
-- an award is one-off: a listing holds at most one live award application, across all programs
create unique index subsidy_one_award_per_listing on subsidy_application (listing_id)
    where kind = 'AWARD' and status not in ('REJECTED', 'WITHDRAWN');
create unique index subsidy_one_diagnostics_per_enterprise on subsidy_application (program_id, uscc)
    where kind = 'DIAGNOSTICS' and status not in ('REJECTED', 'WITHDRAWN');

-- What happened to an application, by whom and when.
create table subsidy_event (
    id             bigint generated always as identity primary key,
    application_id uuid          not null references subsidy_application on delete cascade,
    at             timestamptz   not null,
    actor          text          not null,
    action         varchar(16)   not null,
    status         varchar(16)   not null,
    amount         numeric(16,2),
    comment        text
);
create index subsidy_event_application on subsidy_event (application_id, at);

-- 绿色信贷 referrals from enterprises with an ACTIVE listing to participating banks.
create table credit_referral (
    id                   uuid primary key,
    uscc                 varchar(18)   not null,
    enterprise_name      text          not null,
    region_code          varchar(6)    not null,
    listing_id           uuid          not null,
    certificate_number   varchar(64)   not null,
    listing_type         varchar(24)   not null,
    listing_level        varchar(12)   not null,
    amount               numeric(16,2) not null check (amount > 0),
    term_months          int           not null check (term_months between 1 and 360),
    purpose              text          not null,
    project_reference    text,
    target_bank          varchar(16) references bank,
    status               varchar(16)   not null,
    bank_id              varchar(16) references bank,
    created_at           timestamptz   not null,
    created_by           text          not null,
    accepted_at          timestamptz,
    accepted_by          text,
    decided_at           timestamptz,
    approved_amount      numeric(16,2) check (approved_amount > 0),
    annual_rate          numeric(7,4),
    approved_term_months int,
    decline_reason       text,
    disbursed_at         timestamptz,
    disbursed_amount     numeric(16,2) check (disbursed_amount > 0),
    disbursed_on         date,
    loan_reference       text,
    withdrawn_at         timestamptz,
    updated_at           timestamptz   not null,
    idempotency_key      varchar(128),
    constraint credit_referral_idempotency unique (uscc, idempotency_key)
);
create index credit_referral_queue on credit_referral (status, target_bank, created_at);
create index credit_referral_bank on credit_referral (bank_id, created_at);
create index credit_referral_uscc on credit_referral (uscc, created_at);

-- Where this service stands in a feed it follows (the registry's change feed): updated in the
-- same transaction as the deliveries a change creates, so a restart neither loses nor repeats one.
create table feed_cursor (
    name          varchar(32) primary key,
    last_sequence bigint      not null,
    updated_at    timestamptz not null
);
insert into feed_cursor values ('registry', 0, now());

create table webhook_subscription (
    id              uuid primary key,
    bank_id         varchar(16)  not null references bank,
    url             varchar(2000) not null,
    -- AES-GCM under the service's key; HMAC signing needs the secret itself, so it cannot be hashed
    secret          text         not null,
    description     text,
    watch_all       boolean      not null,
    active          boolean      not null,
    -- changes up to this registry sequence happened before the subscription and are not delivered
    start_sequence  bigint       not null,
    created_at      timestamptz  not null,
    created_by      text         not null,
    updated_at      timestamptz  not null,
    idempotency_key varchar(128),
    constraint webhook_subscription_idempotency unique (bank_id, idempotency_key)
);
create index webhook_subscription_bank on webhook_subscription (bank_id);

create table webhook_watch (
    subscription_id uuid        not null references webhook_subscription on delete cascade,
    uscc            varchar(18) not null,
    primary key (subscription_id, uscc)
);
create index webhook_watch_uscc on webhook_watch (uscc);

create table webhook_delivery (
    id              uuid primary key,
    subscription_id uuid         not null references webhook_subscription on delete cascade,
    sequence        bigint       not null,
    event_id        varchar(80)  not null unique,
    listing_id      uuid         not null,
    uscc            varchar(18)  not null,
    -- the exact bytes that are signed and sent, the same on every attempt and replay
    payload         text         not null,
    state           varchar(12)  not null,
    attempts        int          not null default 0,
    -- attempts since the delivery was (re)queued: drives the back-off and the give-up point
    round_attempts  int          not null default 0,
    next_attempt_at timestamptz  not null,
    lease_until     timestamptz,
    last_attempt_at timestamptz,
    last_status     int,
    last_error      text,
    delivered_at    timestamptz,
    created_at      timestamptz  not null,
    constraint webhook_delivery_once unique (subscription_id, sequence)
);
create index webhook_delivery_due on webhook_delivery (next_attempt_at) where state = 'PENDING';
create index webhook_delivery_log on webhook_delivery (subscription_id, sequence desc);

create table webhook_attempt (
    delivery_id uuid        not null references webhook_delivery on delete cascade,
    attempt     int         not null,
    at          timestamptz not null,
    http_status int,
    error       text,
    duration_ms int         not null,
    primary key (delivery_id, attempt)
);
