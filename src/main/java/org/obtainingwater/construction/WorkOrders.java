package org.obtainingwater.construction;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;

import org.obtainingwater.process.RecordedTime;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The {@code work_order} table (Flyway V11): work orders issued to the construction team and when a
 * withdrawal cancelled them. Written in the engine's transactions, so an order is recorded exactly when
 * the step that issued or cancelled it commits.
 */
@Repository
public class WorkOrders {

  /** One work order and, once cancelled, when. */
  public record WorkOrder(String number, String applicationNumber, OffsetDateTime issuedAt, OffsetDateTime cancelledAt) {

    public boolean cancelled() {
      return cancelledAt != null;
    }
  }

  private final JdbcTemplate jdbc;

  WorkOrders(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }


  void issued(String number, String applicationNumber, String processInstanceId) {
    jdbc.update("INSERT INTO work_order (number, application_number, process_instance_id, issued_at) "
        + "SELECT ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM work_order WHERE number = ?)", number, applicationNumber,
        processInstanceId, RecordedTime.now(), number);
  }

  /**
   * Marks the order cancelled once; returns false when it already was. An order issued before the table
   * existed (a case from an earlier version) is recorded as cancelled with no issue time.
   */
  boolean cancel(String number, String applicationNumber, String processInstanceId) {
    if (jdbc.update("UPDATE work_order SET cancelled_at = ? WHERE number = ? AND cancelled_at IS NULL", RecordedTime.now(), number) == 1) {
      return true;
    }
    return jdbc.update("INSERT INTO work_order (number, application_number, process_instance_id, cancelled_at) "
        + "SELECT ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM work_order WHERE number = ?)", number, applicationNumber,
        processInstanceId, RecordedTime.now(), number) == 1;
  }

  /** The case's work orders, oldest first. */
  public List<WorkOrder> forCase(String applicationNumber) {
    return jdbc.query("SELECT number, application_number, issued_at, cancelled_at FROM work_order "
        + "WHERE application_number = ? ORDER BY number", WorkOrders::toWorkOrder, applicationNumber);
  }

  private static WorkOrder toWorkOrder(ResultSet rs, int row) throws SQLException {
    return new WorkOrder(rs.getString("number"), rs.getString("application_number"), RecordedTime.read(rs, "issued_at"),
        RecordedTime.read(rs, "cancelled_at"));
  }

}
