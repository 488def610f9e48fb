package org.obtainingwater.support;

import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobCommandFactory;

/**
 * A real Camunda engine of its own on a private in-memory H2, without Spring and without job executor, for tests of
 * engine mechanics on a small model of their own (a model deployed into the shared application contexts would show
 * up in theirs). The caller closes it.
 */
public final class StandaloneEngine {

  /**
   * @param failedJobs what the engine does with a failed job (the application's own, e.g.
   *     {@code engine.OutsideSystemJobRetries})
   * @param beans what the model's expressions name
   */
  public static ProcessEngine start(FailedJobCommandFactory failedJobs, Map<Object, Object> beans) {
    StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
    configuration.setProcessEngineName("standalone-" + UUID.randomUUID());
    configuration.setJdbcUrl("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=1000");
    configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP);
    configuration.setJobExecutorActivate(false);
    configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
    configuration.setMetricsEnabled(false);
    configuration.setFailedJobCommandFactory(failedJobs);
    configuration.setBeans(beans);
    return configuration.buildProcessEngine();
  }

  private StandaloneEngine() {
  }
}
