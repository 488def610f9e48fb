package org.obtainingwater.scorecard;

import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.BUILD_EXTERNAL_PIPELINE;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.CALL_BACK_CUSTOMER;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.DESIGN_SUPPLY_SCHEME;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.INSTALL_METER;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.RECTIFY_SERVICE;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.REVIEW_APPLICATION;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.REVISE_ROAD_PERMIT_APPLICATION;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.SURVEY_SITE;
import static org.obtainingwater.support.TestCases.accepted;
import static org.obtainingwater.support.TestCases.application;
import static org.obtainingwater.support.TestCases.calledBack;
import static org.obtainingwater.support.TestCases.designed;
import static org.obtainingwater.support.TestCases.meterInstalled;
import static org.obtainingwater.support.TestCases.permitApproved;
import static org.obtainingwater.support.TestCases.permitRejected;
import static org.obtainingwater.support.TestCases.permitRevised;
import static org.obtainingwater.support.TestCases.pipelineBuilt;
import static org.obtainingwater.support.TestCases.rectified;
import static org.obtainingwater.support.TestCases.surveyed;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.obtainingwater.contract.SupplyContracts;
import org.obtainingwater.payment.Payments;
import org.obtainingwater.permits.PermitKind;
import org.obtainingwater.support.CaseDriver;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Many finished cases with water on in September 2025, for the benchmark and the page's browser
 * test: eight template cases run through the real engine with its clock set to each step (fast path,
 * a weekend wait, a slow intake with a fee (quoted, accepted and paid) and a dissatisfied customer, both permits, a rejected and
 * resubmitted permit, external works without permits, a callback still open), then as many copies of
 * their records and history rows as asked, each shifted by a random offset of up to 16 days (seeded:
 * every run writes the same cases). Leaves the engine's clock at real time.
 */
final class SeptemberCases {

  static final String FROM = "2025-09-01";
  static final String TO = "2025-09-30";

  private final JdbcTemplate jdbc;
  private final CaseDriver cases;
  private final Payments payments;
  private final SupplyContracts contracts;

  SeptemberCases(ProcessEngine engine, JdbcTemplate jdbc, Payments payments, SupplyContracts contracts) {
    this.jdbc = jdbc;
    this.cases = new CaseDriver(engine);
    this.payments = payments;
    this.contracts = contracts;
  }

  /** Writes {@code count} copies of the templates; returns the number of rows written. */
  long copies(List<HistoryCopier.Template> templates, int count) {
    HistoryCopier copier = new HistoryCopier(jdbc);
    Random random = new Random(42);
    long rows = 0;
    for (int first = 0; first < count; first += 500) {
      long[] offsets = new long[Math.min(500, count - first)];
      Arrays.setAll(offsets, i -> random.nextInt(16 * 24 * 60));
      rows += copier.copy(templates, first, offsets);
    }
    return rows;
  }

  List<HistoryCopier.Template> templates() {
    List<ProcessInstance> instances = new ArrayList<>();
    // fast path, every stage a few hours
    instances.add(fastPath("2025-09-01T09:00", "2025-09-01T11:00", "2025-09-01T15:00", "2025-09-02T10:00",
        "2025-09-02T16:00", 5));
    instances.add(fastPath("2025-09-01T14:00", "2025-09-02T09:30", "2025-09-02T16:30", "2025-09-03T11:00",
        "2025-09-04T10:00", 4));
    // a Friday application waiting over the weekend, slow design
    instances.add(fastPath("2025-09-05T16:00", "2025-09-08T10:00", "2025-09-08T15:00", "2025-09-10T11:00",
        "2025-09-10T17:00", 5));
    // a slow intake, fee charged (DN100), dissatisfied then rectified
    ProcessInstance slow = start("2025-09-01T10:00");
    step(slow, "2025-09-02T15:00", REVIEW_APPLICATION, accepted());
    step(slow, "2025-09-03T10:00", SURVEY_SITE, surveyed(0, false, false));
    step(slow, "2025-09-03T16:00", DESIGN_SUPPLY_SCHEME, designed(100, 80, 18_000));
    cases.quoteAccepted(slow, payments); // a credit connection (docs/adr/0043), paid after the callbacks
    step(slow, "2025-09-04T14:00", INSTALL_METER, meterInstalled(80));
    step(slow, "2025-09-05T10:00", CALL_BACK_CUSTOMER, calledBack(2, "施工后未清理现场"));
    step(slow, "2025-09-05T16:00", RECTIFY_SERVICE, rectified("已清理"));
    step(slow, "2025-09-08T10:00", CALL_BACK_CUSTOMER, calledBack(4, "已满意"));
    cases.paid(slow, payments, "4200000903");
    cases.contractSigned(slow, contracts);
    instances.add(slow);
    // both permits, granted in time
    ProcessInstance both = start("2025-09-01T09:00");
    step(both, "2025-09-01T14:00", REVIEW_APPLICATION, accepted());
    step(both, "2025-09-02T11:00", SURVEY_SITE, surveyed(180, true, true));
    step(both, "2025-09-02T16:00", DESIGN_SUPPLY_SCHEME, designed(80, 50, 26_000));
    cases.permitDecidedAt(both, "2025-09-03T16:00", PermitKind.ROAD, permitApproved("株建占字〔2025〕301号"));
    cases.permitDecidedAt(both, "2025-09-04T11:00", PermitKind.GREENERY, permitApproved("株园林许〔2025〕31号"));
    step(both, "2025-09-10T16:00", BUILD_EXTERNAL_PIPELINE, pipelineBuilt());
    step(both, "2025-09-11T11:00", INSTALL_METER, meterInstalled(50));
    step(both, "2025-09-12T10:00", CALL_BACK_CUSTOMER, calledBack(5, "满意"));
    cases.contractSigned(both, contracts);
    instances.add(both);
    // road permit only, rejected once and resubmitted
    ProcessInstance road = start("2025-09-02T09:00");
    step(road, "2025-09-02T10:30", REVIEW_APPLICATION, accepted());
    step(road, "2025-09-02T16:00", SURVEY_SITE, surveyed(160, true, false));
    step(road, "2025-09-03T10:00", DESIGN_SUPPLY_SCHEME, designed(150, 100, 40_000));
    cases.quoteAccepted(road, payments);
    cases.permitDecidedAt(road, "2025-09-04T15:00", PermitKind.ROAD, permitRejected("施工时段与早高峰冲突"));
    step(road, "2025-09-05T10:00", REVISE_ROAD_PERMIT_APPLICATION, permitRevised("改为夜间施工"));
    cases.permitDecidedAt(road, "2025-09-08T15:00", PermitKind.ROAD, permitApproved("株建占字〔2025〕302号"));
    step(road, "2025-09-11T16:00", BUILD_EXTERNAL_PIPELINE, pipelineBuilt());
    step(road, "2025-09-12T11:00", INSTALL_METER, meterInstalled(100));
    step(road, "2025-09-15T10:00", CALL_BACK_CUSTOMER, calledBack(4, "满意"));
    cases.paid(road, payments, "4200000915");
    cases.contractSigned(road, contracts);
    instances.add(road);
    // external works without permits
    ProcessInstance plain = start("2025-09-03T09:00");
    step(plain, "2025-09-03T15:00", REVIEW_APPLICATION, accepted());
    step(plain, "2025-09-04T10:00", SURVEY_SITE, surveyed(40, false, false));
    step(plain, "2025-09-04T16:00", DESIGN_SUPPLY_SCHEME, designed(65, 40, 0));
    step(plain, "2025-09-09T16:00", BUILD_EXTERNAL_PIPELINE, pipelineBuilt());
    step(plain, "2025-09-10T11:00", INSTALL_METER, meterInstalled(40));
    step(plain, "2025-09-11T10:00", CALL_BACK_CUSTOMER, calledBack(5, "满意"));
    cases.contractSigned(plain, contracts);
    instances.add(plain);
    // water on, callback still open
    ProcessInstance open = fastPath("2025-09-04T09:00", "2025-09-04T10:00", "2025-09-04T15:00", "2025-09-05T10:00",
        "2025-09-05T15:00", null);
    instances.add(open);

    ClockUtil.reset();
    HistoryCopier copier = new HistoryCopier(jdbc);
    return instances.stream().map(i -> copier.read(i.getBusinessKey(), i.getId())).toList();
  }

  private ProcessInstance fastPath(String applied, String accepted, String surveyed, String designed, String waterOn,
      Integer satisfaction) {
    ProcessInstance instance = start(applied);
    step(instance, accepted, REVIEW_APPLICATION, accepted());
    step(instance, surveyed, SURVEY_SITE, surveyed(0, false, false));
    step(instance, designed, DESIGN_SUPPLY_SCHEME, designed(50, 40, 0));
    step(instance, waterOn, INSTALL_METER, meterInstalled(40));
    if (satisfaction != null) {
      step(instance, LocalDateTime.parse(waterOn).plusHours(18).toString(), CALL_BACK_CUSTOMER,
          calledBack(satisfaction, "满意"));
      cases.contractSigned(instance, contracts);
    }
    return instance;
  }

  private ProcessInstance start(String localTime) {
    return cases.applyAt(localTime, application());
  }

  private void step(ProcessInstance instance, String localTime, String task, VariableMap submitted) {
    cases.completeAt(instance, localTime, task, submitted);
  }

}
