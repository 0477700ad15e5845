-- A listing whose status never changed has held it since its creation took effect (its granted-on
-- day), not since the moment it was loaded: correct the listings and the change-log snapshots
-- written before this was so. Only creations that took effect before they were recorded differ.

update listing l set status_changed_at = c.effective_at
from change_log c
where c.listing_id = l.id and c.kind = 'LISTING_CREATED' and c.effective_at < c.occurred_at
  and not exists (select 1 from change_log s where s.listing_id = l.id and s.kind = 'STATUS_CHANGED');

-- every snapshot taken before the listing's first status change still shows its first status
update change_log e
set snapshot = jsonb_set(e.snapshot, '{statusChangedAt}',
    to_jsonb(to_char(c.effective_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD"T"HH24:MI:SS') || '+08:00'))
from change_log c
where c.listing_id = e.listing_id and c.kind = 'LISTING_CREATED' and c.effective_at < c.occurred_at
  and date_trunc('second', c.effective_at) = c.effective_at
  and not exists (select 1 from change_log s where s.listing_id = e.listing_id and s.kind = 'STATUS_CHANGED'
                  and s.sequence <= e.sequence);
