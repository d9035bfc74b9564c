-- Milestones, complete (module: plan): one list of the work to do on a risk.

-- A date may be unknown yet ("no date yet"): such a milestone has no SLA clock until one is set.
alter table cap_milestone alter column due_date drop not null;
alter table cap_milestone add column success_criterion text;
-- The directory person who owns it; null when the owner is free text (a customer-side owner).
alter table cap_milestone add column owner_id bigint;
-- PLAN: work of the corrective action plan; PREVENTION: tracked after the risk is resolved.
alter table cap_milestone add column kind text not null default 'PLAN';
alter table cap_milestone add column position integer;
-- Why a milestone was dropped.
alter table cap_milestone add column status_reason text;
-- When its clock breached for the current due date; cleared when the date moves.
alter table cap_milestone add column overdue_at timestamptz;

-- OPEN becomes TODO; what resolving carried into prevention stays tracked as a prevention item.
update cap_milestone set kind = 'PREVENTION', status = 'TODO', done_at = null, done_by = null where status = 'CARRIED';
update cap_milestone set status = 'TODO' where status = 'OPEN';
update cap_milestone set status_reason = 'Dropped when the risk was resolved' where status = 'DROPPED';

-- Action items were timeline lines with their own form: they become milestones, in the order they were recorded.
-- Those of a risk already resolved were never tracked: they are dropped, saying so.
insert into cap_milestone (risk_key, title, owner, due_date, status, status_reason, created_at, created_by,
                           done_at, done_by)
select t.risk_key, t.details ->> 'task', t.details ->> 'owner', (t.details ->> 'due')::date,
       case when r.resolved then 'DROPPED' else 'TODO' end,
       case when r.resolved then 'An action item of a risk resolved before action items became milestones' end,
       t.occurred_at, t.actor,
       case when r.resolved then t.occurred_at end, case when r.resolved then t.actor end
from timeline_entry t
join (select risk_key, status in ('RESOLVED', 'CLOSED') as resolved from risk) r on r.risk_key = t.risk_key
where t.kind = 'ACTION_ITEM';

update cap_milestone m set position = n.position
from (select id, row_number() over (partition by risk_key order by due_date nulls last, created_at, id) as position
      from cap_milestone) n
where m.id = n.id;
alter table cap_milestone alter column position set not null;
create index cap_milestone_owner_idx on cap_milestone (owner_id) where owner_id is not null;

-- The plan module's published read model, read by the risk module for the register: per risk, its
-- milestones still to do and how many of them are overdue (their SLA clock breached at the due instant).
create view plan_risk_milestones as
    select risk_key,
           count(*) filter (where status in ('TODO', 'DOING')) as open_milestones,
           count(*) filter (where status in ('TODO', 'DOING') and overdue_at is not null) as overdue_milestones
    from cap_milestone
    group by risk_key;
