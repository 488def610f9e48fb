package org.obtainingwater.notification;

/** What the customer is told, and when in the process. The text is composed by {@link Notices}. */
public enum NoticeType {
  /** The application arrived and has a number (申请回执). */
  APPLICATION_RECEIVED,
  /** Intake rejected the application, with the reason. */
  APPLICATION_REJECTED,
  /** The survey found the connection not feasible, with the reason. */
  CONNECTION_NOT_FEASIBLE,
  /** The quote: amount, basis, what it covers, when it is paid; accept it on the page or at the counter (docs/adr/0043). */
  QUOTE_ISSUED,
  /** The payment is due and has not arrived (先付款: after acceptance; 信用报装: after water-on). */
  PAYMENT_REMINDER,
  /** The meter is in, water is on, the account is open and the contract waits for signature. */
  WATER_ON,
  /** The supply contract is still unsigned two working days after water-on (docs/adr/0046). */
  CONTRACT_SIGNING_REMINDER,
  /** The customer withdrew; open work was cancelled. */
  APPLICATION_WITHDRAWN,
  /** A one-time code proving the customer holds the phone (docs/adr/0025); belongs to no case. */
  VERIFICATION_CODE,
  /** A one-time code that signs one supply contract (docs/adr/0040); its template names the contract. */
  CONTRACT_SIGNING_CODE,
  /** Staff booked or moved the customer's survey or meter visit (docs/adr/0044); the customer's own changes send none. */
  VISIT_RESCHEDULED,
  /** Staff stopped the clock until the customer is ready (等待客户条件具备, docs/adr/0045): why, and how to resume. */
  CASE_PAUSED,
  /** To a supervisor, not a customer: work ran past its stage's target (docs/adr/0018); sent by SMS only when
   * {@code obtaining-water.adapters.supervisor-notifier} is {@code sms}, never through the outbox. */
  SUPERVISOR_OVERDUE,
  /** To a supervisor: the official working calendar runs out (docs/adr/0030); as {@link #SUPERVISOR_OVERDUE}. */
  SUPERVISOR_CALENDAR,
  /** To a supervisor: a customer still dissatisfied after the rectifications the diagram allows (docs/adr/0033). */
  SUPERVISOR_COMPLAINT;

  /** Whether the notice goes to a customer (through the outbox), rather than to a supervisor. */
  public boolean toCustomer() {
    return this != SUPERVISOR_OVERDUE && this != SUPERVISOR_CALENDAR && this != SUPERVISOR_COMPLAINT;
  }
}
