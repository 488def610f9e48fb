-- Each application the utility filed with the city's permit platform, and its decision, so the
-- platform's callback can find the case by the platform's reference (docs/adr/0008-permit-callback.md).
CREATE TABLE permit_filing (
  reference           VARCHAR(64)  NOT NULL PRIMARY KEY,
  application_number  VARCHAR(20)  NOT NULL,
  process_instance_id VARCHAR(64)  NOT NULL,
  permit_kind         VARCHAR(16)  NOT NULL,
  permit_procedure    VARCHAR(16)  NOT NULL,
  filed_at            TIMESTAMP WITH TIME ZONE NOT NULL,
  decision            VARCHAR(16),
  permit_number       VARCHAR(64),
  rejection_reason    VARCHAR(500),
  decided_at          TIMESTAMP WITH TIME ZONE,
  -- tasklist (the permit agent recorded it) or platform (the platform's callback)
  decided_via         VARCHAR(16)
);

CREATE INDEX permit_filing_case_idx ON permit_filing (application_number, permit_kind);
