package org.obtainingwater.notification;


/**
 * The SMS gateway that delivers notices to customers' phones. The utility does not own it;
 * {@code adapters.RecordingSmsGateway} is the local adapter. A real gateway is another bean of this type,
 * selected with {@code obtaining-water.adapters.sms-gateway}.
 */
public interface SmsGateway {

  /**
   * Delivers one text message and returns the gateway's reference for it. Throws when the gateway is
   * unavailable or refuses the message; the outbox dispatcher retries later, or gives up at once on a refusal.
   *
   * <p>The dispatcher hands one outbox entry over again when a node died (or failed to record the
   * delivery) after the gateway accepted it. An adapter must therefore send {@code messageId} as the
   * gateway's client message id (idempotency key), and the gateway must answer a message id it has seen
   * with the first delivery's reference, sending nothing (docs/adr/0021).
   *
   * <p>Throw {@link org.obtainingwater.process.OutsideSystemException} to say what the provider's answer means: a
   * throttled message waits for the provider's pause without spending an attempt, a refused one is FAILED at once
   * (an incident on its case); anything else is retried on the outbox's schedule (docs/adr/0034).
   *
   * @param messageId the same for every attempt of one notice: {@link NotificationOutbox#messageId(long)}
   */
  String deliver(String messageId, SmsMessage message);
}
