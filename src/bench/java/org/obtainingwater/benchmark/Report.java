package org.obtainingwater.benchmark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import org.obtainingwater.benchmark.EngineThroughputBenchmark.Cell;
import org.obtainingwater.benchmark.EngineThroughputBenchmark.Commits;
import org.obtainingwater.benchmark.EngineThroughputBenchmark.Memory;
import org.obtainingwater.benchmark.EngineThroughputBenchmark.Profile;

/** The benchmark's result as a markdown snippet for docs/benchmarks.md: median (min–max) of the repetitions. */
final class Report {

  static final String CEILING = EngineThroughputBenchmark.CEILING;
  static final String BARE = EngineThroughputBenchmark.BARE;
  static final String JAVA = EngineThroughputBenchmark.JAVA;
  static final String REST = EngineThroughputBenchmark.REST;

  private final List<Cell> cells;
  private final List<Profile> profiles;
  private final Memory memory;
  private final Commits commits;
  private final String machine;
  private final String loadBefore;
  private final String loadAfter;
  private final int bareInstances;
  private final int realCases;
  private final int repetitions;

  Report(List<Cell> cells, List<Profile> profiles, Memory memory, Commits commits, String machine, String loadBefore, String loadAfter,
      int bareInstances, int realCases, int repetitions) {
    this.cells = cells;
    this.profiles = profiles;
    this.memory = memory;
    this.commits = commits;
    this.machine = machine;
    this.loadBefore = loadBefore;
    this.loadAfter = loadAfter;
    this.bareInstances = bareInstances;
    this.realCases = realCases;
    this.repetitions = repetitions;
  }

  String markdown() {
    StringBuilder out = new StringBuilder();
    line(out, "Machine: %s. Load average (1, 5, 15 min) before: %s; after: %s.", machine, loadBefore, loadAfter);
    line(out, "Sizes per cell: %d bare instances, %d obtainingWater cases; %d repetitions, interleaved; "
        + "the ceiling runs %d s per cell. Median (min–max) of the repetitions.", bareInstances, realCases, repetitions,
        EngineThroughputBenchmark.CEILING_MILLIS / 1000);
    line(out, "");
    line(out, "| scenario | c | cases/s | write tx/s | write tx/case | engine tx/case | call p50 ms | call p99 ms | case p50 ms "
        + "| case p99 ms | rows/case | KB/case |");
    line(out, "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
    for (String scenario : List.of(CEILING, BARE, JAVA, REST)) {
      for (int c : EngineThroughputBenchmark.CONCURRENCY) {
        List<Cell> of = of(scenario, c);
        if (of.isEmpty()) {
          continue;
        }
        boolean ceiling = scenario.equals(CEILING);
        line(out, "| %s | %d | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |", scenario, c,
            ceiling ? "–" : spread(of, Cell::casesPerSecond, 1),
            spread(of, Cell::transactionsPerSecond, 0),
            ceiling ? "1" : spread(of, cell -> (double) cell.writeTransactions() / cell.cases(), 1),
            ceiling ? "–" : spread(of, cell -> (double) cell.engineTransactions() / cell.cases(), 1),
            spread(of, cell -> cell.latencies().callMillis(0.5), 1),
            spread(of, cell -> cell.latencies().callMillis(0.99), 1),
            ceiling ? "–" : spread(of, cell -> cell.latencies().caseMillis(0.5), 0),
            ceiling ? "–" : spread(of, cell -> cell.latencies().caseMillis(0.99), 0),
            ceiling ? "–" : spread(of, cell -> (double) cell.rows() / cell.cases(), 0),
            ceiling ? "–" : spread(of, cell -> cell.bytes() / 1024.0 / cell.cases(), 1));
      }
    }
    line(out, "");
    line(out, "Write tx = database commits that wrote (PostgreSQL transaction ids assigned: the engine's, the job executor's, "
        + "the outbox dispatcher's, the application's own); engine tx = the engine's own count of its transactions (top-level "
        + "commands: starts, completions, queries, job acquisitions and executions). A call is a state-changing call of the "
        + "client (start or file, complete or submit); the reads while a client waits for the next task are not in it "
        + "(p99 of those reads at c=8: %s).", readP99());
    line(out, "");
    line(out, "Whole measured run as PostgreSQL counted it (`pg_stat_database`, read after 11 quiet seconds): %,d commits, "
        + "%,d rollbacks; %,d of the commits wrote (%,d of them the ceiling's inserts); the engine counted %,d transactions "
        + "of its own (read-only queries included).", commits.commits(), commits.rollbacks(), commits.writeTransactions(),
        commits.ceilingInserts(), commits.engineTransactions());
    line(out, "");
    line(out, "**Ratios** (per repetition against the same repetition's ceiling and bare engine, then median (min–max)):");
    line(out, "");
    line(out, "| c | bare tx/s ÷ ceiling | Java API tx/s ÷ ceiling | REST tx/s ÷ ceiling | Java API tx/s ÷ bare | "
        + "REST tx/s ÷ bare | cost per tx, Java API ÷ bare | cost per tx, REST ÷ bare |");
    line(out, "|--:|--:|--:|--:|--:|--:|--:|--:|");
    for (int c : EngineThroughputBenchmark.CONCURRENCY) {
      line(out, "| %d | %s | %s | %s | %s | %s | %s | %s |", c, ratio(BARE, CEILING, c, 3), ratio(JAVA, CEILING, c, 3),
          ratio(REST, CEILING, c, 3), ratio(JAVA, BARE, c, 2), ratio(REST, BARE, c, 2), ratio(BARE, JAVA, c, 2),
          ratio(BARE, REST, c, 2));
    }
    line(out, "");
    line(out, "**Targets** (issue 6), checked, not asserted:");
    line(out, "");
    line(out, "| target | measured (median) | met |");
    line(out, "|---|--:|---|");
    double bareShare = median(ratios(BARE, CEILING, 8));
    target(out, "bare engine tx/s at c=8 ≥ 0.10 × commit ceiling", format(bareShare, 3), bareShare >= 0.10);
    double javaShare = median(ratios(JAVA, BARE, 8));
    double restShare = median(ratios(REST, BARE, 8));
    target(out, "real process ≥ 0.6 × bare engine's rate per transaction (c=8, Java API)", format(javaShare, 2), javaShare >= 0.6);
    target(out, "real process ≥ 0.6 × bare engine's rate per transaction (c=8, REST)", format(restShare, 2), restShare >= 0.6);
    double restP99 = median(of(REST, 8).stream().mapToDouble(cell -> cell.latencies().callMillis(0.99)).toArray());
    double javaP99 = median(of(JAVA, 8).stream().mapToDouble(cell -> cell.latencies().callMillis(0.99)).toArray());
    target(out, "p99 per API call at c=8 ≤ 25 ms (customer API + engine-rest)", format(restP99, 1) + " ms", restP99 <= 25);
    target(out, "p99 per API call at c=8 ≤ 25 ms (Java API)", format(javaP99, 1) + " ms", javaP99 <= 25);
    target(out, "serves this load with -Xmx384m", String.format(Locale.ROOT, "max heap %d MB, peak used %d MB",
        memory.maxHeap() >> 20, memory.peakHeapUsed() >> 20), memory.maxHeap() <= 400L << 20);
    target(out, "starts in under 10 s (Spring context, fresh schema)", memory.startMillis() + " ms", memory.startMillis() < 10_000);
    line(out, "");
    line(out, "Heap: max %d MB, peak used %d MB (sampled every 100 ms; the load driver shares the JVM), live after a full GC "
            + "at the end %d MB; %d collections, %d ms in GC (%.1f %% of the run's %d s).", memory.maxHeap() >> 20,
        memory.peakHeapUsed() >> 20, memory.liveHeapAtEnd() >> 20, memory.gcCount(), memory.gcMillis(),
        100.0 * memory.gcMillis() / memory.runMillis(), memory.runMillis() / 1000);
    for (Profile profile : profiles) {
      line(out, "");
      line(out, "**Profile: %s at c=8** (last repetition, %d cases; engine commands by the engine's own count, each with "
          + "its commit; SQL by pg_stat_statements, execution time inside PostgreSQL):", profile.scenario(), profile.cases());
      line(out, "");
      line(out, "| engine command | per case | ms per case | ms each |");
      line(out, "|---|--:|--:|--:|");
      profile.commands().stream().limit(10).forEach(entry -> line(out, "| %s | %.1f | %.1f | %.2f |", entry.command(),
          (double) entry.count() / profile.cases(), entry.nanos() / 1e6 / profile.cases(), entry.nanos() / 1e6 / entry.count()));
      line(out, "");
      double totalSql = profile.statements().stream().mapToDouble(DatabaseCounters.StatementKind::millis).sum();
      line(out, "| SQL (verb, first table) | per case | ms per case | share of SQL time |");
      line(out, "|---|--:|--:|--:|");
      profile.statements().stream().limit(12).forEach(kind -> line(out, "| `%s` | %.1f | %.2f | %.0f %% |", kind.kind(),
          (double) kind.calls() / profile.cases(), kind.millis() / profile.cases(), 100 * kind.millis() / totalSql));
      long statements = profile.statements().stream().mapToLong(DatabaseCounters.StatementKind::calls).sum();
      line(out, "| all %d kinds | %.1f | %.2f | 100 %% |", profile.statements().size(), (double) statements / profile.cases(),
          totalSql / profile.cases());
      line(out, "");
      line(out, "Where the working threads were (%,d stack samples every 20 ms of the RUNNABLE client, job executor, web and "
          + "dispatcher threads; innermost layer named on the stack):", profile.samples());
      line(out, "");
      line(out, "| layer | share of samples |");
      line(out, "|---|--:|");
      profile.layers().forEach(layer -> line(out, "| %s | %.0f %% |", layer.getKey(), 100.0 * layer.getValue() / profile.samples()));
      line(out, "");
      line(out, "| step (inclusive: on the stack) | share of samples |");
      line(out, "|---|--:|");
      profile.steps().forEach(step -> line(out, "| `%s` | %.0f %% |", step.getKey(), 100.0 * step.getValue() / profile.samples()));
    }
    return out.toString();
  }

  /** Rows and kilobytes per case of each table that changed. */
  static List<String> tableDeltas(DatabaseCounters.Snapshot before, DatabaseCounters.Snapshot after, int cases) {
    List<String> lines = new ArrayList<>();
    for (Map.Entry<String, long[]> table : after.tables().entrySet()) {
      long[] was = before.tables().getOrDefault(table.getKey(), new long[2]);
      long rows = table.getValue()[0] - was[0];
      long bytes = table.getValue()[1] - was[1];
      if (rows != 0 || bytes != 0) {
        lines.add(String.format(Locale.ROOT, "%-28s %7.1f rows/case %8.1f KB/case", table.getKey(), (double) rows / cases,
            bytes / 1024.0 / cases));
      }
    }
    return lines;
  }

  private String readP99() {
    List<String> parts = new ArrayList<>();
    for (String scenario : List.of(BARE, JAVA, REST)) {
      parts.add(scenario + " " + spread(of(scenario, 8), cell -> cell.latencies().readMillis(0.99), 1) + " ms");
    }
    return String.join("; ", parts);
  }

  private List<Cell> of(String scenario, int concurrency) {
    return cells.stream().filter(cell -> cell.scenario().equals(scenario) && cell.concurrency() == concurrency).toList();
  }

  /** tx/s of {@code scenario} ÷ tx/s of {@code base}, per repetition. */
  private double[] ratios(String scenario, String base, int concurrency) {
    List<Double> ratios = new ArrayList<>();
    for (Cell cell : of(scenario, concurrency)) {
      of(base, concurrency).stream().filter(other -> other.repetition() == cell.repetition()).findFirst()
          .ifPresent(other -> ratios.add(cell.transactionsPerSecond() / other.transactionsPerSecond()));
    }
    return ratios.stream().mapToDouble(Double::doubleValue).toArray();
  }

  private String ratio(String scenario, String base, int concurrency, int decimals) {
    return spread(ratios(scenario, base, concurrency), decimals);
  }

  private static String spread(List<Cell> cells, ToDoubleFunction<Cell> value, int decimals) {
    return spread(cells.stream().mapToDouble(value).toArray(), decimals);
  }

  private static String spread(double[] values, int decimals) {
    if (values.length == 0) {
      return "–";
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    if (sorted.length == 1) {
      return format(sorted[0], decimals);
    }
    return format(median(sorted), decimals) + " (" + format(sorted[0], decimals) + "–" + format(sorted[sorted.length - 1], decimals) + ")";
  }

  static double median(double[] values) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }

  private static String format(double value, int decimals) {
    return String.format(Locale.ROOT, "%,." + decimals + "f", value);
  }

  private static void target(StringBuilder out, String target, String measured, boolean met) {
    line(out, "| %s | %s | %s |", target, measured, met ? "yes" : "**no**");
  }

  private static void line(StringBuilder out, String format, Object... args) {
    out.append(String.format(Locale.ROOT, format, args)).append('\n');
  }
}
