package org.obtainingwater.operations;

import org.obtainingwater.support.AppOnPostgres;
import org.obtainingwater.support.SmsGatewaySwitch;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/** {@link OperationsMetricsContract} on a real PostgreSQL, with the postgres profile's settings. */
@AppOnPostgres
@Import(SmsGatewaySwitch.class)
@TestPropertySource(properties = OperationsMetricsContract.ONE_ATTEMPT)
class OperationsMetricsPostgresTests extends OperationsMetricsContract {
}
