package org.obtainingwater.cases;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.obtainingwater.process.RecordedTime;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/**
 * The {@code application} and {@code application_stage} tables (Flyway V2). Every method runs in
 * the caller's transaction, which inside the engine is the engine's own: a row is written together
 * with the process state it describes, or not at all. Times are the engine's clock, in UTC.
 */
@Repository
public class CaseRecords {

  private static final String COLUMNS = "application_number, process_instance_id, channel, applicant_name, contact_phone, "
      + "site_address, use_type, expected_peak_demand, stage, outcome, client_reference, request_fingerprint, "
      + "received_at, updated_at, finished_at";

  private static final RowMapper<CaseRecord> CASE = CaseRecords::toCase;

  private final JdbcTemplate jdbc;
  private final CaseMeters meters;

  CaseRecords(JdbcTemplate jdbc, CaseMeters meters) {
    this.jdbc = jdbc;
    this.meters = meters;
  }

  /** The engine's current time: tests move it, and stage dates must follow. */

  /** What a case's record starts with: its number, process instance, channel and the application. */
  public record NewCase(String applicationNumber, String processInstanceId, String channel, String applicantName,
      String contactPhone, String siteAddress, String useType, BigDecimal expectedPeakDemand) {
  }

  /** Opens the record of a case that has just received its number; it starts in {@link Stage#RECEIVED}. */
  public void open(NewCase draft) {
    OffsetDateTime now = RecordedTime.now();
    jdbc.update("INSERT INTO application (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, NULL, ?, ?, NULL)",
        draft.applicationNumber(), draft.processInstanceId(), draft.channel(), draft.applicantName(),
        draft.contactPhone(), draft.siteAddress(), draft.useType(), draft.expectedPeakDemand(),
        Stage.RECEIVED.name(), now, now);
    enter(draft.applicationNumber(), Stage.RECEIVED, now);
    meters.countStarted(draft.channel());
  }

  public Optional<CaseRecord> find(String applicationNumber) {
    return jdbc.query("SELECT " + COLUMNS + " FROM application WHERE application_number = ?", CASE, applicationNumber)
        .stream().findFirst();
  }

  /** Reads the record and locks it until the transaction ends, so two changes to one case queue up. */
  public Optional<CaseRecord> lock(String applicationNumber) {
    return jdbc.query("SELECT " + COLUMNS + " FROM application WHERE application_number = ? FOR UPDATE", CASE,
        applicationNumber).stream().findFirst();
  }

  /**
   * The customer's own case: the record when its contact phone is the given one (landlines with or without the
   * hyphen). Another phone's case is answered as an unknown one (404), so a number alone tells nobody that a case
   * exists.
   */
  public CaseRecord customersOwn(String applicationNumber, String contactPhone) {
    return find(applicationNumber).filter(found -> CustomerCases.samePhone(found.contactPhone(), contactPhone))
        .orElseThrow(() -> notTheCustomers(applicationNumber));
  }

  /** {@link #customersOwn}, locked until the transaction ends (see {@link #lock}). */
  public CaseRecord lockCustomersOwn(String applicationNumber, String contactPhone) {
    return lock(applicationNumber).filter(found -> CustomerCases.samePhone(found.contactPhone(), contactPhone))
        .orElseThrow(() -> notTheCustomers(applicationNumber));
  }

  private static RequestRefusedException notTheCustomers(String applicationNumber) {
    return new RequestRefusedException(RequestRefusedException.Reason.NOT_FOUND, "没有找到编号为 " + applicationNumber
        + " 且联系电话相符的申请；请核对申请编号和申请时填写的联系电话");
  }

  /** A customer's cases by their contact phone (landlines with or without the hyphen), newest first. */
  public List<CaseRecord> forPhone(String phone) {
    String digits = phone.replace("-", "").strip();
    return jdbc.query("SELECT " + COLUMNS + " FROM application WHERE contact_phone = ? OR REPLACE(contact_phone, '-', '') = ? "
        + "ORDER BY received_at DESC, application_number DESC FETCH FIRST 100 ROWS ONLY", CASE, phone.strip(), digits);
  }

  public Optional<CaseRecord> findByProcessInstance(String processInstanceId) {
    return jdbc.query("SELECT " + COLUMNS + " FROM application WHERE process_instance_id = ?", CASE, processInstanceId)
        .stream().findFirst();
  }

  public Optional<CaseRecord> findByClientReference(String clientReference) {
    return jdbc.query("SELECT " + COLUMNS + " FROM application WHERE client_reference = ?", CASE, clientReference)
        .stream().findFirst();
  }

  /**
   * Records the client's idempotency key on a case. The column is unique: when another request
   * with the same key got there first, this throws {@link org.springframework.dao.DuplicateKeyException}
   * (after that request commits) and the caller's transaction, case start included, rolls back.
   */
  public void claimClientReference(String applicationNumber, String clientReference, String fingerprint) {
    jdbc.update("UPDATE application SET client_reference = ?, request_fingerprint = ? WHERE application_number = ?",
        clientReference, fingerprint, applicationNumber);
  }

  /** The applicant's data as staff confirmed or corrected it. */
  public void refreshApplicant(String applicationNumber, String applicantName, String contactPhone, String siteAddress,
      String useType, BigDecimal expectedPeakDemand) {
    jdbc.update("UPDATE application SET applicant_name = ?, contact_phone = ?, site_address = ?, use_type = ?, "
        + "expected_peak_demand = ?, updated_at = ? WHERE application_number = ?",
        applicantName, contactPhone, siteAddress, useType, expectedPeakDemand, RecordedTime.now(), applicationNumber);
  }

  /**
   * Moves the case to another stage: closes the open history entry and opens one for the new stage.
   * Nothing happens when the case is in that stage already (the second permit, a repeated pressure
   * test) or has no record (a case started before records existed).
   */
  public void moveTo(String applicationNumber, Stage stage) {
    OffsetDateTime now = RecordedTime.now();
    int moved = jdbc.update("UPDATE application SET stage = ?, updated_at = ? WHERE application_number = ? AND stage <> ?",
        stage.name(), now, applicationNumber, stage.name());
    if (moved == 1) {
      leaveCurrent(applicationNumber, now);
      enter(applicationNumber, stage, now);
    }
  }

  /** The case ended: its outcome, and the open stage entry is closed. */
  public void finish(String applicationNumber, Outcome outcome) {
    OffsetDateTime now = RecordedTime.now();
    int finished = jdbc.update("UPDATE application SET stage = ?, outcome = ?, updated_at = ?, finished_at = ? "
        + "WHERE application_number = ? AND outcome IS NULL", Stage.CLOSED.name(), outcome.name(), now, now,
        applicationNumber);
    if (finished == 1) {
      leaveCurrent(applicationNumber, now);
      meters.countFinished(outcome);
    }
  }

  public List<StageEntry> history(String applicationNumber) {
    return jdbc.query("SELECT stage, entered_at, left_at FROM application_stage WHERE application_number = ? ORDER BY id",
        (rs, row) -> new StageEntry(Stage.valueOf(rs.getString("stage")), RecordedTime.read(rs, "entered_at"), RecordedTime.read(rs, "left_at")),
        applicationNumber);
  }

  private void enter(String applicationNumber, Stage stage, OffsetDateTime at) {
    jdbc.update("INSERT INTO application_stage (application_number, stage, entered_at) VALUES (?, ?, ?)",
        applicationNumber, stage.name(), at);
  }

  private void leaveCurrent(String applicationNumber, OffsetDateTime at) {
    jdbc.update("UPDATE application_stage SET left_at = ? WHERE application_number = ? AND left_at IS NULL", at,
        applicationNumber);
  }

  private static CaseRecord toCase(ResultSet rs, int row) throws SQLException {
    String outcome = rs.getString("outcome");
    return new CaseRecord(rs.getString("application_number"), rs.getString("process_instance_id"),
        rs.getString("channel"), rs.getString("applicant_name"), rs.getString("contact_phone"),
        rs.getString("site_address"), rs.getString("use_type"), rs.getBigDecimal("expected_peak_demand"),
        Stage.valueOf(rs.getString("stage")), outcome == null ? null : Outcome.valueOf(outcome),
        rs.getString("client_reference"), rs.getString("request_fingerprint"), RecordedTime.read(rs, "received_at"),
        RecordedTime.read(rs, "updated_at"), RecordedTime.read(rs, "finished_at"));
  }

}
