package org.obtainingwater.operations;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.obtainingwater.cases.Stage;
import org.obtainingwater.notification.OutboxStatus;
import org.obtainingwater.permits.PermitKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The operations dashboard's gauges (docs/operations.md), read from the engine's and the application's tables
 * when Prometheus scrapes: a handful of grouped counts over indexed, small tables (running tasks, incidents, the
 * outbox's open entries, undecided permit filings, unsigned contracts). One scrape reads them once: the figures are kept for
 * {@code obtaining-water.operations.gauge-cache} (default 5 s), so the per-stage gauges share one query.
 *
 * <ul>
 *   <li>{@code ow_open_tasks{stage}}: open user tasks of running cases, by the case's stage;</li>
 *   <li>{@code ow_overdue_tasks{stage}}: of those, past their due date (the engine's clock);</li>
 *   <li>{@code ow_incidents_open}: the engine's open incidents (failed jobs, given-up notices);</li>
 *   <li>{@code ow_outbox_pending}: notices waiting for or in delivery;</li>
 *   <li>{@code ow_permit_filings_pending{kind}}: permits filed for running cases and not yet decided;</li>
 *   <li>{@code ow_contracts_unsigned}: running cases whose supply contract, issued at water-on, waits for the
 *   customer's signature (docs/adr/0046).</li>
 * </ul>
 * While the database is down the gauges answer NaN (no sample) instead of failing the scrape.
 */
@Component
class OperationsGauges {

  private static final Logger LOG = LoggerFactory.getLogger(OperationsGauges.class);

  private final JdbcTemplate jdbc;
  private final Duration cacheFor;
  private Snapshot snapshot;

  OperationsGauges(JdbcTemplate jdbc, MeterRegistry registry,
      @Value("${obtaining-water.operations.gauge-cache:PT5S}") Duration cacheFor) {
    this.jdbc = jdbc;
    this.cacheFor = cacheFor;
    for (Stage stage : Stage.values()) {
      String tag = stage.name().toLowerCase(Locale.ROOT);
      gauge(registry, "ow.open.tasks", "Open user tasks of running cases, per stage", "stage", tag,
          s -> s.openTasks.getOrDefault(stage.name(), 0L));
      gauge(registry, "ow.overdue.tasks", "Open user tasks past their due date, per stage", "stage", tag,
          s -> s.overdueTasks.getOrDefault(stage.name(), 0L));
    }
    for (PermitKind kind : PermitKind.values()) {
      gauge(registry, "ow.permit.filings.pending", "Permits filed for running cases, not yet decided", "kind",
          kind.code(), s -> s.pendingPermits.getOrDefault(kind.code(), 0L));
    }
    Gauge.builder("ow.incidents.open", this, gauges -> gauges.read(s -> s.incidents))
        .description("Open incidents of the engine").register(registry);
    Gauge.builder("ow.outbox.pending", this, gauges -> gauges.read(s -> s.outboxPending))
        .description("Notices waiting for delivery or being delivered").register(registry);
    Gauge.builder("ow.contracts.unsigned", this, gauges -> gauges.read(s -> s.contractsUnsigned))
        .description("Running cases whose supply contract waits for the customer's signature").register(registry);
  }

  private void gauge(MeterRegistry registry, String name, String description, String tag, String value,
      ToDoubleFunction<Snapshot> figure) {
    Gauge.builder(name, this, gauges -> gauges.read(figure)).description(description).tag(tag, value)
        .register(registry);
  }

  private double read(ToDoubleFunction<Snapshot> figure) {
    try {
      return figure.applyAsDouble(current());
    } catch (DataAccessException e) {
      LOG.debug("Gauges not read: {}", e.getMessage());
      return Double.NaN;
    }
  }

  private synchronized Snapshot current() {
    Instant now = Instant.now();
    if (snapshot == null || !now.isBefore(snapshot.readAt.plus(cacheFor))) {
      snapshot = new Snapshot(now);
    }
    return snapshot;
  }

  private final class Snapshot {

    final Instant readAt;
    final Map<String, Long> openTasks;
    final Map<String, Long> overdueTasks;
    final Map<String, Long> pendingPermits;
    final long incidents;
    final long outboxPending;
    final long contractsUnsigned;

    Snapshot(Instant readAt) {
      this.readAt = readAt;
      String tasksByStage = "SELECT a.stage, COUNT(*) FROM ACT_RU_TASK t "
          + "JOIN application a ON a.process_instance_id = t.PROC_INST_ID_ WHERE a.outcome IS NULL ";
      openTasks = grouped(tasksByStage + "GROUP BY a.stage");
      overdueTasks = grouped(tasksByStage + "AND t.DUE_DATE_ < ? GROUP BY a.stage",
          new Timestamp(ClockUtil.getCurrentTime().getTime()));
      pendingPermits = grouped("SELECT p.permit_kind, COUNT(*) FROM permit_filing p "
          + "JOIN application a ON a.application_number = p.application_number "
          + "WHERE p.decision IS NULL AND a.outcome IS NULL "
          // a filing-only procedure (备案) waits for no decision (docs/adr/0041)
          + "AND (p.permit_procedure IS NULL OR p.permit_procedure <> 'filing') GROUP BY p.permit_kind");
      incidents = jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_INCIDENT", Long.class);
      outboxPending = jdbc.queryForObject("SELECT COUNT(*) FROM notification_outbox WHERE status IN (?, ?)",
          Long.class, OutboxStatus.PENDING.name(), OutboxStatus.SENDING.name());
      contractsUnsigned = jdbc.queryForObject("SELECT COUNT(*) FROM supply_contract c "
          + "JOIN application a ON a.application_number = c.application_number "
          + "WHERE c.signed_by IS NULL AND a.outcome IS NULL", Long.class);
    }

    private Map<String, Long> grouped(String sql, Object... arguments) {
      Map<String, Long> counts = new HashMap<>();
      jdbc.query(sql, rs -> {
        counts.put(rs.getString(1), rs.getLong(2));
      }, arguments);
      return counts;
    }
  }
}
