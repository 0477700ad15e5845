-- Certificate-number uniqueness ignores letter case (ListingStore compares upper(certificate_number)):
-- an index on that expression keeps each registration's and import's check an index look-up.
create index listing_certificate_number_upper on listing (upper(certificate_number));
