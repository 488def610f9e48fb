package org.obtainingwater.staff;

import java.util.List;

import org.obtainingwater.process.ObtainingWaterProcess.UserTasks;
import org.obtainingwater.process.PreEngagementProcess;

/**
 * The utility's roles as Camunda groups. The group id is the candidate group of the stage's user
 * tasks in the diagrams (obtainingWater and preEngagement); see docs/adr/0003-roles-and-authorizations.md.
 * New groups go at the end: the position is the Tasklist filter's priority.
 */
public enum StaffGroup {
  INTAKE("intake", "受理员", "受理待办", List.of(UserTasks.REVIEW_APPLICATION)),
  SURVEY("survey", "查勘员", "查勘待办", List.of(UserTasks.SURVEY_SITE, UserTasks.AWAIT_SURVEY_READINESS,
      PreEngagementProcess.UserTasks.PRE_SURVEY_SITE)),
  DESIGN("design", "设计员", "设计待办", List.of(UserTasks.DESIGN_SUPPLY_SCHEME,
      PreEngagementProcess.UserTasks.PRE_DESIGN_SUPPLY_SCHEME)),
  PERMITS("permits", "代办员", "许可代办待办", List.of(UserTasks.RECORD_ROAD_PERMIT_DECISION,
      UserTasks.REVISE_ROAD_PERMIT_APPLICATION, UserTasks.RECORD_GREENERY_PERMIT_DECISION,
      UserTasks.REVISE_GREENERY_PERMIT_APPLICATION)),
  CONSTRUCTION("construction", "施工队", "施工待办", List.of(UserTasks.BUILD_EXTERNAL_PIPELINE,
      PreEngagementProcess.UserTasks.BUILD_PIPE_AHEAD)),
  METERING("metering", "装表员", "装表通水待办", List.of(UserTasks.INSTALL_METER, UserTasks.AWAIT_METER_READINESS)),
  CUSTOMER_SERVICE("customer-service", "客服专员", "回访待办", List.of(UserTasks.CALL_BACK_CUSTOMER,
      UserTasks.FOLLOW_UP_CONTRACT_SIGNING)),
  SUPERVISORS("supervisors", "服务督导", "整改待办", List.of(UserTasks.RECTIFY_SERVICE)),
  /** Account managers (客户经理) register major projects before they apply and follow them up (提前办). */
  ACCOUNTS("accounts", "客户经理", "提前办待办", List.of(PreEngagementProcess.UserTasks.DECIDE_PIPE_AHEAD,
      PreEngagementProcess.UserTasks.AWAIT_APPLICATION));

  private final String id;
  private final String title;
  private final String filterName;
  private final List<String> userTasks;

  StaffGroup(String id, String title, String filterName, List<String> userTasks) {
    this.id = id;
    this.title = title;
    this.filterName = filterName;
    this.userTasks = userTasks;
  }

  public String id() {
    return id;
  }

  public String title() {
    return title;
  }

  /** The Tasklist filter that shows this group's queue. */
  public String filterName() {
    return filterName;
  }

  /** The user tasks whose candidate group this is. */
  public List<String> userTasks() {
    return userTasks;
  }
}
