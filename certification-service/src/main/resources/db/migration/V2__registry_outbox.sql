-- One outbox for every write the registry must receive: the listing of an approved application
-- (REGISTER_LISTING, formerly the registration table) and the status changes of annual-report
-- decisions (CHANGE_STATUS). A row is written in the transaction of the change that needs it; a worker
-- delivers it after commit, outside any transaction, under a lease, with the row's request id, and
-- retries with back-off. A slow registry therefore holds no row lock and no pooled connection.
create table registry_outbox (
    id                 bigserial    primary key,  -- also the order of a listing's status changes
    kind               varchar(16)  not null,     -- REGISTER_LISTING, CHANGE_STATUS
    request_id         varchar(128) not null unique,
    application_id     uuid         not null references application,
    annual_report_id   uuid         references annual_report,
    -- CHANGE_STATUS: the listing to change; REGISTER_LISTING: the listing the registry created
    listing_id         uuid,
    action             varchar(8),                -- CHANGE_STATUS: SUSPEND, REVOKE, RESTORE
    reason             text,
    status             varchar(12)  not null,     -- PENDING, DONE, REFUSED (the registry said no: final)
    attempts           int          not null default 0,
    last_error         text,
    next_attempt_at    timestamptz  not null,
    -- a worker holds the row until then while it calls the registry; an expired lease is taken over
    lease_until        timestamptz,
    certificate_number text,
    created_at         timestamptz  not null,
    completed_at       timestamptz
);
create unique index registry_outbox_registration on registry_outbox (application_id) where kind = 'REGISTER_LISTING';
create index registry_outbox_pending on registry_outbox (next_attempt_at) where status = 'PENDING';
create index registry_outbox_listing on registry_outbox (listing_id, id) where kind = 'CHANGE_STATUS';
create index registry_outbox_report on registry_outbox (annual_report_id, id) where annual_report_id is not null;

insert into registry_outbox (kind, request_id, application_id, listing_id, status, attempts, last_error,
        next_attempt_at, certificate_number, created_at, completed_at)
select 'REGISTER_LISTING', request_id, application_id, listing_id, status, attempts, last_error, next_attempt_at,
       certificate_number, created_at, completed_at
from registration order by created_at;

drop table registration;
