package org.obtainingwater.staff;

import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Outside the demo profile the first administrator's password must come from the environment
 * ({@code OW_ADMIN_PASSWORD}). Without it the application refuses to start, before the engine
 * creates any user: Spring would otherwise hand the starter an empty password, or the unresolved
 * placeholder text itself. As an engine plugin this bean is created before the engine is built.
 */
@Component
@Profile("!demo")
class AdministratorPasswordCheck extends AbstractCamundaConfiguration {

  AdministratorPasswordCheck(@Value("${camunda.bpm.admin-user.password:}") String password) {
    if (password.isBlank() || password.startsWith("${")) {
      throw new IllegalStateException("Set OW_ADMIN_PASSWORD: outside the demo profile the administrator's "
          + "password comes from the environment and is never committed.");
    }
  }
}
