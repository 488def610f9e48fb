package org.obtainingwater.payment;

import org.obtainingwater.support.AppOnH2;

/** Quote and payment on the embedded default database, H2. */
@AppOnH2
class QuotePaymentH2Tests extends QuotePaymentContract {
}
