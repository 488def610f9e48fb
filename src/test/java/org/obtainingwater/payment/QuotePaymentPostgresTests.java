package org.obtainingwater.payment;

import org.obtainingwater.support.AppOnPostgres;

/** Quote and payment on PostgreSQL, the production database. */
@AppOnPostgres
class QuotePaymentPostgresTests extends QuotePaymentContract {
}
