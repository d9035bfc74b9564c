-- Where an event came from: null for telemetry files, 'import <id>' for a signal a confirmed
-- document reported (docs/intake.md#signals). A file's upsert leaves it as it is.
alter table telemetry_event add column source text;
