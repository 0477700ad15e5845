-- Verifiable status credentials (W3C VC 2.0 as JWT) and their Bitstring Status Lists.

-- A listing's place in the status lists, the same in the suspension and the revocation list. Places
-- are drawn at random (the specification's herd privacy: a place says nothing about when the
-- listing was issued its first credential) and never reused.
create table credential_status_position (
    listing_id uuid primary key references listing,
    position   int  not null unique check (position >= 0)
);

-- Every published version of each list, kept: a list a bank fetched stays verifiable.
create table status_list_version (
    purpose     varchar(12) not null,
    version     int         not null,
    bits        bytea       not null,
    credential  text        not null,
    issued_at   timestamptz not null,
    primary key (purpose, version)
);
