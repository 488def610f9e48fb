package org.obtainingwater.visits;

import org.obtainingwater.support.AppOnH2;

/** Visits booked by the customer on the embedded default database, H2. */
@AppOnH2
class VisitBookingH2Tests extends VisitBookingContract {
}
