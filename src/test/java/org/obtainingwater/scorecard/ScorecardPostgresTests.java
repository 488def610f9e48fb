package org.obtainingwater.scorecard;

import org.obtainingwater.support.TestPostgresConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/** The scorecard on a real PostgreSQL, with the postgres profile's settings. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "postgres", "test"})
@Import(TestPostgresConfiguration.class)
class ScorecardPostgresTests extends ScorecardContract {
}
