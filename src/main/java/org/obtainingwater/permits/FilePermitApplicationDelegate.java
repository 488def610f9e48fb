package org.obtainingwater.permits;

import static org.obtainingwater.process.CaseVariables.APPLICATION_NUMBER;
import static org.obtainingwater.process.CaseVariables.EXTERNAL_PIPE_LENGTH;
import static org.obtainingwater.process.CaseVariables.PERMIT_APPLICATION_REF;
import static org.obtainingwater.process.CaseVariables.PERMIT_DECISION;
import static org.obtainingwater.process.CaseVariables.PERMIT_KIND;
import static org.obtainingwater.process.CaseVariables.PERMIT_NUMBER;
import static org.obtainingwater.process.CaseVariables.PERMIT_PROCEDURE;
import static org.obtainingwater.process.CaseVariables.PERMIT_REJECTION_REASON;
import static org.obtainingwater.process.CaseVariables.PERMIT_REVISION_NOTE;
import static org.obtainingwater.process.CaseVariables.SITE_ADDRESS;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code serviceTask_fileRoadPermitApplication} and {@code serviceTask_fileGreeneryPermitApplication}
 * (申报…许可): files the application for the permit kind of the enclosing sub-process and clears the
 * previous decision (and its reason), so a resubmission is decided afresh. The filing is recorded under
 * the platform's reference, where the platform's decision callback finds it.
 *
 * <p>The filing's attempt counts the filings recorded so far, which this step's own record joins only
 * when it commits: a run of the step that died after the platform answered is repeated with the same
 * attempt, hence the same idempotency key, and the platform answers it as the same filing (docs/adr/0021).
 */
@Component
class FilePermitApplicationDelegate implements JavaDelegate {

  private final PermitAuthority authority;
  private final PermitFilings filings;

  FilePermitApplicationDelegate(PermitAuthority authority, PermitFilings filings) {
    this.authority = authority;
    this.filings = filings;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String number = APPLICATION_NUMBER.get(execution);
    PermitKind kind = PermitKind.ofCode(PERMIT_KIND.get(execution));
    PermitFiling filing = new PermitFiling(
        number,
        kind,
        filings.filingCount(number, kind) + 1,
        PERMIT_PROCEDURE.get(execution),
        SITE_ADDRESS.get(execution),
        EXTERNAL_PIPE_LENGTH.get(execution),
        PERMIT_REVISION_NOTE.find(execution).orElse(null));
    String reference = authority.file(filing);
    filings.recordFiling(reference, filing, execution.getProcessInstanceId());
    PERMIT_APPLICATION_REF.set(execution, reference);
    PERMIT_DECISION.set(execution, null);
    PERMIT_NUMBER.set(execution, null);
    PERMIT_REJECTION_REASON.set(execution, null);
  }
}
