-- The supply contract issued at water-on and signed by the customer afterwards (合同后置, docs/adr/0040).

-- A code now says what it may be used for: logging in, or signing one contract. A login code cannot sign,
-- and sending one kind does not kill the other.
ALTER TABLE verification_code ADD COLUMN purpose VARCHAR(40) DEFAULT 'LOGIN' NOT NULL;
DROP INDEX verification_code_phone_idx;
CREATE INDEX verification_code_phone_idx ON verification_code (phone, purpose, id);

-- One contract per case. The document is the PDF the customer is asked to sign; its SHA-256 is what a
-- signature refers to. The signature columns stay empty until it is signed, once.
CREATE TABLE supply_contract (
  application_number   VARCHAR(20)  NOT NULL PRIMARY KEY REFERENCES application (application_number),
  contract_number      VARCHAR(20)  NOT NULL UNIQUE,
  document             BYTEA        NOT NULL,
  document_sha256      VARCHAR(64)  NOT NULL,
  issued_at            TIMESTAMP WITH TIME ZONE NOT NULL,
  -- SMS_CODE (the customer confirmed with a fresh code to the case's phone) or COUNTER (staff at the counter)
  signed_by            VARCHAR(20),
  signed_at            TIMESTAMP WITH TIME ZONE,
  signer_phone         VARCHAR(20),
  -- the verification_code row whose check the signature rests on (SMS_CODE)
  verification_code_id BIGINT REFERENCES verification_code (id),
  -- the staff login that recorded a counter signature (COUNTER)
  counter_staff        VARCHAR(64),
  signed_document      BYTEA
);

CREATE INDEX supply_contract_unsigned_idx ON supply_contract (signed_at, issued_at);
