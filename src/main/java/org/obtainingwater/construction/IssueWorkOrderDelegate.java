package org.obtainingwater.construction;

import static org.obtainingwater.process.CaseVariables.WORK_ORDER_NUMBER;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.obtainingwater.process.CaseReferences;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code serviceTask_issueWorkOrder} (下达施工任务单): issues the work order for the pipe outside the
 * red line. The construction team receives it as their Tasklist task, which shows its number; {@code work_order}
 * records it, so a withdrawal can cancel it.
 */
@Component
class IssueWorkOrderDelegate implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(IssueWorkOrderDelegate.class);

  private final WorkOrders orders;

  IssueWorkOrderDelegate(WorkOrders orders) {
    this.orders = orders;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String applicationNumber = execution.getProcessBusinessKey();
    String workOrder = CaseReferences.derive("SG", applicationNumber);
    WORK_ORDER_NUMBER.set(execution, workOrder);
    orders.issued(workOrder, applicationNumber, execution.getProcessInstanceId());
    LOG.info("Work order {} issued for {}", workOrder, applicationNumber);
  }
}
