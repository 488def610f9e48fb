package org.obtainingwater.construction;

import static org.obtainingwater.process.CaseVariables.PRESSURE_TEST_RESULT;
import static org.obtainingwater.process.CaseVariables.WORK_ORDER_NUMBER;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code serviceTask_cancelWorkOrder} (撤销施工任务单), a step of the withdrawal: the work order issued
 * for the case, if any, is marked cancelled in {@code work_order}. The construction team's task went with
 * the interrupted sub-process; a case withdrawn before construction has no order, and one whose pipe passed its
 * pressure test has a finished order: nothing is done for either.
 */
@Component
class CancelWorkOrderDelegate implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(CancelWorkOrderDelegate.class);

  private final WorkOrders orders;

  CancelWorkOrderDelegate(WorkOrders orders) {
    this.orders = orders;
  }

  @Override
  public void execute(DelegateExecution execution) {
    if (PRESSURE_TEST_RESULT.find(execution).filter(ConstructionCompletionCheck.PASSED::equals).isPresent()) {
      return; // the pipe is laid and tested: the order is done, not cancelled
    }
    WORK_ORDER_NUMBER.find(execution).ifPresent(number -> {
      if (orders.cancel(number, execution.getProcessBusinessKey(), execution.getProcessInstanceId())) {
        LOG.info("Work order {} cancelled: {} was withdrawn", number, execution.getProcessBusinessKey());
      }
    });
  }
}
