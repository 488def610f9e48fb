package org.obtainingwater.benchmark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The database's own ceiling: single-row INSERT + COMMIT transactions per second over plain JDBC,
 * each thread on its own connection (autocommit: every insert is its own transaction), into a small
 * table of its own. Nothing an application could do per transaction costs less.
 */
final class CommitCeiling {

  private final String jdbcUrl;

  CommitCeiling(String jdbcUrl) throws SQLException {
    this.jdbcUrl = jdbcUrl;
    try (Connection connection = DriverManager.getConnection(jdbcUrl); Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE IF NOT EXISTS benchmark_commit (id BIGSERIAL PRIMARY KEY, "
          + "payload VARCHAR(64) NOT NULL, created_at TIMESTAMPTZ NOT NULL DEFAULT now())");
    }
  }

  /** Runs {@code threads} connections for {@code millis}; returns commits and per-commit latencies. */
  long measure(int threads, long millis, Latencies latencies) throws Exception {
    try (Connection connection = DriverManager.getConnection(jdbcUrl); Statement statement = connection.createStatement()) {
      statement.execute("TRUNCATE benchmark_commit");
    }
    AtomicLong commits = new AtomicLong();
    CountDownLatch ready = new CountDownLatch(threads);
    CountDownLatch go = new CountDownLatch(1);
    List<Thread> workers = new ArrayList<>();
    List<Exception> failures = java.util.Collections.synchronizedList(new ArrayList<>());
    long[] window = new long[1];
    for (int t = 0; t < threads; t++) {
      int thread = t;
      Thread worker = new Thread(() -> {
        try (Connection connection = DriverManager.getConnection(jdbcUrl);
            PreparedStatement insert = connection.prepareStatement("INSERT INTO benchmark_commit (payload) VALUES (?)")) {
          connection.setAutoCommit(true);
          ready.countDown();
          go.await();
          long n = 0;
          while (System.nanoTime() < window[0]) {
            insert.setString(1, "thread " + thread + " row " + n++);
            long began = System.nanoTime();
            insert.executeUpdate();
            latencies.commit(System.nanoTime() - began);
            commits.incrementAndGet();
          }
        } catch (Exception e) {
          failures.add(e);
          ready.countDown();
        }
      }, "commit-ceiling-" + t);
      workers.add(worker);
      worker.start();
    }
    ready.await();
    window[0] = System.nanoTime() + millis * 1_000_000;
    go.countDown();
    for (Thread worker : workers) {
      worker.join();
    }
    if (!failures.isEmpty()) {
      throw failures.get(0);
    }
    return commits.get();
  }
}
