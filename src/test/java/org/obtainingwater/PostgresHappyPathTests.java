package org.obtainingwater;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.BUILD_EXTERNAL_PIPELINE;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.CALL_BACK_CUSTOMER;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.DESIGN_SUPPLY_SCHEME;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.INSTALL_METER;
import static org.obtainingwater.process.ObtainingWaterProcess.Elements.AWAIT_GREENERY_PERMIT_DECISION;
import static org.obtainingwater.process.ObtainingWaterProcess.Elements.AWAIT_ROAD_PERMIT_DECISION;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.REVIEW_APPLICATION;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.SURVEY_SITE;
import static org.obtainingwater.support.TestCases.accepted;
import static org.obtainingwater.support.TestCases.application;
import static org.obtainingwater.support.TestCases.calledBack;
import static org.obtainingwater.support.TestCases.designed;
import static org.obtainingwater.support.TestCases.meterInstalled;
import static org.obtainingwater.support.TestCases.newProjectReference;
import static org.obtainingwater.support.TestCases.permitApproved;
import static org.obtainingwater.support.TestCases.pipelineBuilt;
import static org.obtainingwater.support.TestCases.surveyed;

import java.sql.Connection;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.Test;
import org.obtainingwater.cases.CaseRecords;
import org.obtainingwater.cases.Stage;
import org.obtainingwater.cases.StageEntry;
import org.obtainingwater.contract.SupplyContracts;
import org.obtainingwater.payment.Payments;
import org.obtainingwater.permits.PermitKind;
import org.obtainingwater.process.ObtainingWaterProcess.Elements;
import org.obtainingwater.process.PreEngagementProcess;
import org.obtainingwater.support.AppOnPostgres;
import org.obtainingwater.support.CaseDriver;
import org.springframework.beans.factory.annotation.Autowired;

/** The happy path with both permits, and the 提前办 fast path, on a real PostgreSQL with the postgres profile's settings. */
@AppOnPostgres
class PostgresHappyPathTests {

  @Autowired
  ProcessEngine engine;
  @Autowired
  DataSource dataSource;
  @Autowired
  CaseRecords records;
  @Autowired
  Payments payments;
  @Autowired
  SupplyContracts contracts;

  @Test
  void happyPathWithBothPermits_runsOnPostgreSql() throws Exception {
    try (Connection connection = dataSource.getConnection()) {
      assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
    }
    AbstractAssertions.init(engine);
    CaseDriver cases = new CaseDriver(engine);

    ProcessInstance instance = cases.apply(application());
    assertThat(instance.getBusinessKey()).matches("GW-\\d{4}-\\d{6}");
    cases.complete(instance, REVIEW_APPLICATION, accepted());
    cases.complete(instance, SURVEY_SITE, surveyed(180, true, true));
    cases.complete(instance, DESIGN_SUPPLY_SCHEME, designed(80, 50, 26_000));
    assertThat(instance).isWaitingAt(AWAIT_ROAD_PERMIT_DECISION, AWAIT_GREENERY_PERMIT_DECISION);
    cases.permitDecided(instance, PermitKind.ROAD, permitApproved("株建占字〔2026〕201号"));
    cases.permitDecided(instance, PermitKind.GREENERY, permitApproved("株园林许〔2026〕21号"));
    cases.complete(instance, BUILD_EXTERNAL_PIPELINE, pipelineBuilt());
    cases.complete(instance, INSTALL_METER, meterInstalled(50));
    cases.complete(instance, CALL_BACK_CUSTOMER, calledBack(5, "满意"));
    cases.contractSigned(instance, contracts);

    assertThat(instance).isEnded().hasPassed(Elements.END_WATER_CONNECTED);
  }

  /**
   * 提前办: the pipe was built ahead, so the case goes from intake to the meter (docs/adr/0010), by way of its quote:
   * the works inside the red line are still charged (docs/adr/0043).
   */
  @Test
  void applicationNamingAProjectWithThePipeBuiltAhead_skipsToTheMeter_onPostgreSql() {
    AbstractAssertions.init(engine);
    CaseDriver cases = new CaseDriver(engine);
    String reference = newProjectReference();
    ProcessInstance project = cases.projectWaitingForApplication(reference, PreEngagementProcess.BUILD_AHEAD);

    ProcessInstance instance = cases.apply(application(reference));
    cases.complete(instance, REVIEW_APPLICATION, accepted());
    cases.quoteAccepted(instance, payments);
    assertThat(instance).isWaitingAt(INSTALL_METER).hasNotPassed(SURVEY_SITE, DESIGN_SUPPLY_SCHEME,
        Elements.ROAD_PERMIT, Elements.ISSUE_WORK_ORDER, BUILD_EXTERNAL_PIPELINE);
    assertThat(project).isEnded().hasPassed(PreEngagementProcess.Elements.END_LINKED);
    cases.complete(instance, INSTALL_METER, meterInstalled(100));
    cases.complete(instance, CALL_BACK_CUSTOMER, calledBack(5, "满意"));
    cases.contractSigned(instance, contracts);
    cases.paid(instance, payments, "4200000066");

    assertThat(instance).isEnded().hasPassed(Elements.END_WATER_CONNECTED);
    assertThat(records.history(instance.getBusinessKey())).extracting(StageEntry::stage)
        .containsExactly(Stage.RECEIVED, Stage.INTAKE, Stage.PAYMENT, Stage.METERING, Stage.WATER_ON, Stage.CALLBACK);
  }
}
