package org.obtainingwater.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.obtainingwater.support.AppOnPostgres;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * On PostgreSQL the application gives the planner statistics on the two permission expressions of the
 * task query's authorization check (docs/adr/0023-tasklist-at-scale.md), once, and keeps them across
 * restarts; the Tasklist-at-scale benchmark measures what they do.
 */
@AppOnPostgres
class TaskQueryStatisticsPostgresTests {

  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  ProcessEngine engine;
  @Autowired
  TaskQueryStatistics statistics;

  @Test
  void statisticsOnTheAuthorizationChecksPermissionExpressionsExistAfterStart() {
    assertThat(expressions()).containsExactlyInAnyOrder("(perms_ & 2)", "(perms_ & 64)");
  }

  @Test
  void aRestartFindsThemAndCreatesNothingTwice() {
    statistics.postProcessEngineBuild(engine);

    assertThat(jdbc.queryForObject("SELECT count(*) FROM pg_statistic_ext WHERE stxname = ?", Long.class,
        TaskQueryStatistics.NAME)).isOne();
    assertThat(expressions()).hasSize(2);
  }

  private List<String> expressions() {
    return jdbc.queryForList("SELECT lower(unnest(pg_get_statisticsobjdef_expressions(oid))) FROM pg_statistic_ext "
        + "WHERE stxname = ?", String.class, TaskQueryStatistics.NAME);
  }
}
