package org.obtainingwater.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Outside the demo profile the payment gateway's notification token must come from the environment
 * ({@code OW_PAYMENT_NOTIFICATION_TOKEN}, at least 32 characters), as the permit platform's must
 * ({@link PermitPlatformCredentialCheck}); without it the application refuses to start.
 */
@Component
@Profile("!demo")
class PaymentGatewayCredentialCheck {

  PaymentGatewayCredentialCheck(@Value("${obtaining-water.payment-gateway.notification-token:}") String token) {
    BearerTokens.requireFromEnvironment(token, "OW_PAYMENT_NOTIFICATION_TOKEN",
        "the payment gateway's notification credential");
  }
}
