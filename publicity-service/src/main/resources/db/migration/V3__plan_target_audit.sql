-- Who changed a plan target and when: a row per insert, update and delete of plan_target, written by a
-- trigger so that no writer (the API, a migration, a hand-run statement) escapes it. The actor is the
-- row's updated_by when the write set it (the API always does); a delete names the actor through the
-- transaction setting greenportal.actor (the API sets it), else the database user.
create table plan_target_audit (
    id        bigserial primary key,
    target_id bigint      not null,
    action    text        not null check (action in ('CREATED', 'CHANGED', 'REMOVED')),
    actor     text        not null,
    at        timestamptz not null default clock_timestamp(),
    before    jsonb,
    after     jsonb
);
create index plan_target_audit_target on plan_target_audit (target_id, id);

create function plan_target_audit() returns trigger language plpgsql as $$
declare
    named text := coalesce(nullif(current_setting('greenportal.actor', true), ''), session_user);
begin
    if tg_op = 'INSERT' then
        insert into plan_target_audit (target_id, action, actor, after)
        values (new.id, 'CREATED', coalesce(new.updated_by, named), to_jsonb(new) - 'idempotency_key');
    elsif tg_op = 'UPDATE' then
        insert into plan_target_audit (target_id, action, actor, before, after)
        values (new.id, 'CHANGED',
                case when new.updated_at is distinct from old.updated_at then new.updated_by else named end,
                to_jsonb(old) - 'idempotency_key', to_jsonb(new) - 'idempotency_key');
    else
        insert into plan_target_audit (target_id, action, actor, before)
        values (old.id, 'REMOVED', named, to_jsonb(old) - 'idempotency_key');
    end if;
    return null;
end
$$;

create trigger plan_target_audit after insert or update or delete on plan_target
    for each row execute function plan_target_audit();
