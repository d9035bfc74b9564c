-- Similar past risks (module: similar): a full-text document of every risk, indexed, kept by PostgreSQL
-- itself so a risk saved by any path (API, import, bulk SQL) is searchable at once.

-- For the similarity of titles. Trusted since PostgreSQL 13: the database owner may create it; an
-- external server needs its contrib package.
create extension if not exists pg_trgm;

-- The risk's evidence lines as one text: a generated column may only read its own row.
alter table risk add column evidence_text text not null default '';

create function risk_evidence_text_refresh() returns trigger language plpgsql as $$
begin
    update risk r
    set evidence_text = coalesce((select string_agg(e.text, E'\n' order by e.position)
                                  from risk_evidence e where e.risk_id = r.id), '')
    where r.id in (select risk_id from changed_evidence);
    return null;
end
$$;

-- Statement triggers: saving a risk rewrites its evidence rows (delete, then insert), and a bulk load
-- of many risks refreshes each of them once per statement, not once per line.
create trigger risk_evidence_inserted after insert on risk_evidence
    referencing new table as changed_evidence for each statement execute function risk_evidence_text_refresh();
create trigger risk_evidence_deleted after delete on risk_evidence
    referencing old table as changed_evidence for each statement execute function risk_evidence_text_refresh();
create trigger risk_evidence_updated after update on risk_evidence
    referencing new table as changed_evidence for each statement execute function risk_evidence_text_refresh();

-- Weights: the title says most (A), then the description (B), the evidence (C) and the root cause (D).
alter table risk add column search_document tsvector generated always as (
    setweight(to_tsvector('english', title), 'A')
    || setweight(to_tsvector('english', coalesce(description, '')), 'B')
    || setweight(to_tsvector('english', evidence_text), 'C')
    || setweight(to_tsvector('english', coalesce(root_cause, '')), 'D')) stored;

update risk r set evidence_text = e.text
from (select risk_id, string_agg(text, E'\n' order by position) as text from risk_evidence group by risk_id) e
where e.risk_id = r.id;

create index risk_search_document_idx on risk using gin (search_document);

-- A lexeme as tsquery input, taken as it is (it is already stemmed): quoted, its quotes and backslashes doubled.
create function tsquery_lexeme(lexeme text) returns text language sql immutable strict parallel safe
    return '''' || replace(replace(lexeme, '\', '\\'), '''', '''''') || '''';

-- The risk module's published read model for the similar module: what a past risk was and how it ended.
create view risk_search_facts as
    select risk_key, account_id, title, category, severity, status, root_cause, outcome, duplicate_of,
           seconds_to_resolve, search_document
    from risk;
