package org.obtainingwater.permits;

import static org.obtainingwater.cases.RequestRefusedException.Reason.CONFLICT;
import static org.obtainingwater.cases.RequestRefusedException.Reason.NOT_FOUND;
import static org.obtainingwater.process.CaseVariables.PERMIT_APPLICATION_REF;
import static org.obtainingwater.process.CaseVariables.PERMIT_DECISION;
import static org.obtainingwater.process.CaseVariables.PERMIT_NUMBER;
import static org.obtainingwater.process.CaseVariables.PERMIT_REJECTION_REASON;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.obtainingwater.cases.RequestRefusedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies a decision the city's permit platform reports for a filing: completes the waiting
 * {@code userTask_record…PermitDecision} with it, exactly as the permit agent would in Tasklist, so
 * the agent's task disappears and the case moves on (approved: towards construction; rejected: to
 * revision). The filing's row is locked first, so a decision is applied once however often or
 * however concurrently it is reported.
 */
@Service
public class PermitDecisions {

  private static final Logger LOG = LoggerFactory.getLogger(PermitDecisions.class);

  /** A decision as the platform reports it; {@code decision} is approved or rejected. */
  public record Decision(String decision, String permitNumber, String rejectionReason) {

    public boolean approved() {
      return PermitDecisionCompletionCheck.APPROVED.equals(decision);
    }
  }

  private final PermitFilings filings;
  private final TaskService tasks;
  private final RuntimeService runtime;

  PermitDecisions(PermitFilings filings, TaskService tasks, RuntimeService runtime) {
    this.filings = filings;
    this.tasks = tasks;
    this.runtime = runtime;
  }

  @Transactional
  public FiledPermit apply(String reference, Decision decision) {
    FiledPermit filing = filings.lock(reference)
        .orElseThrow(() -> new RequestRefusedException(NOT_FOUND, "没有申报受理号为 " + reference + " 的许可申报"));
    if (filing.withdrawn()) {
      throw new RequestRefusedException(CONFLICT, "申报 " + reference + " 已于 " + filing.withdrawnAt()
          + " 因客户撤回报装申请而撤回，不再登记审批结果");
    }
    if (filing.decided()) {
      throw new RequestRefusedException(CONFLICT, "申报 " + reference + " 已于 " + filing.decidedAt() + " 登记审批结果（"
          + filing.decision() + "），不能重复登记");
    }
    Task task = tasks.createTaskQuery().processInstanceId(filing.processInstanceId())
        .taskDefinitionKey(filing.kind().decisionTask()).list().stream()
        .filter(candidate -> reference.equals(runtime.getVariable(candidate.getExecutionId(), PERMIT_APPLICATION_REF.name())))
        .findFirst()
        .orElseThrow(() -> new RequestRefusedException(CONFLICT, "申报 " + reference + " 所属的报装 "
            + filing.applicationNumber() + " 当前没有在等待该许可的审批结果（可能已撤回或已办结）"));

    String permitNumber = decision.approved() ? decision.permitNumber() : null;
    String rejectionReason = decision.approved() ? null : decision.rejectionReason();
    filings.recordDecision(reference, decision.decision(), permitNumber, rejectionReason, PermitFilings.VIA_PLATFORM);
    Map<String, Object> variables = new HashMap<>();
    variables.put(PERMIT_DECISION.name(), decision.decision());
    variables.put(PERMIT_NUMBER.name(), permitNumber);
    variables.put(PERMIT_REJECTION_REASON.name(), rejectionReason);
    tasks.complete(task.getId(), variables);
    LOG.info("Permit platform decided {} ({}) for {}: {}", reference, filing.kind().title(), filing.applicationNumber(),
        decision.decision());
    return filings.find(reference).orElseThrow();
  }
}
