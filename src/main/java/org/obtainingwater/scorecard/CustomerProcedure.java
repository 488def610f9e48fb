package org.obtainingwater.scorecard;

import org.obtainingwater.process.ObtainingWaterProcess.Elements;
import org.obtainingwater.process.ObtainingWaterProcess.UserTasks;

/**
 * What the customer has to do in a case (办理环节, a "procedure" as the business-environment
 * evaluation counts them), each the diagram element in whose completion it shows in the engine's
 * history. A case's procedure count is how many of these activity instances it completed, so a step
 * a customer repeats, or one an analyst adds here for a new element, is counted as it happened.
 * docs/adr/0013-customer-procedures.md.
 */
enum CustomerProcedure {
  /** The customer applies, through any channel: the process's start event. */
  APPLY("提交用水报装申请", Elements.START_EVENT),
  /**
   * The customer receives the meter fitter, accepts the connection as the water comes on and takes
   * the supply contract issued at water-on (供水合同签署后置化): one visit, one procedure.
   */
  ACCEPT_CONNECTION("验收通水并签订供水合同", UserTasks.INSTALL_METER);

  private final String label;
  private final String elementId;

  CustomerProcedure(String label, String elementId) {
    this.label = label;
    this.elementId = elementId;
  }

  public String label() {
    return label;
  }

  public String elementId() {
    return elementId;
  }
}
