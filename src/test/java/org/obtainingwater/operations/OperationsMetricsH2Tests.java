package org.obtainingwater.operations;

import org.obtainingwater.support.AppOnH2;
import org.obtainingwater.support.SmsGatewaySwitch;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/** {@link OperationsMetricsContract} on the embedded H2 database. */
@AppOnH2
@Import(SmsGatewaySwitch.class)
@TestPropertySource(properties = OperationsMetricsContract.ONE_ATTEMPT)
class OperationsMetricsH2Tests extends OperationsMetricsContract {
}
