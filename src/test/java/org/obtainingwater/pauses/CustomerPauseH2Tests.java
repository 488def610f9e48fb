package org.obtainingwater.pauses;

import org.obtainingwater.support.AppOnH2;

/** The clock stopped for the customer, on the embedded default database, H2. */
@AppOnH2
class CustomerPauseH2Tests extends CustomerPauseContract {
}
