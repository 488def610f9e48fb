package org.obtainingwater.notification;

import java.util.Map;

/**
 * One message to a customer.
 *
 * @param applicationNumber the case it is about
 * @param phone where it goes (SMS)
 * @param type why it is sent
 * @param text what the customer reads
 * @param params the variables of the notice's SMS template (docs/operations.md, "SMS templates")
 */
public record Notice(String applicationNumber, String phone, NoticeType type, String text, Map<String, String> params) {

  public Notice {
    params = params == null ? Map.of() : Map.copyOf(params);
  }

  /** A notice with the application number as its only template variable. */
  public Notice(String applicationNumber, String phone, NoticeType type, String text) {
    this(applicationNumber, phone, type, text, applicationNumber == null ? Map.of() : Map.of("number", applicationNumber));
  }
}
