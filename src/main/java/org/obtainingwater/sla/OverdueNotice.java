package org.obtainingwater.sla;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.obtainingwater.cases.Stage;

/**
 * What a supervisor is told when work runs past its stage's target.
 *
 * @param applicationNumber the case (its business key)
 * @param stage the stage whose target passed
 * @param work what is overdue, as staff call it: the task (现场查勘) or the permit (办理占道挖掘许可)
 * @param targetWorkingDays the stage's target
 * @param dueAt when the work was due
 * @param supervisor who is told
 * @param idempotencyKey the same for every run of the escalation that tells of this work, so the messaging
 *     system tells once: {@code overdue/<task id>} for a task, {@code overdue/<activity instance id>} for a
 *     permit (docs/adr/0021)
 */
public record OverdueNotice(String applicationNumber, Stage stage, String work, double targetWorkingDays, Instant dueAt,
    Supervisor supervisor, String idempotencyKey) {

  private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  /** The message as the supervisor reads it, times in the utility's zone. */
  public String text(ZoneId zone) {
    String stageLabel = work.equals(stage.label()) ? "" : "（" + stage.label() + "）";
    return "【超期督办】" + applicationNumber + "「" + work + "」" + stageLabel + "已超过办理时限（" + StageTargets.days(targetWorkingDays)
        + " 个工作日），" + DUE.format(dueAt.atZone(zone)) + " 到期仍未办结，请督促办理。";
  }
}
