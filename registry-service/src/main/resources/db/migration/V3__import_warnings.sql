-- Rows imported with a remark (e.g. an enterprise name that differs from the registered one).
create table import_warning (
    job_id  uuid not null references import_job,
    line    int  not null,
    field   text,
    message text not null
);
create index import_warning_job on import_warning (job_id, line);
