package org.obtainingwater.notification;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.incident.DefaultIncidentHandler;
import org.camunda.bpm.engine.impl.incident.IncidentContext;
import org.camunda.bpm.engine.impl.incident.IncidentHandler;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.obtainingwater.process.RecordedTime;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A notice the SMS gateway kept refusing becomes an incident of type {@value #TYPE} on its case,
 * so an administrator sees it in Cockpit next to the case (docs/adr/0007). Resolving the incident
 * (Cockpit, or {@code RuntimeService.resolveIncident}) puts the notice back into the outbox with a
 * fresh round of attempts, in the same transaction; the incident's configuration is the outbox id.
 */
@Component
class FailedNoticeIncidents extends AbstractCamundaConfiguration {

  static final String TYPE = "notificationFailed";

  private final JdbcTemplate jdbc;

  FailedNoticeIncidents(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void preInit(SpringProcessEngineConfiguration configuration) {
    List<IncidentHandler> handlers = new ArrayList<>();
    if (configuration.getCustomIncidentHandlers() != null) {
      handlers.addAll(configuration.getCustomIncidentHandlers());
    }
    handlers.add(new DefaultIncidentHandler(TYPE) {
      @Override
      public void resolveIncident(IncidentContext context) {
        super.resolveIncident(context);
        jdbc.update("UPDATE notification_outbox SET status = ?, attempts = 0, next_attempt_at = ?, last_error = NULL "
            + "WHERE id = ? AND status = ?", OutboxStatus.PENDING.name(), RecordedTime.now(),
            Long.parseLong(context.getConfiguration()), OutboxStatus.FAILED.name());
      }
    });
    configuration.setCustomIncidentHandlers(handlers);
  }
}
