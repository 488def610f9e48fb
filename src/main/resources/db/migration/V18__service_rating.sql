-- The customer's own rating of the service, given on the customer page after water-on (issue 16,
-- docs/adr/0037). One per case: the primary key is the "once", so of two ratings at once the second
-- fails on the key even if both passed the check. The callback's score stays in the engine's history;
-- this is the customer's unprompted word, kept apart so the scorecard can report both.
CREATE TABLE service_rating (
  application_number VARCHAR(20)  NOT NULL PRIMARY KEY REFERENCES application (application_number),
  score              SMALLINT     NOT NULL CHECK (score BETWEEN 1 AND 5),
  rating_comment     VARCHAR(500),
  phone              VARCHAR(20)  NOT NULL,
  rated_at           TIMESTAMP WITH TIME ZONE NOT NULL
);
