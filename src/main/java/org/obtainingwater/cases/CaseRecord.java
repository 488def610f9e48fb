package org.obtainingwater.cases;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** One row of the {@code application} table: the case as other systems read it. */
public record CaseRecord(
    String applicationNumber,
    String processInstanceId,
    String channel,
    String applicantName,
    String contactPhone,
    String siteAddress,
    String useType,
    BigDecimal expectedPeakDemand,
    Stage stage,
    Outcome outcome,
    String clientReference,
    String requestFingerprint,
    OffsetDateTime receivedAt,
    OffsetDateTime updatedAt,
    OffsetDateTime finishedAt) {

  public boolean finished() {
    return outcome != null;
  }
}
