package org.obtainingwater.web;

/** A payment notification without the gateway's credential; answered 401. */
class PaymentGatewayUnauthorizedException extends RuntimeException {

  PaymentGatewayUnauthorizedException() {
    super("需要支付平台的通知凭证：请在 Authorization 请求头中提供 Bearer 令牌");
  }
}
