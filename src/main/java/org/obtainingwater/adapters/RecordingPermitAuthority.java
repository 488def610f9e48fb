package org.obtainingwater.adapters;

import java.util.ArrayList;
import java.util.List;

import org.obtainingwater.permits.PermitAuthority;
import org.obtainingwater.permits.PermitFiling;
import org.obtainingwater.permits.PermitKind;
import org.obtainingwater.permits.PermitWithdrawal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Local adapter: records each filing and answers with a reference, as the platform would:
 * {@code ZD-<case>-<n>} for road, {@code LH-<case>-<n>} for greenery, n the filing's attempt. A filing
 * repeated with the same idempotency key is answered with the first one's reference and not recorded
 * again. Decisions come back through the permit decision API or are recorded by the permit agent. A
 * withdrawal is recorded once per filing, however often it is repeated with its key.
 */
@Component
@ConditionalOnProperty(name = "obtaining-water.adapters.permit-authority", havingValue = "recording", matchIfMissing = true)
public class RecordingPermitAuthority implements PermitAuthority {

  /** The name of the permit platform in the adapter journal. */
  public static final String SYSTEM = "permit-authority";

  private static final Logger LOG = LoggerFactory.getLogger(RecordingPermitAuthority.class);
  private static final int KEPT = 1_000;

  private final List<PermitFiling> filings = new ArrayList<>();
  private final List<PermitWithdrawal> withdrawals = new ArrayList<>();
  private final IdempotentCalls calls;

  RecordingPermitAuthority(AdapterJournal journal) {
    this.calls = journal.calls(SYSTEM);
  }

  @Override
  public String file(PermitFiling filing) {
    IdempotentCalls.Answer answer = calls.call(filing.idempotencyKey(), () -> {
      record(filing);
      return "%s-%s-%d".formatted(filing.kind() == PermitKind.ROAD ? "ZD" : "LH", filing.applicationNumber(),
          filing.attempt());
    });
    LOG.info("{} {} ({}) for {} as {}", answer.repeat() ? "Filing repeated, already filed:" : "Filed",
        filing.kind().title(), filing.procedure(), filing.applicationNumber(), answer.value());
    return answer.value();
  }

  @Override
  public void withdraw(PermitWithdrawal withdrawal) {
    IdempotentCalls.Answer answer = calls.call(withdrawal.idempotencyKey(), () -> {
      recordWithdrawal(withdrawal);
      return withdrawal.reference();
    });
    LOG.info("{} {} ({}) for {}", answer.repeat() ? "Withdrawal repeated, already withdrawn:" : "Withdrew",
        withdrawal.reference(), withdrawal.kind().title(), withdrawal.applicationNumber());
  }

  private synchronized void recordWithdrawal(PermitWithdrawal withdrawal) {
    if (withdrawals.size() == KEPT) {
      withdrawals.remove(0);
    }
    withdrawals.add(withdrawal);
  }

  /** Withdrawals recorded for one case, oldest first; a repeated withdrawal once. */
  public synchronized List<PermitWithdrawal> withdrawalsFor(String applicationNumber) {
    return withdrawals.stream().filter(withdrawal -> withdrawal.applicationNumber().equals(applicationNumber)).toList();
  }

  private synchronized void record(PermitFiling filing) {
    if (filings.size() == KEPT) {
      filings.remove(0);
    }
    filings.add(filing);
  }

  /** Filings recorded for one case, oldest first; a repeated filing once. */
  public synchronized List<PermitFiling> filingsFor(String applicationNumber) {
    return filings.stream().filter(filing -> filing.applicationNumber().equals(applicationNumber)).toList();
  }
}
