-- The person a queued registry status change was decided by (a reviewer's user name, or the national
-- platform): the registry records it beside this service as the change's actor. Null for entries from
-- before, which the registry records under the service alone.
alter table registry_outbox add column acting_for text;
