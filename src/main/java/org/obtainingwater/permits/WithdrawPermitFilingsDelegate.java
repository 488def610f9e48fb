package org.obtainingwater.permits;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code serviceTask_withdrawPermitFilings} (撤回在途许可申报), the first step of a withdrawal: every filing
 * of the case still waiting for the platform's decision is withdrawn at the platform and marked withdrawn
 * in {@code permit_filing}. Asynchronous with retries: a run that dies after the platform answered and
 * before the marks committed runs again, calls the platform again with the same idempotency key per
 * filing, and the platform answers it as the same withdrawal (docs/adr/0021, 0031). Decided filings are
 * left alone: a rejection needs nothing, a granted permit simply goes unused.
 */
@Component
class WithdrawPermitFilingsDelegate implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(WithdrawPermitFilingsDelegate.class);

  private final PermitAuthority authority;
  private final PermitFilings filings;

  WithdrawPermitFilingsDelegate(PermitAuthority authority, PermitFilings filings) {
    this.authority = authority;
    this.filings = filings;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String number = execution.getProcessBusinessKey();
    for (FiledPermit filing : filings.inFlight(number)) {
      authority.withdraw(new PermitWithdrawal(filing.reference(), number, filing.kind()));
      filings.recordWithdrawal(filing.reference());
      LOG.info("Filing {} ({}) withdrawn at the platform: {} was withdrawn", filing.reference(), filing.kind().title(),
          number);
    }
  }
}
