package org.obtainingwater.metering;

import static org.obtainingwater.process.CaseVariables.APPLICANT_NAME;
import static org.obtainingwater.process.CaseVariables.CUSTOMER_ACCOUNT_NUMBER;
import static org.obtainingwater.process.CaseVariables.INITIAL_READING;
import static org.obtainingwater.process.CaseVariables.METER_DN;
import static org.obtainingwater.process.CaseVariables.METER_SERIAL_NUMBER;
import static org.obtainingwater.process.CaseVariables.SITE_ADDRESS;
import static org.obtainingwater.process.CaseVariables.SUPPLY_CONTRACT_NUMBER;
import static org.obtainingwater.process.CaseVariables.USE_TYPE;
import static org.obtainingwater.process.CaseVariables.WATER_ON_AT;

import java.math.BigDecimal;
import java.time.ZoneId;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.obtainingwater.contract.SupplyContract;
import org.obtainingwater.contract.SupplyContracts;
import org.obtainingwater.process.ApplicationRules;
import org.obtainingwater.process.CaseReferences;
import org.obtainingwater.process.RecordedTime;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * {@code serviceTask_issueSupplyContract} (出具供水合同): the supply contract is issued at water-on, not up
 * front (供水合同签署后置化): a PDF with the parties, the site, the tariff class, the meter and the account
 * billing just opened, kept for the customer to sign online (docs/adr/0040). The next step tells the customer.
 * Run again, it finds the contract it issued.
 */
@Component
class IssueSupplyContractDelegate implements JavaDelegate {

  private final SupplyContracts contracts;
  private final ZoneId zone;
  private final String supplier;

  IssueSupplyContractDelegate(SupplyContracts contracts, ZoneId serviceZone,
      @Value("${obtaining-water.supply-contract.supplier}") String supplier) {
    this.contracts = contracts;
    this.zone = serviceZone;
    this.supplier = supplier;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String number = execution.getProcessBusinessKey();
    String contractNumber = CaseReferences.derive("GS", number);
    String useType = USE_TYPE.get(execution);
    contracts.issue(new SupplyContract(contractNumber, number, supplier, APPLICANT_NAME.get(execution),
        SITE_ADDRESS.get(execution), ApplicationRules.USE_TYPE_LABELS.getOrDefault(useType, useType),
        CUSTOMER_ACCOUNT_NUMBER.get(execution), METER_DN.get(execution), METER_SERIAL_NUMBER.get(execution),
        BigDecimal.valueOf(INITIAL_READING.get(execution)), WaterOnTime.at(WATER_ON_AT.get(execution), zone),
        RecordedTime.now().atZoneSameInstant(zone).toOffsetDateTime()));
    SUPPLY_CONTRACT_NUMBER.set(execution, contractNumber);
  }
}
