-- The variables of each notice's SMS template (a JSON object of strings), for providers that send reviewed
-- templates only (docs/adr/0034). Entries written before have none (NULL).
ALTER TABLE notification_outbox ADD COLUMN template_params VARCHAR(1000);
