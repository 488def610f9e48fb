package org.obtainingwater.cases;

import static org.obtainingwater.cases.RequestRefusedException.Reason.CONFLICT;
import static org.obtainingwater.process.CaseVariables.PRE_ENGAGEMENT_TAKEOVER;
import static org.obtainingwater.process.CaseVariables.PROJECT_REFERENCE;
import static org.obtainingwater.process.CaseVariables.WITHDRAWAL_REASON;
import static org.obtainingwater.process.ObtainingWaterProcess.MESSAGE_APPLICATION_WITHDRAWN;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.obtainingwater.notification.Masking;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a customer may do with their own case: list, follow and withdraw it. The caller's verified
 * phone (a session or a trusted channel, docs/adr/0025) must be the case's contact phone; another
 * phone's case is answered exactly like an unknown one, so nobody can find out which numbers exist.
 */
@Service
public class CustomerCases {

  private static final Logger LOG = LoggerFactory.getLogger(CustomerCases.class);

  /** A case with its stage history, as its applicant may see it. */
  public record CaseView(CaseRecord record, List<StageEntry> history, Optional<PreEngagementLink> preEngagement,
      Optional<ServiceRatings.ServiceRating> rating) {
  }

  private final CaseRecords records;
  private final RuntimeService runtime;
  private final HistoryService historyService;
  private final ServiceRatings ratings;

  CustomerCases(CaseRecords records, RuntimeService runtime, HistoryService historyService, ServiceRatings ratings) {
    this.records = records;
    this.runtime = runtime;
    this.historyService = historyService;
    this.ratings = ratings;
  }

  @Transactional(readOnly = true)
  public CaseView status(String applicationNumber, String contactPhone) {
    CaseRecord record = records.customersOwn(applicationNumber, contactPhone);
    return view(record);
  }

  /**
   * Withdraws the case: the withdrawal boundary event of the sub-process up to water-on stops all open
   * work, withdraws filings in flight at the permit platform, cancels the work order and tells the customer. The record is locked first, so of two withdrawals at once the second sees the first.
   */
  @Transactional
  public CaseView withdraw(String applicationNumber, String contactPhone, String reason) {
    CaseRecord record = records.lockCustomersOwn(applicationNumber, contactPhone);
    if (record.finished()) {
      throw new RequestRefusedException(CONFLICT, "申请 " + applicationNumber + " 已办结（" + record.outcome().label()
          + "），不能撤回");
    }
    if (record.stage() == Stage.WITHDRAWAL) {
      throw new RequestRefusedException(CONFLICT, "申请 " + applicationNumber + " 已在撤回中，无需重复撤回");
    }
    if (!record.stage().withdrawable()) {
      throw new RequestRefusedException(CONFLICT, "申请 " + applicationNumber + " 已装表通水，不能撤回报装；"
          + "如需停止用水，请致电服务热线办理暂停供水或销户");
    }
    try {
      runtime.createMessageCorrelation(MESSAGE_APPLICATION_WITHDRAWN)
          .processInstanceId(record.processInstanceId())
          .setVariable(WITHDRAWAL_REASON.name(), reason == null ? "" : reason)
          .correlateWithResult();
    } catch (MismatchingMessageCorrelationException e) {
      // The model offers withdrawal only until water-on (docs/adr/0031); the record's stage can lag behind by
      // the asynchronous step after the meter, or the case is on its way out after a refusal.
      throw new RequestRefusedException(CONFLICT, "申请 " + applicationNumber + " 已装表通水或已办结，不能撤回报装；"
          + "如需停止用水，请致电服务热线办理暂停供水或销户");
    }
    LOG.info("Application {} withdrawn by the applicant ({})", applicationNumber, Masking.phone(contactPhone));
    return view(records.find(applicationNumber).orElseThrow());
  }

  private CaseView view(CaseRecord record) {
    return new CaseView(record, records.history(record.applicationNumber()), preEngagement(record.processInstanceId()),
        ratings.find(record.applicationNumber()));
  }

  /** The project the application named and what it took over, from the case's variables (history keeps them after the end). */
  private Optional<PreEngagementLink> preEngagement(String processInstanceId) {
    Map<String, Object> values = new HashMap<>();
    historyService.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId)
        .variableNameIn(PROJECT_REFERENCE.name(), PRE_ENGAGEMENT_TAKEOVER.name()).list()
        .forEach(variable -> values.put(variable.getName(), variable.getValue()));
    String reference = PROJECT_REFERENCE.convert(values.get(PROJECT_REFERENCE.name()));
    if (reference == null || reference.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(new PreEngagementLink(reference.strip(),
        PRE_ENGAGEMENT_TAKEOVER.convert(values.get(PRE_ENGAGEMENT_TAKEOVER.name()))));
  }


  /** Rates the service of the phone's case after water-on (docs/adr/0037), and answers the case as it is then. */
  @Transactional
  public CaseView rate(String applicationNumber, String contactPhone, int score, String comment) {
    ratings.rate(applicationNumber, contactPhone, score, comment);
    return view(records.find(applicationNumber).orElseThrow());
  }

  /** The applicant's cases, newest first (我的申请). */
  @Transactional(readOnly = true)
  public List<CaseRecord> list(String contactPhone) {
    return records.forPhone(contactPhone);
  }

  /** Landlines may be written with or without the hyphen after the area code. */
  public static boolean samePhone(String recorded, String given) {
    return given != null && normalize(recorded).equals(normalize(given));
  }

  private static String normalize(String phone) {
    return phone.replace("-", "").trim();
  }
}
