package org.obtainingwater.intake;

import static org.obtainingwater.process.CaseVariables.APPLICANT_NAME;
import static org.obtainingwater.process.CaseVariables.APPLICATION_NUMBER;
import static org.obtainingwater.process.CaseVariables.CHANNEL;
import static org.obtainingwater.process.CaseVariables.CONTACT_PHONE;
import static org.obtainingwater.process.CaseVariables.EXPECTED_PEAK_DEMAND;
import static org.obtainingwater.process.CaseVariables.SITE_ADDRESS;
import static org.obtainingwater.process.CaseVariables.USE_TYPE;

import java.math.BigDecimal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.obtainingwater.cases.CaseRecords;
import org.springframework.stereotype.Component;

/**
 * {@code serviceTask_assignApplicationNumber} (生成申请编号): gives the case its application number
 * and makes it the business key, so one number follows the case end to end (一站式). Whatever
 * business key a client typed when starting is replaced: numbers come only from the sequence.
 * The case record (docs/adr/0006) is opened here, in the transaction that starts the case, whichever
 * channel started it (customer API, Tasklist, engine-rest): both exist, or neither.
 */
@Component
class AssignApplicationNumberDelegate implements JavaDelegate {

  private final ApplicationNumbers applicationNumbers;
  private final CaseRecords records;

  AssignApplicationNumberDelegate(ApplicationNumbers applicationNumbers, CaseRecords records) {
    this.applicationNumbers = applicationNumbers;
    this.records = records;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String number = applicationNumbers.next();
    execution.setProcessBusinessKey(number);
    APPLICATION_NUMBER.set(execution, number);
    records.open(new CaseRecords.NewCase(number, execution.getProcessInstanceId(), CHANNEL.get(execution),
        APPLICANT_NAME.get(execution), CONTACT_PHONE.get(execution), SITE_ADDRESS.get(execution), USE_TYPE.get(execution),
        BigDecimal.valueOf(EXPECTED_PEAK_DEMAND.get(execution))));
  }
}
