package org.obtainingwater.engine;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.spring.boot.starter.configuration.Ordering;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Gives PostgreSQL's planner the statistics it needs to plan Tasklist's task queries with
 * authorizations on (docs/adr/0023-tasklist-at-scale.md). The engine's task query joins the
 * authorization table on {@code RESOURCE_ID_ IN (task id, process definition key, '*')} and filters it
 * on {@code PERMS_ & 2 = 2} (READ on the task) or {@code PERMS_ & 64 = 64} (READ_TASK on the process
 * definition). Without statistics on those two expressions the planner guesses that one
 * authorization row qualifies, scans the table once and compares every candidate task with every
 * authorization of the group: quadratic in the size of the queue (ADR 0023 has the figures). With them it
 * looks each task's authorizations up in the engine's index on {@code RESOURCE_ID_}.
 * <p>
 * The statistics object is created once, on PostgreSQL only, after the engine has created or updated
 * its schema; Camunda's schema updates leave it alone (Camunda allows custom indexes and
 * statistics on its tables). ANALYZE, by hand here and by autovacuum afterwards, keeps it current.
 */
@Component
@Order(Ordering.DEFAULT_ORDER + 20)
class TaskQueryStatistics extends AbstractCamundaConfiguration {

  static final String NAME = "ow_act_ru_authorization_perms";

  private static final Logger LOG = LoggerFactory.getLogger(TaskQueryStatistics.class);

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    if (!"postgres".equals(configuration.getDatabaseType())) {
      return;
    }
    JdbcTemplate jdbc = new JdbcTemplate(configuration.getDataSource());
    String table = configuration.getDatabaseTablePrefix() + "ACT_RU_AUTHORIZATION";
    Boolean exists = jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM pg_statistic_ext WHERE stxname = ?)",
        Boolean.class, NAME);
    if (Boolean.TRUE.equals(exists)) {
      return;
    }
    jdbc.execute("CREATE STATISTICS IF NOT EXISTS " + NAME + " ON (PERMS_ & 2), (PERMS_ & 64) FROM " + table);
    jdbc.execute("ANALYZE " + table);
    LOG.info("Created statistics {} on {} for the task query's authorization check", NAME, table);
  }
}
