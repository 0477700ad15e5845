-- An approved notice names the certificate the registry gave (the certification feed carries it).
alter table publicity_notice add column certificate_number text;
