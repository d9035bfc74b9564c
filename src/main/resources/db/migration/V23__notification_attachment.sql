-- A message may carry one file (the executive digest's portfolio PDF), stored with it so a retry
-- or a resend sends the same bytes the run made.
alter table notification
    add column attachment      bytea,
    add column attachment_name text,
    add column attachment_type text,
    add constraint notification_attachment_complete check (
        (attachment is null and attachment_name is null and attachment_type is null)
        or (attachment is not null and attachment_name is not null and attachment_type is not null));
