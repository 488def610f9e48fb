package org.obtainingwater.notification;

import java.time.OffsetDateTime;

/** One row of the notification outbox: a notice and how far its delivery got. */
public record OutboxEntry(long id, Notice notice, OutboxStatus status, int attempts, String lastError,
    String gatewayReference, OffsetDateTime createdAt, OffsetDateTime sentAt) {
}
