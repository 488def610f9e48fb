package org.obtainingwater.notification;

/**
 * One message to a customer.
 *
 * @param applicationNumber the case it is about
 * @param phone where it goes (SMS)
 * @param type why it is sent
 * @param text what the customer reads
 */
public record Notice(String applicationNumber, String phone, NoticeType type, String text) {
}
