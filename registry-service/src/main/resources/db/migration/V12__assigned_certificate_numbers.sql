-- A number the registry made up because the list (or the administrator) gave none is a registry number
-- (登记编号), not an issuer's certificate number; the public, the banks and the credentials say so. The
-- numbers it issues for the certification workflow's own grants are the province's certificate numbers.
alter table listing add column certificate_number_assigned boolean not null default false;

-- Listings from before this column: an imported or registered listing whose number is one the registry
-- counted out under its own prefix (<type>-<issuer>-<year>-<serial>, serial within certificate_serial).
update listing l set certificate_number_assigned = true
  from certificate_serial s
 where l.source <> 'CERTIFICATION'
   and l.provincial_certificate_number is null
   and l.certificate_number ~ '^G[FPDS]-[0-9A-Z]+-[0-9]{4}-[0-9]{4,9}$'
   and left(l.certificate_number, length(s.prefix) + 1) = s.prefix || '-'
   and substring(l.certificate_number from length(s.prefix) + 2)::int <= s.last;

-- and the snapshots the change log keeps of them, which as-of questions answer from
update change_log c set snapshot = jsonb_set(c.snapshot, '{certificateNumberAssigned}', 'true')
  from listing l
 where l.id = c.listing_id and l.certificate_number_assigned
   and c.snapshot ->> 'certificateNumber' = l.certificate_number;
