-- A subscription may watch the firms a portfolio screening (registry) matched: webhook_watch holds
-- their codes, copied when the subscription names the screening; this records which screening it was.
alter table webhook_subscription add column watch_screening uuid;
