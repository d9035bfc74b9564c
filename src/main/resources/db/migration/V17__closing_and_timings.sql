-- Closing a risk (module: risk): prevention items with an owner and a due date, a closing summary,
-- and the times to triage, first response, resolve and close kept per risk for the reports.

alter table risk_prevention_item
    add column owner    text,
    add column due_date date;

alter table risk
    add column closing_summary     text,
    add column triage_completed_at timestamptz;

-- Triage completes with the last of the five steps; risks triaged before this column knew it.
update risk r set triage_completed_at = s.done_at
from (select risk_id, max(done_at) as done_at from risk_triage_step group by risk_id having count(*) = 5) s
where s.risk_id = r.id;

-- Seconds from detection, clock time; null until the risk gets there. Generated: always true to the instants.
alter table risk
    add column seconds_to_triage         bigint generated always as (extract(epoch from triage_completed_at - detected_at)::bigint) stored,
    add column seconds_to_first_response bigint generated always as (extract(epoch from first_response_at - detected_at)::bigint) stored,
    add column seconds_to_resolve        bigint generated always as (extract(epoch from resolved_at - detected_at)::bigint) stored,
    add column seconds_to_close          bigint generated always as (extract(epoch from closed_at - detected_at)::bigint) stored;
