-- Whether the escalation matrix's "if applicable" roles (Security, Legal) are told of a risk that is
-- not an INCIDENT (module: risk; read by the notification module through the risk's details).
alter table risk add column security_legal_applicable boolean not null default false;
