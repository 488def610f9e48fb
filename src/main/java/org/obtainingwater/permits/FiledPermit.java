package org.obtainingwater.permits;

import java.time.OffsetDateTime;

/** One row of {@code permit_filing}: a filing with the platform and, once known, its decision, or its withdrawal. */
public record FiledPermit(String reference, String applicationNumber, String processInstanceId, PermitKind kind,
    String procedure, OffsetDateTime filedAt, String decision, String permitNumber, String rejectionReason,
    OffsetDateTime decidedAt, String decidedVia, OffsetDateTime withdrawnAt) {

  public boolean decided() {
    return decision != null;
  }

  public boolean withdrawn() {
    return withdrawnAt != null;
  }
}
