package org.obtainingwater.contract;

import static org.obtainingwater.process.CaseVariables.APPLICATION_NUMBER;
import static org.obtainingwater.process.CaseVariables.CONTRACT_SIGNED;

import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.task.Task;
import org.obtainingwater.cases.CaseRecord;
import org.obtainingwater.cases.CaseRecords;
import org.obtainingwater.cases.Stage;
import org.obtainingwater.process.LostRace;
import org.obtainingwater.process.ObtainingWaterProcess;
import org.obtainingwater.process.RecordedTime;
import org.obtainingwater.sla.CustomerTime;
import org.obtainingwater.sla.WorkingCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The case's wait for the supply contract's signature after water-on (docs/adr/0046), from both sides.
 *
 * <p>As the start listener of the gateway 合同已签署？ it tells the case whether the contract is already signed (the
 * page offers it from the moment it is issued, before the water-on notice is sent). It reads the contract row under
 * {@code FOR UPDATE}, the lock a signature takes first: a signature and the case arriving at the wait at the same
 * moment are ordered, so either the case sees the signature and does not wait, or the signature sees the wait.
 *
 * <p>After a signature, {@link #signed(String)} moves the case on: it correlates {@code Message_ContractSigned}
 * while the case waits for it, or completes the follow-up task customer service was given after five working days.
 * When the callback was done before the signature, the time from the callback to the signature is the customer's
 * ({@link CustomerTime}, stage {@link Stage#CALLBACK}): the case stays open for it, but the callback's time and the
 * case's utility time in the scorecard end with the callback.
 */
@Component("contractSigningWait")
public class ContractSigningWait implements ExecutionListener {

  private static final Logger LOG = LoggerFactory.getLogger(ContractSigningWait.class);

  /** The cause of customer time for a signature that came after the callback was done. */
  static final String SIGNED_AFTER_CALLBACK = "CONTRACT_SIGNED_AFTER_CALLBACK";

  private final JdbcTemplate jdbc;
  private final CaseRecords records;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final HistoryService history;
  private final CustomerTime customerTime;
  private final WorkingCalendar calendar;

  ContractSigningWait(JdbcTemplate jdbc, CaseRecords records, RuntimeService runtime, TaskService tasks,
      HistoryService history, CustomerTime customerTime, WorkingCalendar calendar) {
    this.jdbc = jdbc;
    this.records = records;
    this.runtime = runtime;
    this.tasks = tasks;
    this.history = history;
    this.customerTime = customerTime;
    this.calendar = calendar;
  }

  @Override
  public void notify(DelegateExecution execution) {
    List<String> signedBy = jdbc.query("SELECT signed_by FROM supply_contract WHERE application_number = ? FOR UPDATE",
        (row, i) -> row.getString(1), APPLICATION_NUMBER.get(execution));
    boolean signed = !signedBy.isEmpty() && signedBy.get(0) != null;
    CONTRACT_SIGNED.set(execution, signed);
  }

  /**
   * Moves the case on after its contract was signed, in the signature's transaction. A case that does not wait for a
   * signature (not there yet, migrated past water-on from a version without the wait, closed) is left as it is. A wait
   * that ends while this runs (the five-day timer firing) is a lost race: nothing is applied, and the caller may sign
   * again on the case's new state.
   */
  void signed(String applicationNumber) {
    Optional<String> instance = records.find(applicationNumber).map(CaseRecord::processInstanceId);
    if (instance.isEmpty()) {
      return;
    }
    String id = instance.get();
    boolean waiting = waitsForTheMessage(id);
    Optional<Task> followUp = waiting ? Optional.empty() : tasks.createTaskQuery().processInstanceId(id)
        .taskDefinitionKey(ObtainingWaterProcess.UserTasks.FOLLOW_UP_CONTRACT_SIGNING).list().stream().findFirst();
    if (!waiting && followUp.isEmpty()) {
      return;
    }
    LostRace.ifTheWaitEnded("supply contract of " + applicationNumber, () -> waiting ? waitsForTheMessage(id)
        : tasks.createTaskQuery().taskId(followUp.get().getId()).count() > 0, () -> {
          if (waiting) {
            runtime.createMessageCorrelation(ObtainingWaterProcess.MESSAGE_CONTRACT_SIGNED).processInstanceId(id)
                .correlateWithResult();
          } else {
            tasks.complete(followUp.get().getId());
          }
        });
    LOG.info("Application {}: contract signed, the case goes on ({})", applicationNumber,
        waiting ? "was waiting" : "customer service's follow-up completed");
    callbackDoneAt(id).ifPresent(callbackDone -> customerTime.record(applicationNumber, Stage.CALLBACK,
        SIGNED_AFTER_CALLBACK, "回访已办结，等待客户签署供水合同",
        calendar.workingTimeBetween(callbackDone, RecordedTime.now().toInstant()), null));
  }

  private boolean waitsForTheMessage(String processInstanceId) {
    return runtime.createEventSubscriptionQuery().processInstanceId(processInstanceId)
        .eventName(ObtainingWaterProcess.MESSAGE_CONTRACT_SIGNED).count() > 0;
  }

  /** When the callback's branch reached the closing join, if it has. */
  private Optional<Instant> callbackDoneAt(String processInstanceId) {
    return history.createHistoricActivityInstanceQuery().processInstanceId(processInstanceId)
        .activityId(ObtainingWaterProcess.Elements.CALLBACK_DONE).finished().list().stream()
        .map(HistoricActivityInstance::getEndTime).filter(Objects::nonNull)
        .max(Comparator.naturalOrder()).map(Date::toInstant);
  }
}
