package org.obtainingwater.sla;


/**
 * Tells a stage's supervisor that work is overdue, and supervisors that the working calendar runs out: the utility's internal messaging (SMS, WeCom, ...),
 * which the application does not own. {@code adapters.RecordingSupervisorNotifier} is the local adapter; a real
 * one is another bean of this type, selected with {@code obtaining-water.adapters.supervisor-notifier}
 * (docs/adr/0005-external-systems-and-async.md).
 */
public interface SupervisorNotifier {

  /**
   * Delivers one notice. Called from the escalation timer's job: throwing rolls the escalation back
   * and the job is retried (three attempts, then an incident in Cockpit). The job also runs again
   * when this application died after the call and before the job committed: an adapter must send
   * {@link OverdueNotice#idempotencyKey()} and the messaging system must tell once per key
   * (docs/adr/0021).
   */
  void notify(OverdueNotice notice);

  /**
   * Delivers the one notice that the official working calendar runs out ({@link CalendarRunningOut}). Throwing
   * rolls back its record, and the next check tries again; an adapter sends {@link CalendarNotice#idempotencyKey()}.
   */
  void notify(CalendarNotice notice);

  /**
   * Delivers the notice that a customer is still dissatisfied after the allowed rounds of rectification
   * ({@link ComplaintNotice}). Called from a service task: throwing rolls the step back; an adapter sends
   * {@link ComplaintNotice#idempotencyKey()}.
   */
  void notify(ComplaintNotice notice);
}
