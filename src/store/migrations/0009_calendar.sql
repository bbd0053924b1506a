-- The working-day calendar (issue 10): administrators' overrides of the computed default (a day off or a working
-- day, with its reason) and office hours per agency. Times are microseconds since the Unix epoch, UTC.

-- One day the administrator set: working = 1 (a make-up Saturday, a computed day off cancelled) or 0 (a day off).
CREATE TABLE calendar_overrides (
  day TEXT PRIMARY KEY,                -- YYYY-MM-DD
  working INTEGER NOT NULL,            -- 1 working, 0 off
  reason TEXT NOT NULL,
  updated_at BIGINT NOT NULL,
  updated_by BIGINT                    -- the administrator's account
);

-- Office hours of an agency in minutes after local midnight (the default 07:30–11:30, 13:30–17:00 when absent).
CREATE TABLE office_hours (
  agency_code TEXT PRIMARY KEY,
  morning_start INTEGER NOT NULL,
  morning_end INTEGER NOT NULL,
  afternoon_start INTEGER NOT NULL,
  afternoon_end INTEGER NOT NULL,
  updated_at BIGINT NOT NULL,
  updated_by BIGINT
);
