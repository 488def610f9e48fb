package org.obtainingwater.api;

import org.obtainingwater.support.AppOnPostgres;


/** The customer API contract on a real PostgreSQL, with the postgres profile's settings. */
@AppOnPostgres
class CustomerApiPostgresTests extends CustomerApiContract {
}
