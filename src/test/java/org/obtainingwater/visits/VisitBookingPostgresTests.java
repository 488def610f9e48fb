package org.obtainingwater.visits;

import org.obtainingwater.support.AppOnPostgres;

/** Visits booked by the customer on a real PostgreSQL: the last place of a half-day under row locks there too. */
@AppOnPostgres
class VisitBookingPostgresTests extends VisitBookingContract {
}
