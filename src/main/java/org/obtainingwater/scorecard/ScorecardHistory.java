package org.obtainingwater.scorecard;

import static org.obtainingwater.process.CaseVariables.CUSTOMER_FEE;
import static org.obtainingwater.process.CaseVariables.FEE_WAIVED;
import static org.obtainingwater.process.CaseVariables.SATISFACTION_SCORE;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.obtainingwater.cases.Outcome;
import org.obtainingwater.cases.Stage;
import org.obtainingwater.scorecard.CaseFacts.Span;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the facts of every case whose water came on in a period, in four set-based queries whatever
 * the number of cases: the case table's stages, and from Camunda's history tables the fee variables
 * ({@code ACT_HI_VARINST}), the callback scores ({@code ACT_HI_DETAIL}) and the completed customer
 * procedures ({@code ACT_HI_ACTINST}). Each joins the period's cases through the index on
 * {@code application_stage (stage, entered_at)} (Flyway V5) and reaches the history through the
 * engine's own indexes on the process instance id. No per-case query, no engine query API: it reads
 * the history of every case regardless of the staff member's authorizations, which is why only
 * supervisors may call it (docs/adr/0012-scorecard-from-history.md).
 */
@Repository
class ScorecardHistory {

  private static final Logger LOG = LoggerFactory.getLogger(ScorecardHistory.class);


  private final JdbcTemplate jdbc;
  private final String prefix;

  ScorecardHistory(JdbcTemplate jdbc, ProcessEngine engine) {
    this.jdbc = jdbc;
    this.prefix = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDatabaseTablePrefix();
  }

  /**
   * The cases whose water came on in [from, to), with their facts, in order of water on. The four
   * queries read one snapshot (repeatable read), so a case whose water comes on meanwhile is in all
   * of them or in none.
   */
  @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
  List<CaseFacts> connectedCases(Instant from, Instant to) {
    OffsetDateTime start = from.atOffset(ZoneOffset.UTC);
    OffsetDateTime end = to.atOffset(ZoneOffset.UTC);
    Map<String, Draft> cases = new HashMap<>();
    long began = System.nanoTime();
    jdbc.query("SELECT a.application_number, a.process_instance_id, a.received_at, s.stage, s.entered_at, s.left_at "
        + "FROM application_stage w JOIN application a ON a.application_number = w.application_number "
        + "JOIN application_stage s ON s.application_number = w.application_number "
        + "WHERE w.stage = 'WATER_ON' AND w.entered_at >= ? AND w.entered_at < ?", rs -> {
          Draft draft = cases.get(rs.getString(2));
          if (draft == null) {
            draft = new Draft(rs.getString(1), rs.getString(2), instant(rs, 3));
            cases.put(draft.processInstanceId, draft);
          }
          Span span = new Span(Stage.valueOf(rs.getString(4)), instant(rs, 5), instant(rs, 6));
          draft.stages.add(span);
          if (span.stage() == Stage.WATER_ON) {
            draft.waterOnAt = span.entered();
          }
        }, start, end);
    if (cases.isEmpty()) {
      return List.of();
    }
    long stagesRead = System.nanoTime();

    jdbc.query("SELECT v.PROC_INST_ID_, v.NAME_, v.VAR_TYPE_, v.DOUBLE_, v.LONG_ " + periodCasesWith("ACT_HI_VARINST v")
        + " AND v.NAME_ IN (?, ?) AND v.EXECUTION_ID_ = v.PROC_INST_ID_", rs -> { // process-level values only
          Draft draft = cases.get(rs.getString(1));
          Double value = number(rs, rs.getString(3), 4, 5);
          if (CUSTOMER_FEE.name().equals(rs.getString(2))) {
            draft.customerFee = value;
          } else if (value != null) {
            draft.feeWaived = value != 0;
          }
        }, start, end, CUSTOMER_FEE.name(), FEE_WAIVED.name());
    long variablesRead = System.nanoTime();

    jdbc.query("SELECT d.PROC_INST_ID_, d.VAR_TYPE_, d.DOUBLE_, d.LONG_, d.TIME_, d.SEQUENCE_COUNTER_ "
        + periodCasesWith("ACT_HI_DETAIL d") + " AND d.NAME_ = ? AND d.TYPE_ = 'VariableUpdate'", rs -> {
          Double score = number(rs, rs.getString(2), 3, 4);
          if (score != null) {
            Timestamp time = rs.getTimestamp(5);
            cases.get(rs.getString(1)).scores.add(new Score(time.getTime(), rs.getLong(6), score.intValue()));
          }
        }, start, end, SATISFACTION_SCORE.name());
    long scoresRead = System.nanoTime();

    String[] procedures = Arrays.stream(CustomerProcedure.values()).map(CustomerProcedure::elementId).toArray(String[]::new);
    Object[] arguments = new Object[2 + procedures.length];
    arguments[0] = start;
    arguments[1] = end;
    System.arraycopy(procedures, 0, arguments, 2, procedures.length);
    jdbc.query("SELECT i.PROC_INST_ID_, COUNT(*) "
        + periodCasesWith("ACT_HI_ACTINST i") + " AND i.ACT_ID_ IN (" + String.join(", ", Collections.nCopies(procedures.length, "?")) + ") "
        + "AND i.END_TIME_ IS NOT NULL AND i.ACT_INST_STATE_ <> 2 " // 2: canceled, the customer did not do it
        + "GROUP BY i.PROC_INST_ID_", rs -> {
          cases.get(rs.getString(1)).procedures = rs.getInt(2);
        }, arguments);
    long proceduresRead = System.nanoTime();
    LOG.debug("Read {} cases: stages {} ms, fee variables {} ms, callback scores {} ms, procedures {} ms", cases.size(),
        millis(began, stagesRead), millis(stagesRead, variablesRead), millis(variablesRead, scoresRead),
        millis(scoresRead, proceduresRead));

    return cases.values().stream().map(Draft::facts)
        .sorted(Comparator.comparing(CaseFacts::waterOnAt).thenComparing(CaseFacts::applicationNumber)).toList();
  }

  /** How many cases ended in [from, to) other than with water on, by outcome. */
  Map<Outcome, Integer> closedWithoutConnection(Instant from, Instant to) {
    Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
    jdbc.query("SELECT outcome, COUNT(*) FROM application WHERE finished_at >= ? AND finished_at < ? "
        + "AND outcome <> ? GROUP BY outcome", rs -> {
          counts.put(Outcome.valueOf(rs.getString(1)), rs.getInt(2));
        }, from.atOffset(ZoneOffset.UTC), to.atOffset(ZoneOffset.UTC), Outcome.WATER_CONNECTED.name());
    return counts;
  }

  /**
   * FROM and WHERE of a query over the period's cases (water on, i.e. entry into WATER_ON, at or after
   * the first parameter and before the second) joined to one of the engine's history tables, given
   * with its alias, by process instance.
   */
  private String periodCasesWith(String historyTableAndAlias) {
    String alias = historyTableAndAlias.substring(historyTableAndAlias.indexOf(' ') + 1);
    return "FROM application_stage w JOIN application a ON a.application_number = w.application_number "
        + "JOIN " + prefix + historyTableAndAlias + " ON " + alias + ".PROC_INST_ID_ = a.process_instance_id "
        + "WHERE w.stage = 'WATER_ON' AND w.entered_at >= ? AND w.entered_at < ?";
  }

  private static long millis(long from, long to) {
    return (to - from) / 1_000_000;
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  /** A number variable as the engine stored it: doubles in DOUBLE_, whole numbers and booleans in LONG_. */
  private static Double number(ResultSet rs, String type, int doubleColumn, int longColumn) throws SQLException {
    if ("double".equals(type)) {
      double value = rs.getDouble(doubleColumn);
      return rs.wasNull() ? null : value;
    }
    long value = rs.getLong(longColumn);
    return rs.wasNull() ? null : (double) value;
  }

  private record Score(long time, long sequence, int value) {
  }

  private static final class Draft {
    final String applicationNumber;
    final String processInstanceId;
    final Instant receivedAt;
    final List<Span> stages = new ArrayList<>(10);
    final List<Score> scores = new ArrayList<>(2);
    Instant waterOnAt;
    Double customerFee;
    Boolean feeWaived;
    int procedures;

    Draft(String applicationNumber, String processInstanceId, Instant receivedAt) {
      this.applicationNumber = applicationNumber;
      this.processInstanceId = processInstanceId;
      this.receivedAt = receivedAt;
    }

    CaseFacts facts() {
      stages.sort(Comparator.comparing(Span::entered));
      List<Integer> satisfaction = scores.stream()
          .sorted(Comparator.comparingLong(Score::time).thenComparingLong(Score::sequence))
          .map(Score::value).collect(Collectors.toList());
      return new CaseFacts(applicationNumber, processInstanceId, receivedAt, waterOnAt, List.copyOf(stages), customerFee,
          feeWaived, List.copyOf(satisfaction), procedures);
    }
  }
}
