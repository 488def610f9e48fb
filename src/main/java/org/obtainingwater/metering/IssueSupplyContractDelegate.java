package org.obtainingwater.metering;

import static org.obtainingwater.process.CaseVariables.SUPPLY_CONTRACT_NUMBER;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.obtainingwater.process.CaseReferences;
import org.springframework.stereotype.Component;

/**
 * {@code serviceTask_issueSupplyContract} (出具供水合同): the supply contract is issued at water-on,
 * not up front (供水合同签署后置化); the next step sends it to the customer to sign.
 */
@Component
class IssueSupplyContractDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    SUPPLY_CONTRACT_NUMBER.set(execution, CaseReferences.derive("GS", execution.getProcessBusinessKey()));
  }
}
