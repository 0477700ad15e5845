-- What a creating request asked for (IdempotencyKeys.fingerprint): the same key with a different
-- request is refused (422) instead of answered with what the first one created. Rows created before
-- this have none and are taken as the same request.
alter table program add column idempotency_fingerprint varchar(64);
alter table subsidy_application add column idempotency_fingerprint varchar(64);
alter table credit_referral add column idempotency_fingerprint varchar(64);
alter table webhook_subscription add column idempotency_fingerprint varchar(64);
