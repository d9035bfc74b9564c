-- A risk closed as a duplicate names the risk it duplicates (module: risk); no business outcome then.
alter table risk add column duplicate_of text;
create index risk_duplicate_of_idx on risk (duplicate_of) where duplicate_of is not null;
