-- Account telemetry for signal detection (module: signal); accounts gain the CRM id that
-- telemetry files name them by, and the date their first value is due (module: account).
--
-- Every telemetry table is keyed by account first, so the same SQL runs on Citus distributed
-- by account_id. Usage, the table that grows by a row per account and day, is partitioned by
-- month; the signal module creates a month's partition before it first stores a row of it.

alter table account add column external_id text;
alter table account add column first_value_due date;
create unique index account_external_id_uq on account (external_id);

create or replace view account_facts as
    select id, name, arr_amount, arr_currency, renewal_date, segment, country, time_zone,
           external_id, first_value_due
    from account;

create table telemetry_usage (
    account_id   bigint not null references account on delete cascade,
    day          date   not null,
    active_users int    not null check (active_users >= 0),
    wau          int    not null check (wau >= 0),
    mau          int    not null check (mau >= 0),
    primary key (account_id, day)
) partition by range (day);

create table telemetry_feature_usage (
    account_id bigint not null references account on delete cascade,
    week       date   not null check (extract(isodow from week) = 1),
    feature    text   not null,
    persona    text   not null,
    users      int    not null check (users >= 0),
    primary key (account_id, week, feature, persona)
);

create table telemetry_ticket (
    account_id  bigint      not null references account on delete cascade,
    ticket_id   text        not null,
    severity    text        not null check (severity in ('SEV1', 'SEV2', 'SEV3', 'SEV4')),
    opened_at   timestamptz not null,
    resolved_at timestamptz check (resolved_at >= opened_at),
    workaround  boolean     not null,
    subject     text        not null,
    primary key (account_id, ticket_id)
);
create index telemetry_ticket_opened_idx on telemetry_ticket (account_id, opened_at);

create table telemetry_invoice (
    account_id bigint        not null references account on delete cascade,
    invoice_no text          not null,
    amount     numeric(15,2) not null check (amount >= 0),
    currency   char(3)       not null,
    due_date   date          not null,
    paid_date  date,
    primary key (account_id, invoice_no)
);

-- Surveys and events have no id of their own: every field but the free text is their key.
create table telemetry_survey (
    account_id      bigint not null references account on delete cascade,
    responded_on    date   not null,
    kind            text   not null check (kind in ('NPS', 'CSAT')),
    score           int    not null check (score >= 0 and score <= 10),
    respondent_role text   not null default '',
    comment         text,
    primary key (account_id, responded_on, kind, score, respondent_role)
);

create table telemetry_event (
    account_id  bigint not null references account on delete cascade,
    occurred_on date   not null,
    type        text   not null,
    note        text,
    primary key (account_id, occurred_on, type)
);
