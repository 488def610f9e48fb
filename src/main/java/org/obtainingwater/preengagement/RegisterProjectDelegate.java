package org.obtainingwater.preengagement;

import static org.obtainingwater.process.CaseVariables.APPLICATION_DEADLINE;
import static org.obtainingwater.process.CaseVariables.EXPECTED_APPLICATION_DATE;
import static org.obtainingwater.process.CaseVariables.EXPECTED_APPLICATION_DUE;
import static org.obtainingwater.process.CaseVariables.PROJECT_REFERENCE;

import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * {@code serviceTask_registerProject} (登记提前办项目): the project reference becomes the business key, so
 * an application correlates to the project by it; the follow-up task is due on the expected application
 * date, and the project closes by itself when no application came within the waiting period after it
 * ({@code obtaining-water.pre-engagement.waiting-period}, calendar time).
 */
@Component
class RegisterProjectDelegate implements JavaDelegate {

  private final ZoneId zone;
  private final Period waitingPeriod;

  RegisterProjectDelegate(ZoneId zone,
      @Value("${obtaining-water.pre-engagement.waiting-period:P180D}") String waitingPeriod) {
    this.zone = zone;
    this.waitingPeriod = Period.parse(waitingPeriod);
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = PROJECT_REFERENCE.get(execution).strip();
    execution.setProcessBusinessKey(reference);
    LocalDate expected = LocalDate.parse(EXPECTED_APPLICATION_DATE.get(execution).strip());
    EXPECTED_APPLICATION_DUE.set(execution, Date.from(expected.atStartOfDay(zone).toInstant()));
    APPLICATION_DEADLINE.set(execution, Date.from(expected.plus(waitingPeriod).atStartOfDay(zone).toInstant()));
  }
}
