package org.obtainingwater.permits;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.obtainingwater.process.RecordedTime;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The {@code permit_filing} table (Flyway V4, V10): what the utility filed with the city's platform under
 * which reference, the decision, and when a withdrawal withdrew it. Written in the engine's transactions (the filing step, the
 * decision task), read by the platform's callback.
 */
@Repository
public class PermitFilings {

  /** Who recorded a decision. */
  public static final String VIA_TASKLIST = "tasklist";
  public static final String VIA_PLATFORM = "platform";

  private static final String COLUMNS = "reference, application_number, process_instance_id, permit_kind, "
      + "permit_procedure, filed_at, decision, permit_number, rejection_reason, decided_at, decided_via, withdrawn_at";

  private final JdbcTemplate jdbc;

  PermitFilings(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }


  void recordFiling(String reference, PermitFiling filing, String processInstanceId) {
    jdbc.update("INSERT INTO permit_filing (reference, application_number, process_instance_id, permit_kind, "
        + "permit_procedure, filed_at) VALUES (?, ?, ?, ?, ?, ?)", reference, filing.applicationNumber(),
        processInstanceId, filing.kind().code(), filing.procedure(), RecordedTime.now());
  }

  /** How many times this permit was filed for the case so far. */
  public int filingCount(String applicationNumber, PermitKind kind) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM permit_filing WHERE application_number = ? AND permit_kind = ?",
        Integer.class, applicationNumber, kind.code());
  }

  /**
   * Records the decision on a filing that has none yet; returns false when it already had one (the
   * decision was recorded first by the other party, and that one stands).
   */
  boolean recordDecision(String reference, String decision, String permitNumber, String rejectionReason, String via) {
    return jdbc.update("UPDATE permit_filing SET decision = ?, permit_number = ?, rejection_reason = ?, decided_at = ?, "
        + "decided_via = ? WHERE reference = ? AND decision IS NULL", decision, permitNumber, rejectionReason, RecordedTime.now(), via,
        reference) == 1;
  }

  public Optional<FiledPermit> find(String reference) {
    return jdbc.query("SELECT " + COLUMNS + " FROM permit_filing WHERE reference = ?", PermitFilings::toFiling, reference)
        .stream().findFirst();
  }

  /** Reads the filing and locks it until the transaction ends: one decision at a time per filing. */
  Optional<FiledPermit> lock(String reference) {
    return jdbc.query("SELECT " + COLUMNS + " FROM permit_filing WHERE reference = ? FOR UPDATE",
        PermitFilings::toFiling, reference).stream().findFirst();
  }

  /** The case's filings that have no decision and are not withdrawn: what a withdrawal must withdraw at the platform. */
  List<FiledPermit> inFlight(String applicationNumber) {
    return jdbc.query("SELECT " + COLUMNS + " FROM permit_filing WHERE application_number = ? AND decision IS NULL "
        + "AND withdrawn_at IS NULL ORDER BY filed_at, reference", PermitFilings::toFiling, applicationNumber);
  }

  void recordWithdrawal(String reference) {
    jdbc.update("UPDATE permit_filing SET withdrawn_at = ? WHERE reference = ? AND withdrawn_at IS NULL", RecordedTime.now(), reference);
  }

  /** Every filing of one case, in the order filed. */
  public List<FiledPermit> filingsFor(String applicationNumber) {
    return jdbc.query("SELECT " + COLUMNS + " FROM permit_filing WHERE application_number = ? ORDER BY filed_at, reference",
        PermitFilings::toFiling, applicationNumber);
  }

  private static FiledPermit toFiling(ResultSet rs, int row) throws SQLException {
    return new FiledPermit(rs.getString("reference"), rs.getString("application_number"),
        rs.getString("process_instance_id"), PermitKind.ofCode(rs.getString("permit_kind")),
        rs.getString("permit_procedure"), RecordedTime.read(rs, "filed_at"), rs.getString("decision"), rs.getString("permit_number"),
        rs.getString("rejection_reason"), RecordedTime.read(rs, "decided_at"), rs.getString("decided_via"), RecordedTime.read(rs, "withdrawn_at"));
  }

}
