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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.obtainingwater.cases.Outcome;
import org.obtainingwater.cases.Stage;
import org.obtainingwater.scorecard.CaseFacts.Span;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

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
class ScorecardHistory implements DisposableBean {

  private static final Logger LOG = LoggerFactory.getLogger(ScorecardHistory.class);


  private final JdbcTemplate jdbc;
  private final String prefix;
  private final TransactionTemplate readOnly;
  /** The three history reads that run beside the stage read; requests beyond that wait their turn. */
  private final ExecutorService readers = Executors.newFixedThreadPool(3, readerThreads());

  ScorecardHistory(JdbcTemplate jdbc, ProcessEngine engine, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.prefix = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDatabaseTablePrefix();
    this.readOnly = new TransactionTemplate(transactions);
    this.readOnly.setReadOnly(true);
    this.readOnly.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
  }

  /**
   * The cases whose water came on in [from, to), with their facts, in order of water on. The four
   * queries run at the same time on their own connections, each in a read-only transaction: reading is
   * what a scorecard costs, and the database works on them in parallel. A case whose water comes on
   * while they run is not among the period's cases of the stage read; what the other reads find of it
   * is left out, so the figures are those of the moment the stage read began, give or take a callback
   * recorded during the reads (docs/adr/0012-scorecard-from-history.md).
   */
  List<CaseFacts> connectedCases(Instant from, Instant to) {
    OffsetDateTime start = from.atOffset(ZoneOffset.UTC);
    OffsetDateTime end = to.atOffset(ZoneOffset.UTC);
    long began = System.nanoTime();
    Future<Timed<Map<String, Fee>>> fees = readers.submit(() -> timed(() -> fees(start, end)));
    Future<Timed<Map<String, List<Score>>>> scores = readers.submit(() -> timed(() -> scores(start, end)));
    Future<Timed<Map<String, Integer>>> procedures = readers.submit(() -> timed(() -> procedures(start, end)));
    Timed<Map<String, Draft>> stages = timed(() -> stages(start, end));
    Map<String, Draft> cases = stages.value();
    Timed<Map<String, Fee>> feesRead = result(fees);
    Timed<Map<String, List<Score>>> scoresRead = result(scores);
    Timed<Map<String, Integer>> proceduresRead = result(procedures);
    cases.values().forEach(draft -> {
      Fee fee = feesRead.value().getOrDefault(draft.processInstanceId, Fee.NONE);
      draft.customerFee = fee.customerFee();
      draft.feeWaived = fee.waived();
      draft.scores.addAll(scoresRead.value().getOrDefault(draft.processInstanceId, List.of()));
      draft.procedures = proceduresRead.value().getOrDefault(draft.processInstanceId, 0);
    });
    LOG.debug("Read {} cases in {} ms, at the same time: stages {} ms, fee variables {} ms, callback scores {} ms, "
        + "procedures {} ms", cases.size(), millis(began, System.nanoTime()), stages.millis(), feesRead.millis(),
        scoresRead.millis(), proceduresRead.millis());

    return cases.values().stream().map(Draft::facts)
        .sorted(Comparator.comparing(CaseFacts::waterOnAt).thenComparing(CaseFacts::applicationNumber)).toList();
  }

  /** The period's cases from the case table, with every stage they went through and the customer's online rating. */
  private Map<String, Draft> stages(OffsetDateTime start, OffsetDateTime end) {
    Map<String, Draft> cases = new HashMap<>();
    jdbc.query("SELECT a.application_number, a.process_instance_id, a.received_at, s.stage, s.entered_at, s.left_at, r.score "
        + "FROM application_stage w JOIN application a ON a.application_number = w.application_number "
        + "JOIN application_stage s ON s.application_number = w.application_number "
        + "LEFT JOIN service_rating r ON r.application_number = w.application_number "
        + "WHERE w.stage = 'WATER_ON' AND w.entered_at >= ? AND w.entered_at < ?", rs -> {
          Draft draft = cases.get(rs.getString(2));
          if (draft == null) {
            draft = new Draft(rs.getString(1), rs.getString(2), instant(rs, 3));
            int rating = rs.getInt(7);
            draft.onlineRating = rs.wasNull() ? null : rating;
            cases.put(draft.processInstanceId, draft);
          }
          Span span = new Span(Stage.valueOf(rs.getString(4)), instant(rs, 5), instant(rs, 6));
          draft.stages.add(span);
          if (span.stage() == Stage.WATER_ON) {
            draft.waterOnAt = span.entered();
          }
        }, start, end);
    // the customer's own time per stage (docs/adr/0042): few rows, only cases that booked a later visit or paused
    Map<String, Draft> byNumber = new HashMap<>();
    cases.values().forEach(draft -> byNumber.put(draft.applicationNumber, draft));
    jdbc.query("SELECT c.application_number, c.stage, SUM(c.working_minutes) FROM customer_time c "
        + "JOIN application_stage w ON w.application_number = c.application_number "
        + "WHERE w.stage = 'WATER_ON' AND w.entered_at >= ? AND w.entered_at < ? "
        + "GROUP BY c.application_number, c.stage", rs -> {
          Draft draft = byNumber.get(rs.getString(1));
          if (draft != null) {
            draft.customerMinutes.put(Stage.valueOf(rs.getString(2)), rs.getInt(3));
          }
        }, start, end);
    // the quote and what was paid for it (docs/adr/0043): only cases whose fee decision charged something
    jdbc.query("SELECT q.application_number, q.amount, (SELECT SUM(p.paid_amount) FROM payment_order p "
        + "WHERE p.application_number = q.application_number AND p.paid_at IS NOT NULL) FROM quote q "
        + "JOIN application_stage w ON w.application_number = q.application_number "
        + "WHERE w.stage = 'WATER_ON' AND w.entered_at >= ? AND w.entered_at < ?", rs -> {
          Draft draft = byNumber.get(rs.getString(1));
          if (draft != null) {
            draft.quotedFee = rs.getBigDecimal(2).doubleValue();
            java.math.BigDecimal paid = rs.getBigDecimal(3);
            draft.paidFee = paid == null ? null : paid.doubleValue();
          }
        }, start, end);
    return cases;
  }

  /** The fee and whether it was waived, process-level values, by process instance. */
  private Map<String, Fee> fees(OffsetDateTime start, OffsetDateTime end) {
    Map<String, Fee> fees = new HashMap<>();
    jdbc.query("SELECT v.PROC_INST_ID_, v.NAME_, v.VAR_TYPE_, v.DOUBLE_, v.LONG_ " + periodCasesWith("ACT_HI_VARINST v")
        + " AND v.NAME_ IN (?, ?) AND v.EXECUTION_ID_ = v.PROC_INST_ID_", rs -> { // process-level values only
          Fee fee = fees.getOrDefault(rs.getString(1), Fee.NONE);
          Double value = number(rs, rs.getString(3), 4, 5);
          if (CUSTOMER_FEE.name().equals(rs.getString(2))) {
            fee = new Fee(value, fee.waived());
          } else if (value != null) {
            fee = new Fee(fee.customerFee(), value != 0);
          }
          fees.put(rs.getString(1), fee);
        }, start, end, CUSTOMER_FEE.name(), FEE_WAIVED.name());
    return fees;
  }

  /** Every satisfaction score recorded, each update of the variable, by process instance. */
  private Map<String, List<Score>> scores(OffsetDateTime start, OffsetDateTime end) {
    Map<String, List<Score>> scores = new HashMap<>();
    jdbc.query("SELECT d.PROC_INST_ID_, d.VAR_TYPE_, d.DOUBLE_, d.LONG_, d.TIME_, d.SEQUENCE_COUNTER_ "
        + periodCasesWith("ACT_HI_DETAIL d") + " AND d.NAME_ = ? AND d.TYPE_ = 'VariableUpdate'", rs -> {
          Double score = number(rs, rs.getString(2), 3, 4);
          if (score != null) {
            Timestamp time = rs.getTimestamp(5);
            scores.computeIfAbsent(rs.getString(1), id -> new ArrayList<>(2))
                .add(new Score(time.getTime(), rs.getLong(6), score.intValue()));
          }
        }, start, end, SATISFACTION_SCORE.name());
    return scores;
  }

  /** How many customer procedures each case completed. */
  private Map<String, Integer> procedures(OffsetDateTime start, OffsetDateTime end) {
    String[] procedures = Arrays.stream(CustomerProcedure.values()).map(CustomerProcedure::elementId).toArray(String[]::new);
    Object[] arguments = new Object[2 + procedures.length];
    arguments[0] = start;
    arguments[1] = end;
    System.arraycopy(procedures, 0, arguments, 2, procedures.length);
    Map<String, Integer> counts = new HashMap<>();
    jdbc.query("SELECT i.PROC_INST_ID_, COUNT(*) "
        + periodCasesWith("ACT_HI_ACTINST i") + " AND i.ACT_ID_ IN (" + String.join(", ", Collections.nCopies(procedures.length, "?")) + ") "
        + "AND i.END_TIME_ IS NOT NULL AND i.ACT_INST_STATE_ <> 2 " // 2: canceled, the customer did not do it
        + "GROUP BY i.PROC_INST_ID_", rs -> {
          counts.put(rs.getString(1), rs.getInt(2));
        }, arguments);
    return counts;
  }

  /** Runs a read in its own read-only transaction and says how long it took. */
  private <T> Timed<T> timed(Supplier<T> read) {
    long began = System.nanoTime();
    T value = readOnly.execute(status -> read.get());
    return new Timed<>(value, millis(began, System.nanoTime()));
  }

  private static CustomizableThreadFactory readerThreads() {
    CustomizableThreadFactory threads = new CustomizableThreadFactory("scorecard-read-");
    threads.setDaemon(true);
    return threads;
  }

  private static <T> T result(Future<T> read) {
    try {
      return read.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while reading the scorecard", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  @Override
  public void destroy() {
    readers.shutdownNow();
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

  private record Fee(Double customerFee, Boolean waived) {
    static final Fee NONE = new Fee(null, null);
  }

  private record Timed<T>(T value, long millis) {
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
    Integer onlineRating;
    Double quotedFee;
    Double paidFee;
    final java.util.Map<Stage, Integer> customerMinutes = new java.util.EnumMap<>(Stage.class);

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
          feeWaived, List.copyOf(satisfaction), procedures, onlineRating, java.util.Map.copyOf(customerMinutes),
          quotedFee, paidFee);
    }
  }
}
