package org.obtainingwater.notification;

/**
 * The way out to the customer (SMS gateway, WeChat template messages, app push). The utility does
 * not own those systems; {@link RecordingCustomerNotifier} is the local adapter that records what
 * would be sent so the application runs without them.
 */
interface CustomerNotifier {

  /**
   * Sends a notice. Implementations throw when the channel is unavailable; the send task is
   * asynchronous with retries, so the engine retries and raises an incident when retries run out.
   */
  void send(Notice notice);
}
