package org.obtainingwater.sla;

import org.obtainingwater.support.TestPostgresConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/** {@link OverdueEscalationContract} on a real PostgreSQL, with the postgres profile's settings. */
@SpringBootTest
@ActiveProfiles({"demo", "postgres", "test"})
@Import(TestPostgresConfiguration.class)
class OverdueEscalationPostgresTests extends OverdueEscalationContract {
}
