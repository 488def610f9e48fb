package org.obtainingwater.staff;

import org.obtainingwater.support.TestPostgresConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/** The same races on PostgreSQL, whose locking and isolation differ from H2's. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "camunda.bpm.job-execution.enabled=true")
@ActiveProfiles({"demo", "postgres", "test"})
@Import(TestPostgresConfiguration.class)
class StaffConflictPostgresTests extends StaffConflictTests {
}
