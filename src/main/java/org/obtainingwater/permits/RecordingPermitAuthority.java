package org.obtainingwater.permits;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Local adapter: records each filing and answers with a reference, as the platform would:
 * {@code ZD-<case>-<n>} for road, {@code LH-<case>-<n>} for greenery, n counting the filings of that
 * permit for the case (from the utility's own records, so references stay unique across restarts).
 * Decisions come back through the permit decision API or are recorded by the permit agent.
 */
@Component
@ConditionalOnProperty(name = "obtaining-water.adapters.permit-authority", havingValue = "recording", matchIfMissing = true)
public class RecordingPermitAuthority implements PermitAuthority {

  private static final Logger LOG = LoggerFactory.getLogger(RecordingPermitAuthority.class);
  private static final int KEPT = 1_000;

  private final List<PermitFiling> filings = new ArrayList<>();
  private final PermitFilings records;

  RecordingPermitAuthority(PermitFilings records) {
    this.records = records;
  }

  @Override
  public synchronized String file(PermitFiling filing) {
    if (filings.size() == KEPT) {
      filings.remove(0);
    }
    filings.add(filing);
    int attempt = records.filingCount(filing.applicationNumber(), filing.kind()) + 1;
    String reference = "%s-%s-%d".formatted(filing.kind() == PermitKind.ROAD ? "ZD" : "LH", filing.applicationNumber(), attempt);
    LOG.info("Filed {} ({}) for {} as {}", filing.kind().title(), filing.procedure(), filing.applicationNumber(), reference);
    return reference;
  }

  /** Filings recorded for one case, oldest first. */
  public synchronized List<PermitFiling> filingsFor(String applicationNumber) {
    return filings.stream().filter(filing -> filing.applicationNumber().equals(applicationNumber)).toList();
  }
}
