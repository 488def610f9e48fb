package org.obtainingwater.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The payment gateway notifies payments with its own credential, as the permit platform calls back with its own:
 * a bearer token the utility gives the gateway, configured as
 * {@code obtaining-water.payment-gateway.notification-token} ({@code OW_PAYMENT_NOTIFICATION_TOKEN}). Outside the
 * demo profile the application refuses to start without one (PaymentGatewayCredentialCheck).
 */
@Component
class PaymentGatewayCredential extends BearerCredential {

  PaymentGatewayCredential(@Value("${obtaining-water.payment-gateway.notification-token:}") String token) {
    super("payment-gateway", token, "需要支付平台的通知凭证：请在 Authorization 请求头中提供 Bearer 令牌");
  }
}
