-- the trace of the write that made each change, so the feed's consumers can join it (W3C traceparent)
alter table change_log add column traceparent text;
