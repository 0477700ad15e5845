-- What an administrator's POST /listings asked for under its Idempotency-Key (SHA-256 of the request's
-- JSON): the same key with another request is refused (422) instead of answered with the first
-- listing. Null for listings from before, for registrations over gRPC (their request id alone
-- decides) and for imports.
alter table listing add column request_fingerprint char(64);
