package org.obtainingwater.operations;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * Readiness part {@code jobExecutor}: DOWN when this node should run the engine's jobs (timers, asynchronous steps,
 * SLA escalations) and its job executor is not running. A node configured without one
 * ({@code camunda.bpm.job-execution.enabled=false}, e.g. a web-only node, or the tests that run jobs themselves)
 * is UP and says so. Replaces the Camunda starter's indicator, which does not exist on such a node and so could
 * not be part of the readiness group (management.health.camunda.enabled=false).
 */
@Component("jobExecutorHealthIndicator")
class JobExecutorHealth extends AbstractHealthIndicator {

  private final ProcessEngine engine;
  private final boolean enabled;

  JobExecutorHealth(ProcessEngine engine, @Value("${camunda.bpm.job-execution.enabled:true}") boolean enabled) {
    super("The job executor could not be checked");
    this.engine = engine;
    this.enabled = enabled;
  }

  @Override
  protected void doHealthCheck(Health.Builder health) {
    if (!enabled) {
      health.up().withDetail("jobExecution", "disabled on this node (camunda.bpm.job-execution.enabled=false)");
      return;
    }
    JobExecutor executor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
    boolean active = executor != null && executor.isActive();
    (active ? health.up() : health.down()).withDetail("active", active);
    if (!active) {
      health.withDetail("action", "Timers and asynchronous steps are not run on this node: restart it, or check "
          + "the log for why the job executor stopped");
    }
  }
}
