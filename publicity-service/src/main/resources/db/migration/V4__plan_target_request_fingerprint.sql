-- What the request that created a plan target under an Idempotency-Key asked for (SHA-256 of its
-- JSON): the same key with another request is refused (422) instead of answered with the first
-- target. Null for targets from before.
alter table plan_target add column idempotency_fingerprint char(64);
