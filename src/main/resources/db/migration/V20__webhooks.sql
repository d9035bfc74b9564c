-- Outbound webhooks: subscriptions (an admin's), one delivery per (subscription, event) written in the
-- transaction of the fact that causes it, and one row per attempt to send it.
create table webhook_subscription (
    id                   bigserial   primary key,
    url                  text        not null,
    event_types          text[]      not null check (cardinality(event_types) > 0),
    -- Kept as is: the HMAC needs it. Shown once, at creation; replaced by an update that names a new one.
    secret               text        not null,
    enabled              boolean     not null default true,
    description          text,
    -- Deliveries that gave up one after another; reset by a delivered one and by re-enabling.
    consecutive_failures integer     not null default 0,
    disabled_reason      text,
    version              integer     not null default 0,
    created_at           timestamptz not null,
    updated_at           timestamptz not null
);

create table webhook_delivery (
    id               uuid        primary key,
    subscription_id  bigint      not null references webhook_subscription (id) on delete cascade,
    event_id         text        not null,
    event_type       text        not null,
    risk_key         text,
    -- The exact body sent (and signed) on every attempt.
    payload          text        not null,
    status           text        not null default 'PENDING' check (status in ('PENDING', 'SENDING', 'DELIVERED', 'FAILED')),
    attempts         integer     not null default 0,
    next_attempt_at  timestamptz not null,
    lease_until      timestamptz,
    sent_by_node     text,
    response_code    integer,
    last_error       text,
    created_at       timestamptz not null,
    delivered_at     timestamptz,
    unique (subscription_id, event_id)
);

create index webhook_delivery_due on webhook_delivery (next_attempt_at, id) where status in ('PENDING', 'SENDING');
create index webhook_delivery_log on webhook_delivery (subscription_id, created_at desc);

-- A redelivery by hand counts its attempts from 1 again; the earlier ones stay.
create table webhook_attempt (
    id             bigserial   primary key,
    delivery_id    uuid        not null references webhook_delivery (id) on delete cascade,
    attempt        integer     not null,
    started_at     timestamptz not null,
    duration_ms    bigint      not null,
    response_code  integer,
    error          text
);

create index webhook_attempt_delivery on webhook_attempt (delivery_id, id);
