-- A listing's grant date is what its source stated (or the day the certification workflow granted it).
-- An imported list that gives only a year has none: the registry no longer makes one up. When it takes
-- effect for as-of questions stays in status_changed_at and the change log, as before.
alter table listing alter column granted_on drop not null;
