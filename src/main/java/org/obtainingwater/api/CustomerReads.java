package org.obtainingwater.api;

import jakarta.servlet.http.HttpServletRequest;
import org.obtainingwater.identity.RateLimits;
import org.obtainingwater.identity.RateLimits.Limit;
import org.obtainingwater.web.CustomerPrincipal;

/**
 * Who reads at the customer API, within the read limits: a customer's own session reads within the per-phone
 * and per-address limits; a trusted channel's back-end answers for all its customers from one address and is
 * not limited here (docs/adr/0026).
 */
final class CustomerReads {

  private CustomerReads() {
  }

  static CustomerPrincipal reader(HttpServletRequest http, RateLimits limits) {
    CustomerPrincipal customer = CustomerPrincipal.of(http);
    if (customer.ownSession()) {
      limits.take(Limit.READ_PER_ADDRESS, http.getRemoteAddr());
      limits.take(Limit.READ_PER_PHONE, customer.phone());
    }
    return customer;
  }
}
