package org.obtainingwater.permits;

import java.util.Arrays;
import java.util.Optional;

import org.obtainingwater.process.ObtainingWaterProcess;
import org.obtainingwater.process.ObtainingWaterProcess.Elements;
import org.obtainingwater.process.ObtainingWaterProcess.UserTasks;

/** The permits the utility applies for on the customer's behalf (代办). */
public enum PermitKind {
  /** 占道挖掘许可: the external pipe crosses or runs along a road. */
  ROAD("road", "占道挖掘许可", UserTasks.RECORD_ROAD_PERMIT_DECISION, Elements.AWAIT_ROAD_PERMIT_DECISION,
      ObtainingWaterProcess.MESSAGE_ROAD_PERMIT_DECIDED, Elements.ROAD_PERMIT_DECISION_NOT_RECEIVED),
  /** 绿化占用许可: the external pipe crosses a green belt. */
  GREENERY("greenery", "绿化占用许可", UserTasks.RECORD_GREENERY_PERMIT_DECISION, Elements.AWAIT_GREENERY_PERMIT_DECISION,
      ObtainingWaterProcess.MESSAGE_GREENERY_PERMIT_DECIDED, Elements.GREENERY_PERMIT_DECISION_NOT_RECEIVED);

  private final String code;
  private final String title;
  private final String decisionTask;
  private final String awaitDecision;
  private final String decisionMessage;
  private final String decisionNotReceived;

  PermitKind(String code, String title, String decisionTask, String awaitDecision, String decisionMessage,
      String decisionNotReceived) {
    this.code = code;
    this.title = title;
    this.decisionTask = decisionTask;
    this.awaitDecision = awaitDecision;
    this.decisionMessage = decisionMessage;
    this.decisionNotReceived = decisionNotReceived;
  }

  /** The permit agent's task that records the decision by hand once the platform has not answered in time. */
  public String decisionTask() {
    return decisionTask;
  }

  /** The receive task that waits for the platform's decision on this kind of permit (docs/adr/0041). */
  public String awaitDecision() {
    return awaitDecision;
  }

  /** The message the platform's decision is correlated as. */
  public String decisionMessage() {
    return decisionMessage;
  }

  /** The wait's fallback timer (1个工作日未回复): the platform's silence opens {@link #decisionTask()}. */
  public String decisionNotReceived() {
    return decisionNotReceived;
  }

  /** The kind whose decision waits at this receive task, if any. */
  public static Optional<PermitKind> awaitingAt(String activityId) {
    return Arrays.stream(values()).filter(kind -> kind.awaitDecision.equals(activityId)).findFirst();
  }

  /** The value of {@code permitKind} in the process and the permit forms. */
  public String code() {
    return code;
  }

  public String title() {
    return title;
  }

  public static PermitKind ofCode(String code) {
    for (PermitKind kind : values()) {
      if (kind.code.equals(code)) {
        return kind;
      }
    }
    throw new IllegalArgumentException("Unknown permit kind '" + code + "'");
  }
}
