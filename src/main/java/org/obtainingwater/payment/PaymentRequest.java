package org.obtainingwater.payment;

import java.math.BigDecimal;

/**
 * One payment order as sent to the gateway.
 *
 * @param reference ours, unique per order and the idempotency key at the gateway; the notification names it
 * @param applicationNumber the case
 * @param amount in yuan, two decimals
 * @param description what the customer sees at the gateway
 */
public record PaymentRequest(String reference, String applicationNumber, BigDecimal amount, String description) {
}
