package org.obtainingwater.scorecard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.ConnectionCallback;
import org.obtainingwater.contract.SupplyContracts;
import org.obtainingwater.payment.Payments;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * How long the scorecard takes over 10,000 finished cases whose water came on in one month (the
 * budget is one second). Eight template cases run through the real engine (fast path, a weekend
 * wait, a slow intake with a fee and a dissatisfied customer, both permits, a rejected and resubmitted
 * permit, external works without permits, a callback still open; {@link SeptemberCases}); {@link HistoryCopier}
 * then writes 10,000 copies of their case records and history rows with new ids, each shifted by a
 * random offset within September 2025. Prints the figures recorded
 * in docs/benchmarks.md. Run: {@code mvn -B test -Pbenchmark -Dsurefire.excludedGroups= -Dgroups=benchmark -Dtest='Scorecard*Benchmark'}.
 */
@Tag("benchmark")
abstract class ScorecardBenchmarkContract {

  static final int CASES = 10_000;
  static final int RUNS = 7;

  @Autowired
  ProcessEngine engine;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  Payments payments;
  @Autowired
  SupplyContracts contracts;
  @Autowired
  ScorecardService scorecards;
  @Autowired
  ScorecardHistory history;
  @Autowired
  org.obtainingwater.sla.WorkingCalendar calendar;
  @Autowired
  org.obtainingwater.sla.StageTargets targets;
  @Autowired
  ObjectMapper json;

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  abstract String database();

  @Test
  void scorecardOverTenThousandFinishedCases() throws Exception {
    long began = System.nanoTime();
    SeptemberCases september2025 = new SeptemberCases(engine, jdbc, payments, contracts);
    List<HistoryCopier.Template> templates = september2025.templates();
    long templatesRun = System.nanoTime();
    long rows = september2025.copies(templates, CASES);
    long copied = System.nanoTime();
    analyze();

    ScorecardPeriod september = scorecards.period("2025-09-01", "2025-09-30");
    List<Long> total = new ArrayList<>();
    List<Long> read = new ArrayList<>();
    List<Long> scoring = new ArrayList<>();
    List<Long> serialised = new ArrayList<>();
    List<Long> page = new ArrayList<>();
    Scorecard card = null;
    for (int run = 0; run < RUNS; run++) {
      long t0 = System.nanoTime();
      card = scorecards.scorecard(september, null);
      long t1 = System.nanoTime();
      byte[] body = json.writeValueAsBytes(card);
      long t2 = System.nanoTime();
      List<CaseFacts> facts = history.connectedCases(september.start(), september.end());
      long t3 = System.nanoTime();
      Scoring score = new Scoring(calendar, targets);
      facts.parallelStream().forEach(score::score); // as the service does
      long t4 = System.nanoTime();
      scorecards.cases(september, 0, 50);
      long t5 = System.nanoTime();
      total.add(t1 - t0);
      serialised.add(t2 - t1);
      read.add(t3 - t2);
      scoring.add(t4 - t3);
      page.add(t5 - t4);
      assertThat(body.length).isPositive();
    }
    assertThat(card.connectedCases()).isEqualTo(CASES + templates.size());

    System.out.printf("%n=== Scorecard benchmark on %s ===%n", database());
    System.out.printf("templates: %d real cases through the engine in %d ms; copies: %d cases, %d rows in %d ms%n",
        templates.size(), ms(templatesRun - began), CASES, rows, ms(copied - templatesRun));
    System.out.printf("load average while measuring: %.1f on %d cores%n",
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
        Runtime.getRuntime().availableProcessors());
    System.out.printf("GET /api/scorecard (service, %d cases): first %d ms, median of the rest %d ms, max %d ms%n",
        card.connectedCases(), ms(total.get(0)), median(total.subList(1, RUNS)), ms(max(total.subList(1, RUNS))));
    System.out.printf("  of which reading (4 queries + mapping): median %d ms; scoring in Java: median %d ms%n",
        median(read.subList(1, RUNS)), median(scoring.subList(1, RUNS)));
    System.out.printf("  JSON of the scorecard: median %d ms; GET /api/scorecard/cases page of 50: median %d ms%n",
        median(serialised.subList(1, RUNS)), median(page.subList(1, RUNS)));
    System.out.printf("figures: working days median %.2f p90 %.2f; within case target %.1f%%; satisfaction %.2f%n%n",
        card.workingDays().median(), card.workingDays().p90(), 100 * card.withinCaseTarget().all().share(),
        card.satisfaction().mean());
  }

  /**
   * Up-to-date planner statistics, as a production database keeps them: autovacuum analyses tables this size
   * within a minute, the benchmark does not wait. H2 keeps none.
   */
  void analyze() {
    String database = jdbc.execute((ConnectionCallback<String>) connection -> connection.getMetaData().getDatabaseProductName());
    if ("PostgreSQL".equals(database)) {
      jdbc.execute("ANALYZE");
    }
  }

  private static long ms(long nanos) {
    return nanos / 1_000_000;
  }

  private static long median(List<Long> nanos) {
    List<Long> sorted = nanos.stream().sorted().toList();
    return ms(sorted.get(sorted.size() / 2));
  }

  private static long max(List<Long> nanos) {
    return nanos.stream().mapToLong(Long::longValue).max().orElse(0);
  }
}
