package org.obtainingwater.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * The payment gateway notifies payments with its own credential, as the permit platform calls back with its own
 * ({@link PermitPlatformCredential}): a bearer token the utility gives the gateway, configured as
 * {@code obtaining-water.payment-gateway.notification-token} ({@code OW_PAYMENT_NOTIFICATION_TOKEN}). It is no staff
 * login and opens nothing else. Outside the demo profile the application refuses to start without one
 * (PaymentGatewayCredentialCheck).
 */
@Component
class PaymentGatewayCredential implements HandlerInterceptor {

  private final String token;

  PaymentGatewayCredential(@Value("${obtaining-water.payment-gateway.notification-token:}") String token) {
    this.token = token;
  }

  /** Runs before the request's body is read: without the token, nothing else is answered. */
  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
    if (!BearerTokens.matches(token, BearerTokens.from(request.getHeader(HttpHeaders.AUTHORIZATION)))) {
      throw new PaymentGatewayUnauthorizedException();
    }
    return true;
  }
}
