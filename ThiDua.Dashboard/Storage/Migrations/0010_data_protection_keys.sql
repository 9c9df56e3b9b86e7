-- The ASP.NET Core data-protection key ring (sign-in cookies, screen-link cookies, antiforgery
-- tokens), shared by every node on this database, so a cookie issued by one node is read by all.
-- One row per XML element the key manager stores (keys and revocations); never updated.
CREATE TABLE data_protection_keys (
    id            INTEGER NOT NULL PRIMARY KEY,
    friendly_name TEXT NOT NULL,
    xml           TEXT NOT NULL,
    created_at    TEXT NOT NULL
) STRICT;
