package org.obtainingwater.process;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * Time as the application's own tables record it: the engine's clock (which tests move, so a case's record and
 * its history agree), in UTC, and read back in UTC whatever offset the database hands out.
 */
public final class RecordedTime {

  private RecordedTime() {
  }

  /** Now, by the engine's clock, in UTC. */
  public static OffsetDateTime now() {
    return ClockUtil.getCurrentTime().toInstant().atOffset(ZoneOffset.UTC);
  }

  /** A timestamp column, in UTC; null when the column is. */
  public static OffsetDateTime read(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.withOffsetSameInstant(ZoneOffset.UTC);
  }
}
