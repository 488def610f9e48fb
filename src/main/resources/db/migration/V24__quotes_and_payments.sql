-- Quote and payment (issue 16 item 1, docs/adr/0043): only for a case whose connectionFee decision charges
-- something. The quote as issued after the fee decision, and who accepted it where; the payment orders the
-- customer started at the payment gateway, and what the gateway's notification did.

-- One quote per case, written by serviceTask_issueQuote (a repeated step finds it and writes nothing).
CREATE TABLE quote (
  application_number VARCHAR(20)   NOT NULL PRIMARY KEY REFERENCES application (application_number),
  amount             NUMERIC(12,2) NOT NULL CHECK (amount > 0),
  basis              VARCHAR(200)  NOT NULL,
  covers             VARCHAR(300)  NOT NULL,
  payment_timing     VARCHAR(20)   NOT NULL CHECK (payment_timing IN ('beforeWorks', 'afterWaterOn')),
  payment_due_days   INT           NOT NULL,
  timing_basis       VARCHAR(200)  NOT NULL,
  issued_at          TIMESTAMP WITH TIME ZONE NOT NULL,
  accepted_at        TIMESTAMP WITH TIME ZONE,
  -- PAGE (the customer's session or channel) or COUNTER (staff, with the login in accepted_by)
  accepted_via       VARCHAR(10)   CHECK (accepted_via IN ('PAGE', 'COUNTER')),
  accepted_by        VARCHAR(64)
);

-- Each payment order sent to the gateway. The reference is ours (and the idempotency key at the gateway); the
-- notification names it, and its first arrival records paid_at, the gateway's transaction and the effect on the
-- case in the same transaction as the effect itself. A repeat finds paid_at set and does nothing again.
CREATE TABLE payment_order (
  reference           VARCHAR(40)   NOT NULL PRIMARY KEY,
  application_number  VARCHAR(20)   NOT NULL REFERENCES quote (application_number),
  amount              NUMERIC(12,2) NOT NULL,
  created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
  pay_url             VARCHAR(500)  NOT NULL,
  paid_at             TIMESTAMP WITH TIME ZONE,
  paid_amount         NUMERIC(12,2),
  gateway_transaction VARCHAR(64),
  -- CASE_CONTINUED (the case waited and went on) or CASE_NOT_WAITING (withdrawn meanwhile: refund by hand)
  effect              VARCHAR(20)   CHECK (effect IN ('CASE_CONTINUED', 'CASE_NOT_WAITING'))
);
CREATE INDEX payment_order_case_idx ON payment_order (application_number);
