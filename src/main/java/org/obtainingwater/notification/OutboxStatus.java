package org.obtainingwater.notification;

/** Delivery state of an outbox entry. */
public enum OutboxStatus {
  /** Waiting to be sent (first time, or again after a failed attempt). */
  PENDING,
  /** Claimed by a dispatcher; if that node dies, the claim expires and the entry is sent again. */
  SENDING,
  /** The gateway accepted it. */
  SENT,
  /** Every attempt failed; an administrator must look at it. */
  FAILED
}
