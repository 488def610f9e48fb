package org.obtainingwater.preengagement;

import static org.obtainingwater.process.CaseVariables.PRE_ENGAGEMENT_TAKEOVER;
import static org.obtainingwater.process.CaseVariables.PROJECT_REFERENCE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.obtainingwater.preengagement.PreEngagements.Takeover;
import org.springframework.stereotype.Component;

/**
 * {@code serviceTask_linkPreEngagement} (关联提前办项目) in obtainingWater: an accepted application that
 * names a pre-engaged project takes over its results; {@code preEngagementTakeover} (none, design,
 * pipeBuilt) tells the gateway after it which stages the case skips. docs/adr/0010-pre-engagement-link.md.
 */
@Component
class LinkPreEngagementDelegate implements JavaDelegate {

  private final PreEngagements preEngagements;

  LinkPreEngagementDelegate(PreEngagements preEngagements) {
    this.preEngagements = preEngagements;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = PROJECT_REFERENCE.find(execution).map(String::strip).filter(text -> !text.isEmpty()).orElse(null);
    Takeover takeover = reference == null ? Takeover.NOTHING
        : preEngagements.link(reference, execution.getProcessBusinessKey());
    takeover.copyInto(execution);
    PRE_ENGAGEMENT_TAKEOVER.set(execution, takeover.level());
  }
}
