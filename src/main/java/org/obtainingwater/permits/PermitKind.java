package org.obtainingwater.permits;

import org.obtainingwater.process.ObtainingWaterProcess.UserTasks;

/** The permits the utility applies for on the customer's behalf (代办). */
public enum PermitKind {
  /** 占道挖掘许可: the external pipe crosses or runs along a road. */
  ROAD("road", "占道挖掘许可", UserTasks.RECORD_ROAD_PERMIT_DECISION),
  /** 绿化占用许可: the external pipe crosses a green belt. */
  GREENERY("greenery", "绿化占用许可", UserTasks.RECORD_GREENERY_PERMIT_DECISION);

  private final String code;
  private final String title;
  private final String decisionTask;

  PermitKind(String code, String title, String decisionTask) {
    this.code = code;
    this.title = title;
    this.decisionTask = decisionTask;
  }

  /** The user task that waits for the platform's decision on this kind of permit. */
  public String decisionTask() {
    return decisionTask;
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
