package org.obtainingwater.api;

import org.obtainingwater.support.AppOnH2;


/** The customer API contract on the embedded default database, H2. */
@AppOnH2
class CustomerApiH2Tests extends CustomerApiContract {
}
