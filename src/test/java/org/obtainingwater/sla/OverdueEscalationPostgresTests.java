package org.obtainingwater.sla;

import org.obtainingwater.support.AppOnPostgres;


/** {@link OverdueEscalationContract} on a real PostgreSQL, with the postgres profile's settings. */
@AppOnPostgres
class OverdueEscalationPostgresTests extends OverdueEscalationContract {
}
