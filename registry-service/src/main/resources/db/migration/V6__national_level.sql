-- A provincial listing the national platform accepted becomes NATIONAL: it then carries the national
-- certificate number and date, and keeps the provincial number it had here.
alter table listing add column provincial_certificate_number varchar(64);
