package org.obtainingwater.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Who is asking at the customer API, as {@link CustomerAccess} established it: the verified phone,
 * and the channel that vouches for it ({@code null} for a customer's own session).
 */
public record CustomerPrincipal(String phone, String channel) {

  static final String ATTRIBUTE = CustomerPrincipal.class.getName();

  /** A customer's own session (the page, or an API client after a code), not a trusted channel. */
  public boolean ownSession() {
    return channel == null;
  }

  /** The principal of this request; {@link CustomerAccess} has refused the request before when there is none. */
  public static CustomerPrincipal of(HttpServletRequest request) {
    CustomerPrincipal principal = (CustomerPrincipal) request.getAttribute(ATTRIBUTE);
    if (principal == null) {
      throw new CustomerUnauthorizedException();
    }
    return principal;
  }
}
