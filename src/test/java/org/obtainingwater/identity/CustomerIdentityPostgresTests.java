package org.obtainingwater.identity;

import org.obtainingwater.support.AppOnPostgres;

/** The verified phone, sessions, channels and limits on a real PostgreSQL. */
@AppOnPostgres
class CustomerIdentityPostgresTests extends CustomerIdentityContract {
}
