-- The register's free-text filter (q) is a substring match (ILIKE '%words%') over the key, the title, the
-- description and the account's name; pg_trgm's GIN indexes serve it for three characters or more, where
-- 100,000 risks were read in full (0.45 s a page).
create index risk_key_trgm_idx on risk using gin (risk_key gin_trgm_ops);
create index risk_title_trgm_idx on risk using gin (title gin_trgm_ops);
create index risk_description_trgm_idx on risk using gin (description gin_trgm_ops);
create index account_name_trgm_idx on account using gin (name gin_trgm_ops);
