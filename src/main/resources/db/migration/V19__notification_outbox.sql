-- The notification outbox: one row per message (risk, trigger, occurrence, recipient, channel),
-- written in the transaction of the change that causes it and delivered by the worker afterwards.
-- The idempotency key makes a second enqueue of the same message a no-op.
create table notification (
    id                bigserial   primary key,
    idempotency_key   text        not null unique,
    risk_key          text        references risk (risk_key) on delete cascade,
    trigger           text        not null,
    occurrence        text        not null,
    severity          text,
    channel           text        not null check (channel in ('EMAIL', 'SLACK', 'LIVE_CALL', 'INTERNAL_NOTES')),
    recipient_key     text        not null,
    recipient_name    text        not null,
    recipient_role    text,
    side              text        check (side in ('INTERNAL', 'CUSTOMER')),
    address           text,
    template          text        not null,
    subject           text        not null,
    text_body         text        not null,
    html_body         text,
    calendar          text,
    slack_message     jsonb,
    -- A matrix notification of TRIAGED or SEVERITY_CHANGED: its delivery meets the NOTIFICATION clock.
    meets_notification_clock boolean not null default false,
    -- Set once its delivery is recorded on the risk; a SENT row that meets the clock without it is
    -- recorded by the next worker pass (the node died between the send and the record).
    clock_recorded_at timestamptz,
    status            text        not null default 'PENDING' check (status in ('PENDING', 'SENDING', 'SENT', 'FAILED')),
    attempts          integer     not null default 0,
    next_attempt_at   timestamptz not null,
    lease_until       timestamptz,
    last_error        text,
    created_at        timestamptz not null,
    sent_at           timestamptz,
    sent_by_node      text
);

-- The worker's claim: due messages, oldest first.
create index notification_due on notification (next_attempt_at, id) where status in ('PENDING', 'SENDING');
create index notification_risk on notification (risk_key, id);
create index notification_failed on notification (id) where status = 'FAILED';
create index notification_clock_unrecorded on notification (id)
    where status = 'SENT' and meets_notification_clock and clock_recorded_at is null;
