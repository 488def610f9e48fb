package org.obtainingwater.sla;

import org.obtainingwater.support.AppOnH2;


/** {@link OverdueEscalationContract} on the embedded H2 database. */
@AppOnH2
class OverdueEscalationH2Tests extends OverdueEscalationContract {
}
