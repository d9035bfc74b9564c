-- Indexes for the register's reads at the size of a large organisation (100,000 risks, 10,000 accounts).
-- RegisterQuery orders a page by a sort key then risk.id (plans: bench/README.md, "Register reads").

-- The default order (severity, then the newest first), for the register and its cursor pages.
create index risk_severity_detected_idx on risk (severity, detected_at desc, id);
-- The register sorted by title.
create index risk_title_idx on risk (title, id);
-- Closed between two days (register filter), and risks closed per week (dashboard).
create index risk_closed_at_idx on risk (closed_at) where closed_at is not null;
-- The register sorted by account name: accounts in name order, their risks by account_id.
create index account_name_idx on account (name, id);
