package org.obtainingwater.operations;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * Readiness part {@code engine}: the process engine answers a command against its own tables (the schema
 * version in ACT_GE_PROPERTY, one small read), so the engine, its database and its schema all work.
 */
@Component("engineHealthIndicator")
class EngineHealth extends AbstractHealthIndicator {

  private final ProcessEngine engine;

  EngineHealth(ProcessEngine engine) {
    super("The process engine does not answer");
    this.engine = engine;
  }

  @Override
  protected void doHealthCheck(Health.Builder health) {
    String schema = engine.getManagementService().getProperties().get("schema.version");
    health.up().withDetail("name", engine.getName()).withDetail("schemaVersion", String.valueOf(schema));
  }
}
