package org.obtainingwater.metering;

import static org.obtainingwater.process.CaseVariables.APPLICANT_NAME;
import static org.obtainingwater.process.CaseVariables.APPLICATION_NUMBER;
import static org.obtainingwater.process.CaseVariables.CUSTOMER_ACCOUNT_NUMBER;
import static org.obtainingwater.process.CaseVariables.INITIAL_READING;
import static org.obtainingwater.process.CaseVariables.METER_DN;
import static org.obtainingwater.process.CaseVariables.METER_SERIAL_NUMBER;
import static org.obtainingwater.process.CaseVariables.SITE_ADDRESS;
import static org.obtainingwater.process.CaseVariables.USE_TYPE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code serviceTask_openCustomerAccount} (开立用水户): opens the customer's account in billing. */
@Component
class OpenCustomerAccountDelegate implements JavaDelegate {

  private final BillingSystem billing;

  OpenCustomerAccountDelegate(BillingSystem billing) {
    this.billing = billing;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String account = billing.openAccount(new CustomerAccountOpening(
        APPLICATION_NUMBER.get(execution),
        APPLICANT_NAME.get(execution),
        SITE_ADDRESS.get(execution),
        USE_TYPE.get(execution),
        METER_SERIAL_NUMBER.get(execution),
        METER_DN.get(execution),
        INITIAL_READING.get(execution)));
    CUSTOMER_ACCOUNT_NUMBER.set(execution, account);
  }
}
