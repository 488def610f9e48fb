package org.obtainingwater.contract;

import static org.obtainingwater.process.CaseVariables.APPLICATION_NUMBER;
import static org.obtainingwater.process.CaseVariables.CONTACT_PHONE;
import static org.obtainingwater.process.CaseVariables.CONTRACT_FOLLOW_UP_NOTE;
import static org.obtainingwater.process.CaseVariables.CONTRACT_SIGNED;
import static org.obtainingwater.process.CaseVariables.CONTRACT_SIGNED_AT_COUNTER;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.obtainingwater.process.TaskInput;
import org.obtainingwater.process.TaskInputCheck;
import org.springframework.stereotype.Component;

/**
 * {@code userTask_followUpContractSigning} (跟进合同签署, docs/adr/0046): the task ends with the contract signed.
 * Usually the customer signs on the page and that completes the task; otherwise the agent who saw the customer sign
 * the paper contract at the counter ticks 客户已在柜台签署纸质合同, and submitting records the counter signature
 * under the agent's login, for the document as issued. Without either, the submission is refused saying how the
 * customer can sign.
 */
@Component
class ContractSigningCompletionCheck extends TaskInputCheck {

  private final SupplyContracts contracts;

  ContractSigningCompletionCheck(SupplyContracts contracts) {
    this.contracts = contracts;
  }

  @Override
  protected void check(TaskInput input) {
    input.optionalText(CONTRACT_FOLLOW_UP_NOTE, 500);
    DelegateExecution execution = (DelegateExecution) input.scope();
    String applicationNumber = APPLICATION_NUMBER.get(execution);
    SupplyContracts.ContractRecord contract = contracts.get(applicationNumber);
    if (contract.signature().isPresent()) {
      CONTRACT_SIGNED.set(execution, true);
      return;
    }
    if (!input.flag(CONTRACT_SIGNED_AT_COUNTER)) {
      input.problem(CONTRACT_SIGNED_AT_COUNTER, "供水合同 " + contract.contractNumber() + " 尚未签署：请客户在客户页面用短信验证码"
          + "签署（签署后本任务自动办结），或到营业厅签署纸质合同后勾选此项再提交");
      return;
    }
    if (input.hasProblems()) {
      return;
    }
    // Tasklist and engine-rest always complete as the logged-in agent; a completion through the Java API (no login)
    // is recorded under the task's group.
    Authentication staff = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    String login = staff == null ? "customer-service" : staff.getUserId();
    contracts.recordCounterSignature(applicationNumber, CONTACT_PHONE.get(execution), login);
    CONTRACT_SIGNED.set(execution, true);
  }
}
