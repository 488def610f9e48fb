-- A filing still waiting for its decision when the customer withdrew is withdrawn at the platform; the
-- time it was withdrawn marks it, so a repeated withdrawal step withdraws it once
-- (docs/adr/0031-withdrawal-undoes-what-was-started.md).
ALTER TABLE permit_filing ADD COLUMN withdrawn_at TIMESTAMP WITH TIME ZONE;
