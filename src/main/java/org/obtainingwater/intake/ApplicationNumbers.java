package org.obtainingwater.intake;

import java.sql.DatabaseMetaData;
import java.time.ZoneId;

import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.jdbc.support.incrementer.DataFieldMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.H2SequenceMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.PostgresSequenceMaxValueIncrementer;
import org.springframework.stereotype.Component;

/**
 * Hands out application numbers such as {@code GW-2026-000123}: the year the application arrived
 * (in the utility's time zone, on the engine's clock) and a database sequence, so numbers are
 * unique across restarts and across application nodes sharing one database. The sequence is
 * created by Flyway (db/migration); a number taken by a rolled-back start is not reused.
 */
@Component
class ApplicationNumbers {

  static final String SEQUENCE = "application_number_seq";

  private final DataFieldMaxValueIncrementer sequence;
  private final ZoneId zone;

  ApplicationNumbers(DataSource dataSource, ZoneId zone) {
    this.sequence = incrementerFor(dataSource);
    this.zone = zone;
  }

  public String next() {
    int year = ClockUtil.getCurrentTime().toInstant().atZone(zone).getYear();
    return "GW-%d-%06d".formatted(year, sequence.nextLongValue());
  }

  private static DataFieldMaxValueIncrementer incrementerFor(DataSource dataSource) {
    String product;
    try {
      product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
    } catch (MetaDataAccessException e) {
      throw new IllegalStateException("Cannot tell which database holds the application number sequence", e);
    }
    if (product.toLowerCase().contains("postgres")) {
      return new PostgresSequenceMaxValueIncrementer(dataSource, SEQUENCE);
    }
    if (product.toLowerCase().contains("h2")) {
      return new H2SequenceMaxValueIncrementer(dataSource, SEQUENCE);
    }
    throw new IllegalStateException("Application numbers support PostgreSQL and H2, not " + product);
  }
}
