package org.obtainingwater.permits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.obtainingwater.process.ObtainingWaterProcess.Elements.FILE_ROAD_PERMIT;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.DESIGN_SUPPLY_SCHEME;
import static org.obtainingwater.process.ObtainingWaterProcess.Elements.AWAIT_ROAD_PERMIT_DECISION;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.REVIEW_APPLICATION;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.SURVEY_SITE;
import static org.obtainingwater.support.TestCases.accepted;
import static org.obtainingwater.support.TestCases.application;
import static org.obtainingwater.support.TestCases.designed;
import static org.obtainingwater.support.TestCases.surveyed;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.obtainingwater.adapters.RecordingPermitAuthority;
import org.obtainingwater.process.ObtainingWaterProcess;
import org.obtainingwater.support.AppOnH2;
import org.obtainingwater.support.CaseDriver;
import org.obtainingwater.support.Diagrams;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * The city's permit platform is down when a permit is filed: the filing step retries on its cycle,
 * then raises an incident an administrator sees in Cockpit; the staff member's work before it is
 * kept. When the platform is back, a retry (Cockpit's "retry", here through the API) files once
 * and the case goes on. A withdrawal whose step fails part-way withdraws each filing once when retried.
 */
@AppOnH2
// Its own context: a permit platform that can be switched off.
@Import(PermitPlatformOutageTests.PlatformThatCanFail.class)
class PermitPlatformOutageTests {

  @Autowired
  ProcessEngine engine;
  @Autowired
  PlatformThatCanFail.Switchable platform;
  @Autowired
  RecordingPermitAuthority recorded;
  @Autowired
  PermitFilings filings;

  CaseDriver cases;
  ManagementService management;

  @BeforeEach
  void setUp() {
    AbstractAssertions.init(engine);
    cases = new CaseDriver(engine);
    management = engine.getManagementService();
    platform.calls.set(0);
    platform.withdrawalsBeforeOutage.set(-1);
    ClockUtil.setCurrentTime(new Date());
  }

  @AfterEach
  void platformBack() {
    platform.down.set(false);
    ClockUtil.reset();
  }

  /**
   * The outside steps retry at growing pauses (docs/adr/0041): the diagram's {@code failedJobRetryTimeCycle} of the
   * filing step is a list, and after each refused call the job waits exactly the next pause of the list, measured on
   * the engine's clock (not runnable a second earlier); after the last, an incident.
   */
  @Test
  void aFilingThePlatformRefuses_isRetriedAtGrowingPauses_thenAnIncident_andARetryCarriesTheCaseOn() {
    List<Duration> cycle = Arrays.stream(retryCycleOf(FILE_ROAD_PERMIT).split(",")).map(Duration::parse).toList();
    assertThat(cycle).as("a growing list of pauses").hasSizeGreaterThan(1).isSortedAccordingTo(Comparator.naturalOrder())
        .doesNotHaveDuplicates();
    ProcessInstance instance = cases.apply(application());
    cases.complete(instance, REVIEW_APPLICATION, accepted());
    cases.complete(instance, SURVEY_SITE, surveyed(180, true, false));
    platform.down.set(true);
    engine.getTaskService().complete(cases.task(instance, DESIGN_SUPPLY_SCHEME).getId(), designed(80, 50, 26_000));

    assertThat(instance).as("the designer's work is kept").hasPassed(DESIGN_SUPPLY_SCHEME).isWaitingAt(FILE_ROAD_PERMIT);
    int attempts = 0;
    List<Duration> pauses = new ArrayList<>();
    Job filing = filingJob(instance);
    while (filing.getRetries() > 0) {
      Instant failedAt = ClockUtil.getCurrentTime().toInstant();
      String jobId = filing.getId();
      assertThatThrownBy(() -> management.executeJob(jobId)).hasMessageContaining("permit platform unavailable");
      attempts++;
      filing = filingJob(instance);
      if (filing.getRetries() == 0) {
        break;
      }
      Duration pause = Duration.between(failedAt, filing.getDuedate().toInstant());
      pauses.add(pause);
      ClockUtil.setCurrentTime(Date.from(failedAt.plus(pause).minusSeconds(1)));
      assertThat(management.createJobQuery().processInstanceId(instance.getId()).activityId(FILE_ROAD_PERMIT).executable()
          .count()).as("not runnable before its pause of %s", pause).isZero();
      ClockUtil.setCurrentTime(filing.getDuedate());
    }

    assertThat(pauses).as("after each refused call the next pause of the diagram's list").isEqualTo(cycle);
    assertThat(attempts).as("the first call and one retry per pause").isEqualTo(cycle.size() + 1);
    Incident incident = engine.getRuntimeService().createIncidentQuery().processInstanceId(instance.getId()).singleResult();
    assertThat(incident.getActivityId()).isEqualTo(FILE_ROAD_PERMIT);
    assertThat(incident.getIncidentMessage()).contains("permit platform unavailable");
    assertThat(recorded.filingsFor(instance.getBusinessKey())).as("nothing filed while down").isEmpty();
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).count()).isZero();

    platform.down.set(false);
    management.setJobRetries(filing.getId(), 1);
    Date due = filingJob(instance).getDuedate();
    ClockUtil.setCurrentTime(Date.from((due == null ? ClockUtil.getCurrentTime() : due).toInstant().plus(Duration.ofMinutes(1))));
    cases.executeJobs(instance);

    assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(instance.getId()).count()).isZero();
    assertThat(instance).isWaitingAt(AWAIT_ROAD_PERMIT_DECISION);
    assertThat(recorded.filingsFor(instance.getBusinessKey())).as("filed exactly once").hasSize(1);
    assertThat(platform.calls.get()).as("the refused calls and the one that went through").isEqualTo(attempts + 1);
  }

  /**
   * The platform withdraws the first filing and goes down before the second (docs/adr/0031): the withdrawal
   * step fails and rolls back, so neither filing is marked withdrawn; its retry, with the platform back, calls
   * again for both with the same keys. The platform's journal holds each withdrawal once, both rows are marked.
   */
  @Test
  void aWithdrawalStepThatFailsBetweenTwoFilings_isRetried_andEachFilingIsWithdrawnOnce() {
    ProcessInstance instance = cases.apply(application());
    cases.complete(instance, REVIEW_APPLICATION, accepted());
    cases.complete(instance, SURVEY_SITE, surveyed(180, true, true));
    cases.complete(instance, DESIGN_SUPPLY_SCHEME, designed(80, 50, 26_000));
    String number = instance.getBusinessKey();
    assertThat(filings.filingsFor(number)).hasSize(2);

    platform.withdrawalsBeforeOutage.set(1);
    engine.getRuntimeService().createMessageCorrelation(ObtainingWaterProcess.MESSAGE_APPLICATION_WITHDRAWN)
        .processInstanceId(instance.getId()).correlate();
    Job withdrawal = management.createJobQuery().processInstanceId(instance.getId())
        .activityId(ObtainingWaterProcess.Elements.WITHDRAW_PERMIT_FILINGS).singleResult();
    assertThatThrownBy(() -> management.executeJob(withdrawal.getId())).hasMessageContaining("permit platform unavailable");
    assertThat(recorded.withdrawalsFor(number)).as("the first went through before the outage").hasSize(1);
    assertThat(filings.filingsFor(number)).as("rolled back with the step").noneMatch(FiledPermit::withdrawn);

    platform.down.set(false);
    management.executeJob(withdrawal.getId());
    cases.executeJobs(instance);

    assertThat(instance).isEnded().hasPassed(ObtainingWaterProcess.Elements.END_APPLICATION_WITHDRAWN);
    assertThat(recorded.withdrawalsFor(number)).extracting(PermitWithdrawal::reference)
        .containsExactlyInAnyOrderElementsOf(filings.filingsFor(number).stream().map(FiledPermit::reference).toList());
    assertThat(filings.filingsFor(number)).allMatch(FiledPermit::withdrawn);
  }

  /** The element's {@code camunda:failedJobRetryTimeCycle} in bpmn/obtaining-water.bpmn. */
  private static String retryCycleOf(String elementId) {
    BaseElement element = Diagrams.obtainingWater().getModelElementById(elementId);
    return element.getExtensionElements().getElementsQuery().filterByType(CamundaFailedJobRetryTimeCycle.class)
        .singleResult().getTextContent().strip();
  }

  private Job filingJob(ProcessInstance instance) {
    return management.createJobQuery().processInstanceId(instance.getId()).activityId(FILE_ROAD_PERMIT).singleResult();
  }

  /** The recording adapter behind a switch that makes the platform refuse every call. */
  @TestConfiguration(proxyBeanMethods = false)
  static class PlatformThatCanFail {

    static class Switchable implements PermitAuthority {
      final AtomicBoolean down = new AtomicBoolean();
      final AtomicInteger calls = new AtomicInteger();
      /** The platform goes down once this many withdrawals went through (never, unless a test sets it). */
      final AtomicInteger withdrawalsBeforeOutage = new AtomicInteger(-1);
      private final RecordingPermitAuthority platform;

      Switchable(RecordingPermitAuthority platform) {
        this.platform = platform;
      }

      @Override
      public String file(PermitFiling filing) {
        calls.incrementAndGet();
        if (down.get()) {
          throw new IllegalStateException("permit platform unavailable (HTTP 503)");
        }
        return platform.file(filing);
      }

      @Override
      public void withdraw(PermitWithdrawal withdrawal) {
        calls.incrementAndGet();
        if (down.get()) {
          throw new IllegalStateException("permit platform unavailable (HTTP 503)");
        }
        platform.withdraw(withdrawal);
        if (withdrawalsBeforeOutage.decrementAndGet() == 0) {
          down.set(true);
        }
      }
    }

    @Bean
    @Primary
    Switchable switchablePermitAuthority(RecordingPermitAuthority platform) {
      return new Switchable(platform);
    }
  }
}
