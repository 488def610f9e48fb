package org.obtainingwater.payment;

/**
 * The payment gateway (收银台) that collects a quoted connection fee (docs/adr/0043). The local adapter
 * {@code adapters.RecordingPaymentGateway} records what it would send and offers a simulated pay page. The gateway
 * reports a payment to {@code POST /api/v1/payment-notifications} with its own credential.
 */
public interface PaymentGateway {

  /**
   * Creates the order at the gateway and returns where the customer pays it. Asked again with the same
   * {@link PaymentRequest#reference()} (the idempotency key), the gateway must answer the order it already created and
   * create nothing new (docs/adr/0021).
   */
  String createOrder(PaymentRequest request);
}
