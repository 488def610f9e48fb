package org.obtainingwater.notification;

/**
 * The SMS gateway that delivers notices to customers' phones. The utility does not own it;
 * {@link RecordingSmsGateway} is the local adapter. A real gateway is another bean of this type,
 * selected with {@code obtaining-water.adapters.sms-gateway}.
 */
public interface SmsGateway {

  /**
   * Delivers one text message and returns the gateway's reference for it. Throws when the gateway is
   * unavailable or refuses the message; the outbox dispatcher retries later.
   */
  String deliver(String phone, String text);
}
