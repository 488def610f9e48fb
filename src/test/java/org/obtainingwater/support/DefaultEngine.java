package org.obtainingwater.support;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;

/**
 * Tests that call {@code /engine-rest} must make their context's engine the one engine-rest finds.
 * Spring caches several test contexts in one JVM, each with an engine named {@code default}, and
 * engine-rest (resources and the authentication filter) looks engines up by name in Camunda's static
 * registry, where the most recently started context wins. Without this a call could authenticate
 * against another context's users and database.
 */
public final class DefaultEngine {

  public static void use(ProcessEngine engine) {
    ProcessEngines.registerProcessEngine(engine);
  }

  private DefaultEngine() {
  }
}
