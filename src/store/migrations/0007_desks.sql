-- Bộ phận một cửa: the desks where citizens hand in applications, with what they need to get there (issue 8).
-- Loaded from a CSV (data/demo/desks.csv, `motcua import desks FILE`); a commune without a row falls back to its
-- committee's name and the hotline on the page.
CREATE TABLE desks (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('province-centre', 'department', 'commune')),
  province_code TEXT NOT NULL,           -- 2025 GSO code of the province it is in
  commune_code TEXT NOT NULL DEFAULT '', -- 2025 GSO code of the commune it serves (kind 'commune')
  agency_code TEXT NOT NULL DEFAULT '',  -- the agency it belongs to (kind 'department')
  name TEXT NOT NULL,
  address TEXT NOT NULL,
  hours TEXT NOT NULL,
  phone TEXT NOT NULL,
  latitude REAL,                         -- WGS 84, both or neither
  longitude REAL,
  demo_values INTEGER NOT NULL DEFAULT 0 -- 1: address and phone are demo values, not published ones
);
CREATE UNIQUE INDEX desks_commune ON desks (commune_code) WHERE kind = 'commune';
