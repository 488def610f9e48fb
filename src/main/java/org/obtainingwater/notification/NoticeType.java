package org.obtainingwater.notification;

/** What the customer is told, and when in the process. The text is composed by {@link Notices}. */
public enum NoticeType {
  /** The application arrived and has a number (申请回执). */
  APPLICATION_RECEIVED,
  /** Intake rejected the application, with the reason. */
  APPLICATION_REJECTED,
  /** The survey found the connection not feasible, with the reason. */
  CONNECTION_NOT_FEASIBLE,
  /** The meter is in, water is on, the account is open and the contract waits for signature. */
  WATER_ON,
  /** The customer withdrew; open work was cancelled. */
  APPLICATION_WITHDRAWN,
  /** A one-time code proving the customer holds the phone (docs/adr/0025); belongs to no case. */
  VERIFICATION_CODE
}
