package org.obtainingwater.sla;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** {@link OverdueEscalationContract} on the embedded H2 database. */
@SpringBootTest
@ActiveProfiles({"demo", "test"})
class OverdueEscalationH2Tests extends OverdueEscalationContract {
}
