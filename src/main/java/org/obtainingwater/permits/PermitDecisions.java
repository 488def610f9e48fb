package org.obtainingwater.permits;

import static org.obtainingwater.cases.RequestRefusedException.Reason.CONFLICT;
import static org.obtainingwater.cases.RequestRefusedException.Reason.NOT_FOUND;
import static org.obtainingwater.process.CaseVariables.PERMIT_APPLICATION_REF;
import static org.obtainingwater.process.CaseVariables.PERMIT_DECISION;
import static org.obtainingwater.process.CaseVariables.PERMIT_NUMBER;
import static org.obtainingwater.process.CaseVariables.PERMIT_REJECTION_REASON;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.event.EventType;
import org.camunda.bpm.engine.runtime.EventSubscription;
import org.camunda.bpm.engine.task.Task;
import org.obtainingwater.cases.RequestRefusedException;
import org.obtainingwater.process.LostRace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies a decision the city's permit platform reports for a filing: correlates it as the permit's decision message
 * ({@code receiveTask_await…PermitDecision}, by business key and permit kind) or, when the platform was silent so
 * long that the permit agent's {@code userTask_record…PermitDecision} is open, completes that task with it exactly as
 * the agent would in Tasklist, so the agent's task disappears; either way the case moves on (approved: towards
 * construction; rejected: to revision; docs/adr/0041). The filing's row is locked first, so a decision is applied once however often or
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

  /** The decision table's {@code permitProcedure} for short works (备案/告知承诺): no decision follows the filing. */
  static final String FILING_ONLY = "filing";

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
    if (FILING_ONLY.equals(filing.procedure())) {
      throw new RequestRefusedException(CONFLICT, "申报 " + reference + " 是备案（告知承诺），平台受理即已办结，不需要也不登记审批结果");
    }
    Map<String, Object> variables = new HashMap<>();
    String permitNumber = decision.approved() ? decision.permitNumber() : null;
    String rejectionReason = decision.approved() ? null : decision.rejectionReason();
    variables.put(PERMIT_DECISION.name(), decision.decision());
    variables.put(PERMIT_NUMBER.name(), permitNumber);
    variables.put(PERMIT_REJECTION_REASON.name(), rejectionReason);

    // Normally the permit waits for this message; after the platform's silence the agent's task waits instead, and
    // the decision completes it exactly as the agent would (docs/adr/0041).
    Optional<EventSubscription> waiting;
    Optional<Task> task;
    try {
      waiting = runtime.createEventSubscriptionQuery().processInstanceId(filing.processInstanceId())
          .eventType(EventType.MESSAGE.name()).eventName(filing.kind().decisionMessage()).list().stream()
          .filter(subscription -> reference.equals(runtime.getVariable(subscription.getExecutionId(), PERMIT_APPLICATION_REF.name())))
          .findFirst();
      task = waiting.isPresent() ? Optional.empty() : tasks.createTaskQuery()
          .processInstanceId(filing.processInstanceId()).taskDefinitionKey(filing.kind().decisionTask()).list().stream()
          .filter(candidate -> reference.equals(runtime.getVariable(candidate.getExecutionId(), PERMIT_APPLICATION_REF.name())))
          .findFirst();
    } catch (NullValueException gone) {
      // An execution found a moment ago has ended: the fallback timer fired (or the case changed otherwise) and committed
      // in between. A lost race like any other: nothing is applied, and the caller may apply it on the new state.
      throw new OptimisticLockingException("permit filing " + reference + ": the case changed while its decision was "
          + "being applied (" + gone.getMessage() + ")");
    }
    if (waiting.isEmpty() && task.isEmpty()) {
      throw new RequestRefusedException(CONFLICT, "申报 " + reference + " 所属的报装 "
          + filing.applicationNumber() + " 当前没有在等待该许可的审批结果（可能已撤回或已办结）");
    }

    filings.recordDecision(reference, decision.decision(), permitNumber, rejectionReason, PermitFilings.VIA_PLATFORM);
    // the wait found above may end in between (the fallback timer fires): a lost race, as above
    LostRace.ifTheWaitEnded("permit filing " + reference, () -> waiting.isPresent()
        ? runtime.createEventSubscriptionQuery().processInstanceId(filing.processInstanceId())
            .eventType(EventType.MESSAGE.name()).eventName(filing.kind().decisionMessage()).count() > 0
        : tasks.createTaskQuery().taskId(task.get().getId()).count() > 0, () -> {
          if (waiting.isPresent()) {
            runtime.createMessageCorrelation(filing.kind().decisionMessage())
                .processInstanceBusinessKey(filing.applicationNumber())
                .setVariables(variables)
                .correlateWithResult();
          } else {
            tasks.complete(task.get().getId(), variables);
          }
        });
    LOG.info("Permit platform decided {} ({}) for {}: {}", reference, filing.kind().title(), filing.applicationNumber(),
        decision.decision());
    return filings.find(reference).orElseThrow();
  }
}
