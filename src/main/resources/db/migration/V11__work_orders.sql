-- Each work order issued to the construction team for the pipe outside the red line, and when it was
-- cancelled because the customer withdrew (docs/adr/0031-withdrawal-undoes-what-was-started.md).
CREATE TABLE work_order (
  number              VARCHAR(32)  NOT NULL PRIMARY KEY,
  application_number  VARCHAR(20)  NOT NULL,
  process_instance_id VARCHAR(64)  NOT NULL,
  -- null for an order issued before this table existed and cancelled afterwards
  issued_at           TIMESTAMP WITH TIME ZONE,
  cancelled_at        TIMESTAMP WITH TIME ZONE
);

CREATE INDEX work_order_case_idx ON work_order (application_number);
