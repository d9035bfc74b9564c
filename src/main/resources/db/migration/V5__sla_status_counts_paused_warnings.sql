-- A paused clock that already warned keeps its risk AT_RISK (module: sla).
create or replace view sla_risk_status as
    select risk_key,
           min(due_at) filter (where state = 'RUNNING') as next_due_at,
           case when bool_or(state = 'BREACHED') then 'BREACHED'
                when bool_or(state in ('RUNNING', 'PAUSED') and warned_at is not null) then 'AT_RISK'
                else 'ON_TRACK' end as sla_status
    from sla_clock
    group by risk_key;
