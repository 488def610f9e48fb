package org.obtainingwater.cases;

import static org.obtainingwater.cases.RequestRefusedException.Reason.UNPROCESSABLE;
import static org.obtainingwater.process.ObtainingWaterProcess.PROCESS_KEY;

import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.obtainingwater.notification.Masking;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Files an application from a customer channel: starts an obtainingWater case (whose first step
 * opens the case record) in one transaction with recording the client's idempotency key on it.
 * A retry with the same key returns the same case; when two requests with one key race, the
 * unique key makes the second transaction, its case start included, roll back, and it returns the
 * first one's case. Nothing is ever filed twice.
 */
@Service
public class CaseFiling {

  private static final Logger LOG = LoggerFactory.getLogger(CaseFiling.class);

  /** The case a request filed, and whether it was filed by an earlier request with the same key. */
  public record Filed(CaseRecord record, boolean replayed) {
  }

  private final RuntimeService runtime;
  private final CaseRecords records;
  private final TransactionTemplate transaction;

  CaseFiling(RuntimeService runtime, CaseRecords records, TransactionTemplate transaction) {
    this.runtime = runtime;
    this.records = records;
    this.transaction = transaction;
  }

  /**
   * @param variables the start form's variables (application data and channel)
   * @param clientReference the client's idempotency key, or null for a request that is not retried
   * @param fingerprint what identifies the request's content, to tell a retry from a reused key
   */
  public Filed file(Map<String, Object> variables, String clientReference, String fingerprint) {
    if (clientReference != null) {
      Optional<Filed> earlier = earlier(clientReference, fingerprint);
      if (earlier.isPresent()) {
        return earlier.get();
      }
    }
    try {
      Filed filed = transaction.execute(status -> {
        ProcessInstance instance = runtime.createProcessInstanceByKey(PROCESS_KEY).setVariables(variables).execute();
        CaseRecord record = records.findByProcessInstance(instance.getId()).orElseThrow();
        if (clientReference != null) {
          records.claimClientReference(record.applicationNumber(), clientReference, fingerprint);
        }
        return new Filed(records.find(record.applicationNumber()).orElseThrow(), false);
      });
      LOG.info("Application {} filed via {} for {}", filed.record().applicationNumber(), filed.record().channel(),
          Masking.phone(filed.record().contactPhone()));
      return filed;
    } catch (DataIntegrityViolationException | ConcurrencyFailureException raced) {
      // Another request with the same key committed first (or still holds the key): answer with its case.
      if (clientReference == null) {
        throw raced;
      }
      LOG.info("A request with the same Idempotency-Key was filed at the same moment; answering with its case ({})",
          raced.getClass().getSimpleName());
      return earlier(clientReference, fingerprint).orElseThrow(() -> raced);
    }
  }

  private Optional<Filed> earlier(String clientReference, String fingerprint) {
    return records.findByClientReference(clientReference).map(record -> {
      if (!record.requestFingerprint().equals(fingerprint)) {
        throw new RequestRefusedException(UNPROCESSABLE, "Idempotency-Key " + clientReference
            + " 已用于另一份内容不同的申请（" + record.applicationNumber() + "）；新的申请请使用新的 Idempotency-Key");
      }
      return new Filed(record, true);
    });
  }
}
