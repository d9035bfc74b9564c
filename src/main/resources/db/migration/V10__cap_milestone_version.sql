-- Optimistic locking of CAP milestones (module: plan): an edit based on an older version is refused.

alter table cap_milestone add column version integer not null default 0;
