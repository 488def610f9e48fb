package org.obtainingwater.pauses;

import org.obtainingwater.support.AppOnPostgres;

/** The clock stopped for the customer, on the real PostgreSQL (embedded). */
@AppOnPostgres
class CustomerPausePostgresTests extends CustomerPauseContract {
}
