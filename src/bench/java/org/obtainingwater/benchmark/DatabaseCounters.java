package org.obtainingwater.benchmark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What PostgreSQL itself counts, read over a connection of the benchmark's own: transactions that
 * wrote (transaction ids assigned, exact and immediate), commits of any kind ({@code pg_stat_database},
 * read-only transactions included), the rows and bytes of the engine's and the application's tables,
 * and the time spent per kind of SQL statement ({@code pg_stat_statements}).
 */
final class DatabaseCounters implements AutoCloseable {

  /** The engine's tables and the application's own (Flyway's history and the benchmark's table left out). */
  static final String COUNTED_TABLES = "(relname ILIKE 'act\\_%' OR relname IN ('application', 'application_stage', "
      + "'notification_outbox', 'permit_filing'))";

  record Snapshot(long nextTransactionId, long commits, long rollbacks, Map<String, long[]> tables) {

    long rows() {
      return tables.values().stream().mapToLong(table -> table[0]).sum();
    }

    long bytes() {
      return tables.values().stream().mapToLong(table -> table[1]).sum();
    }
  }

  /** Calls and execution time of one kind of statement, e.g. {@code INSERT ACT_HI_ACTINST}. */
  record StatementKind(String kind, long calls, double millis, long rows) {
  }

  private final Connection connection;

  DatabaseCounters(String jdbcUrl) throws SQLException {
    this.connection = DriverManager.getConnection(jdbcUrl);
    this.connection.setAutoCommit(true);
  }

  String version() throws SQLException {
    return single("SHOW server_version") + ", fsync=" + single("SHOW fsync") + ", synchronous_commit="
        + single("SHOW synchronous_commit")
        + ", shared_buffers=" + single("SHOW shared_buffers");
  }

  Snapshot snapshot() throws SQLException {
    // Statistics of other backends reach pg_stat_database up to a second late (PostgreSQL 15+);
    // the caller has the pool's backends report first (Quiet.flushStatistics).
    try (Statement statement = connection.createStatement()) {
      statement.execute("SELECT pg_stat_clear_snapshot()");
      long next;
      try (ResultSet rs = statement.executeQuery("SELECT pg_snapshot_xmax(pg_current_snapshot())::text::bigint")) {
        rs.next();
        next = rs.getLong(1);
      }
      long commits;
      long rollbacks;
      try (ResultSet rs = statement.executeQuery(
          "SELECT xact_commit, xact_rollback FROM pg_stat_database WHERE datname = current_database()")) {
        rs.next();
        commits = rs.getLong(1);
        rollbacks = rs.getLong(2);
      }
      List<String> names = new ArrayList<>();
      try (ResultSet rs = statement.executeQuery("SELECT relname FROM pg_stat_user_tables WHERE " + COUNTED_TABLES
          + " ORDER BY relname")) {
        while (rs.next()) {
          names.add(rs.getString(1));
        }
      }
      Map<String, long[]> tables = new TreeMap<>();
      for (String name : names) {
        try (ResultSet rs = statement.executeQuery("SELECT count(*), pg_total_relation_size('" + name + "') FROM " + name)) {
          rs.next();
          tables.put(name.toUpperCase(Locale.ROOT), new long[] {rs.getLong(1), rs.getLong(2)});
        }
      }
      return new Snapshot(next, commits, rollbacks, tables);
    }
  }

  void resetStatements() throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("SELECT pg_stat_statements_reset()");
    }
  }

  private static final Pattern TABLE = Pattern.compile(
      "^\\s*(insert\\s+into|update|delete\\s+from|select\\b.*?\\bfrom)\\s+([a-z_0-9.]+)", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

  /** Statements since the last reset, grouped by verb and first table, most time first. */
  List<StatementKind> statements() throws SQLException {
    Map<String, double[]> kinds = new LinkedHashMap<>();
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT query, calls, total_exec_time, rows FROM pg_stat_statements "
            + "WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())")) {
      while (rs.next()) {
        String kind = kind(rs.getString(1));
        double[] sums = kinds.computeIfAbsent(kind, k -> new double[3]);
        sums[0] += rs.getLong(2);
        sums[1] += rs.getDouble(3);
        sums[2] += rs.getLong(4);
      }
    }
    return kinds.entrySet().stream()
        .map(entry -> new StatementKind(entry.getKey(), (long) entry.getValue()[0], entry.getValue()[1], (long) entry.getValue()[2]))
        .sorted(java.util.Comparator.comparingDouble(StatementKind::millis).reversed())
        .toList();
  }

  static String kind(String query) {
    String trimmed = query.strip();
    Matcher matcher = TABLE.matcher(trimmed);
    if (matcher.find()) {
      String verb = matcher.group(1).toUpperCase(Locale.ROOT).split("\\s+")[0];
      return verb + " " + matcher.group(2).toUpperCase(Locale.ROOT);
    }
    String first = trimmed.split("\\s+", 2)[0].toUpperCase(Locale.ROOT);
    return first.length() > 40 ? first.substring(0, 40) : first;
  }

  private String single(String sql) throws SQLException {
    try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
