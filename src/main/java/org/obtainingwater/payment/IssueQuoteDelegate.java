package org.obtainingwater.payment;

import static org.obtainingwater.process.CaseVariables.CUSTOMER_FEE;
import static org.obtainingwater.process.CaseVariables.FEE_BASIS;
import static org.obtainingwater.process.CaseVariables.PAYMENT_DUE_DAYS;
import static org.obtainingwater.process.CaseVariables.PAYMENT_TIMING;
import static org.obtainingwater.process.CaseVariables.PAYMENT_TIMING_BASIS;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.obtainingwater.process.RecordedTime;
import org.springframework.stereotype.Component;

/**
 * {@code serviceTask_issueQuote} (出具报价单): after the connectionFee decision charged something and the
 * paymentTiming decision said when it is paid, the quote is kept for the customer page and the counter
 * (docs/adr/0043); the next step sends it to the customer. Run again, it finds the quote it wrote.
 */
@Component
class IssueQuoteDelegate implements JavaDelegate {

  /** What the customer's fee pays for (the fee rule charges only the works inside the red line). */
  static final String COVERS = "红线内接水工程：设计、材料、施工、试压和冲洗消毒；红线外管线及代办许可由水司承担，不在报价内";

  private final Payments payments;

  IssueQuoteDelegate(Payments payments) {
    this.payments = payments;
  }

  @Override
  public void execute(DelegateExecution execution) {
    payments.issue(new Quote(execution.getProcessBusinessKey(),
        BigDecimal.valueOf(CUSTOMER_FEE.get(execution)).setScale(2, RoundingMode.HALF_UP), FEE_BASIS.get(execution),
        COVERS, PAYMENT_TIMING.get(execution), PAYMENT_DUE_DAYS.get(execution), PAYMENT_TIMING_BASIS.get(execution),
        RecordedTime.now(), null, null, null));
  }
}
