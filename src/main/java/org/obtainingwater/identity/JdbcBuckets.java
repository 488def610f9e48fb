package org.obtainingwater.identity;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import javax.sql.DataSource;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.obtainingwater.process.RecordedTime;

import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.generic.select_for_update.AbstractSelectForUpdateBasedProxyManager;
import io.github.bucket4j.distributed.proxy.generic.select_for_update.LockAndGetResult;
import io.github.bucket4j.distributed.proxy.generic.select_for_update.SelectForUpdateBasedTransaction;
import io.github.bucket4j.distributed.remote.RemoteBucketState;

/**
 * Bucket4j's buckets in the {@code rate_limit_bucket} table, so every node of a cluster takes from the
 * same bucket (docs/adr/0026). Bucket4j's own JDBC modules each speak one database's dialect; this is
 * its generic select-for-update store in the SQL that H2 and PostgreSQL share. Each call runs in a
 * short transaction of its own, on its own connection, outside the request's transaction.
 */
final class JdbcBuckets extends AbstractSelectForUpdateBasedProxyManager<String> {

  private final DataSource dataSource;

  JdbcBuckets(DataSource dataSource) {
    // The engine's clock (ClockUtil), as the codes and sessions use: one "now" for every rule of the customer doors.
    super(ClientSideConfig.getDefault().withClientClock(new TimeMeter() {
      @Override
      public long currentTimeNanos() {
        return ClockUtil.getCurrentTime().getTime() * 1_000_000L;
      }

      @Override
      public boolean isWallClockBased() {
        return true;
      }
    }));
    this.dataSource = dataSource;
  }

  @Override
  public void removeProxy(String key) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement delete = connection.prepareStatement("DELETE FROM rate_limit_bucket WHERE bucket_key = ?")) {
      delete.setString(1, key);
      delete.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  protected SelectForUpdateBasedTransaction allocateTransaction(String key, Optional<Long> timeoutNanos) {
    try {
      return new RowTransaction(dataSource.getConnection(), key);
    } catch (SQLException e) {
      throw new IllegalStateException("no connection for the rate limit of " + key, e);
    }
  }

  private final class RowTransaction implements SelectForUpdateBasedTransaction {

    private final Connection connection;
    private final String key;
    private final boolean autoCommit;

    RowTransaction(Connection connection, String key) throws SQLException {
      this.connection = connection;
      this.key = key;
      this.autoCommit = connection.getAutoCommit();
    }

    @Override
    public void begin(Optional<Long> timeoutNanos) {
      run(() -> connection.setAutoCommit(false));
    }

    @Override
    public LockAndGetResult tryLockAndGet(Optional<Long> timeoutNanos) {
      try (PreparedStatement select = connection.prepareStatement(
          "SELECT state FROM rate_limit_bucket WHERE bucket_key = ? FOR UPDATE")) {
        applyTimeout(select, timeoutNanos);
        select.setString(1, key);
        try (ResultSet row = select.executeQuery()) {
          return row.next() ? LockAndGetResult.locked(row.getBytes(1)) : LockAndGetResult.notLocked();
        }
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    }

    /** Another node may insert the same row at once: then this one loses, and Bucket4j locks that row in a new transaction. */
    @Override
    public boolean tryInsertEmptyData(Optional<Long> timeoutNanos) {
      try (PreparedStatement insert = connection.prepareStatement(
          "INSERT INTO rate_limit_bucket (bucket_key, state, updated_at) VALUES (?, NULL, ?)")) {
        applyTimeout(insert, timeoutNanos);
        insert.setString(1, key);
        insert.setObject(2, RecordedTime.now());
        return insert.executeUpdate() == 1;
      } catch (SQLException e) {
        if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
          return false;
        }
        throw new IllegalStateException(e);
      }
    }

    @Override
    public void update(byte[] data, RemoteBucketState newState, Optional<Long> timeoutNanos) {
      try (PreparedStatement update = connection.prepareStatement(
          "UPDATE rate_limit_bucket SET state = ?, updated_at = ? WHERE bucket_key = ?")) {
        applyTimeout(update, timeoutNanos);
        update.setBytes(1, data);
        update.setObject(2, RecordedTime.now());
        update.setString(3, key);
        update.executeUpdate();
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public void commit(Optional<Long> timeoutNanos) {
      run(connection::commit);
    }

    @Override
    public void rollback() {
      run(connection::rollback);
    }

    @Override
    public void release() {
      run(() -> {
        try {
          connection.setAutoCommit(autoCommit);
        } finally {
          connection.close();
        }
      });
    }

    private void run(SqlAction action) {
      try {
        action.run();
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  @FunctionalInterface
  private interface SqlAction {
    void run() throws SQLException;
  }
}
