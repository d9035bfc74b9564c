-- The KPI report (module: report) reads the SLA clocks through this view of the sla module, not its table:
-- per clock, its risk, kind, the severity it counts under (its target's; null for a triage clock not yet
-- reported under one), state and when it started, was due, breached and was met.
create view sla_clock_facts as
    select risk_key, kind, severity, state, started_at, due_at, breached_at, met_at
    from sla_clock;

-- The report filters risks by their detection time (with account, owner, severity, category on top).
create index risk_detected_at_idx on risk (detected_at);
