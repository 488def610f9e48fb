package org.obtainingwater.intake;

import static org.obtainingwater.process.CaseVariables.PROJECT_REFERENCE;

import org.obtainingwater.preengagement.PreEngagements;
import org.obtainingwater.process.ApplicationRules;
import org.obtainingwater.process.TaskInput;
import org.obtainingwater.process.TaskInputCheck;
import org.springframework.stereotype.Component;

/**
 * {@code startEvent_applicationReceived} (收到用水报装申请): a case starts only with the minimal data
 * and a known channel. Without this a client could start a case the acknowledgement cannot even be
 * sent for, stuck before intake where no member of staff sees it. A project reference, when given,
 * must name an open pre-engaged project (提前办): a mistyped one would silently cost the customer the
 * fast path they were promised (docs/adr/0010-pre-engagement-link.md).
 */
@Component
class ApplicationCompletionCheck extends TaskInputCheck {

  private final PreEngagements preEngagements;

  ApplicationCompletionCheck(PreEngagements preEngagements) {
    this.preEngagements = preEngagements;
  }

  @Override
  protected void check(TaskInput input) {
    String reference = ApplicationRules.checkFiling(input);
    if (reference == null) {
      return;
    }
    String problem = switch (preEngagements.standing(reference)) {
      case OPEN -> null;
      case LINKED -> "提前办项目 " + reference + " 已关联另一件报装申请；同一项目的再次报装请联系客户经理，或不填此项按普通申请办理";
      case CLOSED -> "提前办项目 " + reference + " 已关闭；请联系客户经理，或不填此项按普通申请办理";
      case UNKNOWN -> "没有编号为 " + reference + " 的提前办项目；请核对客户经理告知的项目编号，或不填此项按普通申请办理";
    };
    if (problem != null) {
      input.problem(PROJECT_REFERENCE, problem);
    }
  }
}
