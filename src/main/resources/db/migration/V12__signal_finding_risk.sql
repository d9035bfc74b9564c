-- The risk a finding went to in the register (module: signal): opened for it, or the account's
-- unresolved risk of its category that it was attached to. Null until a pass has put it there.
alter table signal_finding add column risk_key text;
create index signal_finding_risk_idx on signal_finding (risk_key) where risk_key is not null;
