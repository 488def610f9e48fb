package org.obtainingwater.sla;

/**
 * Tells a stage's supervisor that work is overdue: the utility's internal messaging (SMS, WeCom, ...),
 * which the application does not own. {@link RecordingSupervisorNotifier} is the local adapter; a real
 * one is another bean of this type, selected with {@code obtaining-water.adapters.supervisor-notifier}
 * (docs/adr/0005-external-systems-and-async.md).
 */
public interface SupervisorNotifier {

  /**
   * Delivers one notice. Called from the escalation timer's job: throwing rolls the escalation back
   * and the job is retried (three attempts, then an incident in Cockpit).
   */
  void notify(OverdueNotice notice);
}
