package org.obtainingwater.callback;

import static org.obtainingwater.process.CaseVariables.CASE_CLOSED_AT;
import static org.obtainingwater.process.CaseVariables.CASE_OUTCOME;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/** {@code serviceTask_closeCase} (办结归档): records the outcome and the closing time for the scorecard. */
@Component
class CloseCaseDelegate implements JavaDelegate {

  static final String CONNECTED = "connected";

  @Override
  public void execute(DelegateExecution execution) {
    CASE_OUTCOME.set(execution, CONNECTED);
    CASE_CLOSED_AT.set(execution, ClockUtil.getCurrentTime());
  }
}
