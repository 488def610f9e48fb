package org.obtainingwater.process;

/**
 * The preEngagement process (提前办) as code sees it: its key, the message that links it to an
 * application and the ids code and tests name. The diagram is bpmn/pre-engagement.bpmn; the link
 * is explained in docs/adr/0010-pre-engagement-link.md. The business key is the project reference.
 */
public final class PreEngagementProcess {

  public static final String PROCESS_KEY = "preEngagement";

  /**
   * Correlated by business key (the project reference) when an application names the project: ends
   * the pre-engagement as linked, wherever it stands.
   */
  public static final String MESSAGE_CUSTOMER_APPLIED = "Message_CustomerApplied";

  /** The national investment project code (投资项目统一代码) of the city's project lists, e.g. 2026-430211-47-01-000123. */
  public static final String REFERENCE_PATTERN = "^\\d{4}-\\d{6}-\\d{2}-\\d{2}-\\d{6}$";

  /** Values of {@code pipeAheadDecision} (forms/pipe-ahead-decision.form). */
  public static final String BUILD_AHEAD = "build";
  public static final String NOT_AHEAD = "notNow";

  /** Values of {@code preEngagementTakeover}, which the obtainingWater gateway after intake reads. */
  public static final String TAKEOVER_NONE = "none";
  public static final String TAKEOVER_DESIGN = "design";
  public static final String TAKEOVER_PIPE_BUILT = "pipeBuilt";

  /** User task ids. */
  public static final class UserTasks {
    public static final String PRE_SURVEY_SITE = "userTask_preSurveySite";
    public static final String PRE_DESIGN_SUPPLY_SCHEME = "userTask_preDesignSupplyScheme";
    public static final String DECIDE_PIPE_AHEAD = "userTask_decidePipeAhead";
    public static final String BUILD_PIPE_AHEAD = "userTask_buildPipeAhead";
    /** Open while the project waits for its application: the account manager follows it up or closes it. */
    public static final String AWAIT_APPLICATION = "userTask_awaitApplication";

    private UserTasks() {
    }
  }

  /** Other elements tests and code refer to. */
  public static final class Elements {
    public static final String START_EVENT = "startEvent_projectListed";
    public static final String APPLICATION_OVERDUE = "boundaryEvent_applicationOverdue";
    public static final String CUSTOMER_APPLIED = "subProcess_customerApplied";
    public static final String END_LINKED = "endEvent_preEngagementLinked";
    public static final String END_CLOSED = "endEvent_preEngagementClosed";
    public static final String END_EXPIRED = "endEvent_preEngagementExpired";
    public static final String END_NOT_FEASIBLE = "endEvent_preSurveyNotFeasible";

    private Elements() {
    }
  }

  private PreEngagementProcess() {
  }
}
