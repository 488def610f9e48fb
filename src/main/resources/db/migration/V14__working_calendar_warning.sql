-- One row per year whose State Council holiday notice was missing 60 days before the official working calendar
-- ended, written in the transaction that tells the supervisors: the primary key makes it one notice, across
-- checks, restarts and nodes (sla.CalendarRunningOut, docs/operations.md).
CREATE TABLE working_calendar_warning (
  calendar_year INTEGER                  NOT NULL PRIMARY KEY,
  sent_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
