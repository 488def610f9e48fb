package org.obtainingwater.intake;

import static org.obtainingwater.process.CaseVariables.APPLICATION_NUMBER;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code serviceTask_assignApplicationNumber} (生成申请编号): gives the case its application number
 * and makes it the business key, so one number follows the case end to end (一站式). Whatever
 * business key a client typed when starting is replaced: numbers come only from the sequence.
 */
@Component
class AssignApplicationNumberDelegate implements JavaDelegate {

  private final ApplicationNumbers applicationNumbers;

  AssignApplicationNumberDelegate(ApplicationNumbers applicationNumbers) {
    this.applicationNumbers = applicationNumbers;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String number = applicationNumbers.next();
    execution.setProcessBusinessKey(number);
    APPLICATION_NUMBER.set(execution, number);
  }
}
