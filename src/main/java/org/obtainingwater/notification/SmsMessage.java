package org.obtainingwater.notification;

import java.util.Map;

/**
 * One text message as the outbox hands it to the {@link SmsGateway}. Providers in China send only reviewed
 * templates: a gateway that works by template sends {@code type}'s template with {@code params} (its variables); one
 * that sends free text sends {@code text}, which is the same message composed in full.
 *
 * @param phone where it goes
 * @param type which notice, hence which template
 * @param params the template's variables, e.g. {@code number} (the application number), {@code reason}, {@code code}
 * @param text the whole message as the customer reads it
 */
public record SmsMessage(String phone, NoticeType type, Map<String, String> params, String text) {

  public SmsMessage {
    params = Map.copyOf(params);
  }
}
