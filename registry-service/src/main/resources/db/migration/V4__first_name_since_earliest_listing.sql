-- An enterprise has borne its first name at least since its earliest listing took effect; before,
-- the first name period started when the registry recorded the firm (for imported lists, years
-- later), so an answer as of a past day named no one.
update enterprise_name n set valid_from = m.since
from (select l.uscc, min(c.effective_at) as since from change_log c join listing l on l.id = c.listing_id
      where c.kind = 'LISTING_CREATED' group by l.uscc) m
where n.uscc = m.uscc and n.valid_from > m.since
  and n.valid_from = (select min(f.valid_from) from enterprise_name f where f.uscc = n.uscc);
