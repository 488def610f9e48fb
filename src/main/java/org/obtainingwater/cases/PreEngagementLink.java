package org.obtainingwater.cases;

import static org.obtainingwater.process.PreEngagementProcess.TAKEOVER_DESIGN;
import static org.obtainingwater.process.PreEngagementProcess.TAKEOVER_PIPE_BUILT;

import java.util.List;

/**
 * A case that named a pre-engaged project (提前办): the project and what the case took over from it.
 * {@code takeover} is null until intake accepted the case and the link ran.
 */
public record PreEngagementLink(String projectReference, String takeover) {

  /** The stages the case skips because the project did them before the customer applied. */
  public List<Stage> skippedStages() {
    if (TAKEOVER_PIPE_BUILT.equals(takeover)) {
      return List.of(Stage.SURVEY, Stage.DESIGN, Stage.PERMITS, Stage.CONSTRUCTION);
    }
    return TAKEOVER_DESIGN.equals(takeover) ? List.of(Stage.SURVEY, Stage.DESIGN) : List.of();
  }

  /** What the customer is told about it. */
  public String note() {
    if (takeover == null) {
      return "受理后将关联提前办项目 " + projectReference + "，沿用已完成的预查勘、预设计成果。";
    }
    return switch (takeover) {
      case TAKEOVER_PIPE_BUILT -> "已沿用提前办项目 " + projectReference + " 的预查勘、预设计，红线外管线已提前建成：直接装表通水。";
      case TAKEOVER_DESIGN -> "已沿用提前办项目 " + projectReference + " 的预查勘、预设计，免去现场查勘和方案设计。";
      default -> "提前办项目 " + projectReference + " 申请时尚未完成预设计，按普通流程查勘、设计。";
    };
  }
}
