package org.obtainingwater.scale;

import static org.assertj.core.api.Assertions.assertThat;
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
import static org.obtainingwater.support.TestCases.rejected;
import static org.obtainingwater.support.TestCases.surveyed;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.obtainingwater.staff.StaffAccessSetup;
import org.obtainingwater.staff.StaffGroup;
import org.obtainingwater.support.Answer;
import org.obtainingwater.support.ApiClient;
import org.obtainingwater.contract.SupplyContracts;
import org.obtainingwater.payment.Payments;
import org.obtainingwater.permits.PermitKind;
import org.obtainingwater.support.CaseDriver;
import org.obtainingwater.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Tasklist at scale (issue 6, docs/benchmarks.md): 100,000 open tasks and 1,000,000 finished cases in
 * PostgreSQL, then the calls Tasklist makes for the shipped filters, as staff with authorizations on,
 * over HTTP with Basic auth, and the project's status lookup and scorecard.
 * <p>
 * Population: template cases run through the real engine (one per stage a case waits in, unclaimed,
 * claimed and overdue; five finished paths), then {@link CaseCloner} copies their rows inside
 * PostgreSQL with new ids, numbers and times. Open tasks are spread over the stages roughly as
 * Little's law puts them (time in stage × share of cases that pass it). Sizes are system properties
 * ({@code scale.openTasks}, {@code scale.finishedCases}, {@code scale.calls}) so a small run checks the
 * benchmark itself. Run: {@code mvn -B test -Pbenchmark -Dsurefire.excludedGroups= -Dgroups=benchmark
 * -Dtest=TasklistAtScaleBenchmark}.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "postgres", "test"})
@Import(ScalePostgres.class)
class TasklistAtScaleBenchmark {

  static final int OPEN_TASKS = Integer.getInteger("scale.openTasks", 100_000);
  static final int FINISHED_CASES = Integer.getInteger("scale.finishedCases", 1_000_000);
  /** Finished cases with their full case history (stages, activity and task instances), the rest case and process instance rows only. */
  static final int DETAILED_CASES = Integer.getInteger("scale.detailedCases", 100_000);
  static final int CALLS = Integer.getInteger("scale.calls", 300);
  static final int WARM_UP = 30;
  /** Finished copies are spread over five years (the history's time to live) starting here. */
  static final String FINISHED_FROM = "2021-01-04T09:00";
  static final String SCORECARD_FROM = "2024-03-01";
  static final String SCORECARD_TO = "2024-03-31";

  /** Where an open case waits, the share of open tasks there, its open tasks per case, the demo user of its group. */
  enum Waiting {
    INTAKE(8, 1, StaffGroup.INTAKE, "lina", 1),
    SURVEY(10, 1, StaffGroup.SURVEY, "wangqiang", 1),
    DESIGN(10, 1, StaffGroup.DESIGN, "zhaomin", 1),
    PERMITS(12, 2, StaffGroup.PERMITS, "chenjie", 2),
    CONSTRUCTION(35, 1, StaffGroup.CONSTRUCTION, "liuyang", 12),
    METERING(10, 1, StaffGroup.METERING, "sunhao", 1),
    CALLBACK(13, 1, StaffGroup.CUSTOMER_SERVICE, "zhoufang", 2),
    RECTIFY(2, 1, StaffGroup.SUPERVISORS, "wulei", 2);

    final int percentOfTasks;
    final int tasksPerCase;
    final StaffGroup group;
    final String demoUser;
    /** Copies' tasks were created up to this many days ago (about the stage's target in calendar days). */
    final int days;

    Waiting(int percentOfTasks, int tasksPerCase, StaffGroup group, String demoUser, int days) {
      this.percentOfTasks = percentOfTasks;
      this.tasksPerCase = tasksPerCase;
      this.group = group;
      this.demoUser = demoUser;
      this.days = days;
    }
  }

  /** Of every stage's open tasks: 65 % in the queue, 30 % claimed, 5 % overdue (escalated). */
  enum Variant {
    QUEUED(65), CLAIMED(30), OVERDUE(5);

    final int percent;

    Variant(int percent) {
      this.percent = percent;
    }
  }

  record Running(Waiting waiting, Variant variant, String processInstanceId, int copies) {
  }

  record Finished(String name, String processInstanceId, int percent) {
  }

  @Autowired
  ProcessEngine engine;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  Payments payments;
  @Autowired
  SupplyContracts contracts;
  @LocalServerPort
  int port;
  Staff staff;

  private final StringBuilder report = new StringBuilder();

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry properties) throws java.io.IOException {
    io.zonky.test.db.postgres.embedded.EmbeddedPostgres server = ScalePostgres.server();
    properties.add("spring.datasource.url", () -> server.getJdbcUrl("postgres", "postgres"));
    properties.add("spring.datasource.username", () -> "postgres");
    properties.add("spring.datasource.password", () -> "postgres");
  }

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  @Test
  void tasklistOverOneHundredThousandOpenTasksAndAMillionFinishedCases() throws Exception {
    if (populated()) {
      report.append(jdbc.queryForObject("SELECT report FROM scale_population", String.class));
      line("(population kept from an earlier run in %s)", System.getProperty(ScalePostgres.KEEP_DATABASE));
    } else {
      populate();
    }

    long openTasks = jdbc.queryForObject("SELECT count(*) FROM ACT_RU_TASK", Long.class);
    long finishedCases = jdbc.queryForObject("SELECT count(*) FROM ACT_HI_PROCINST WHERE END_TIME_ IS NOT NULL",
        Long.class);
    line("open tasks: %d; finished cases: %d", openTasks, finishedCases);
    assertThat(openTasks).isEqualTo(OPEN_TASKS);
    assertThat(finishedCases).isBetween((long) FINISHED_CASES, FINISHED_CASES + 10L);

    measure();
    Files.writeString(ScalePostgres.LOG_DIRECTORY.resolve("report.txt"), report.toString());
    System.out.printf("%n=== Tasklist at scale ===%n%s%n", report);
  }

  /** Whether a kept database (-Dscale.database) already holds a population of this size. */
  private boolean populated() {
    if (jdbc.queryForObject("SELECT to_regclass('scale_population') IS NOT NULL", Boolean.class)) {
      return jdbc.queryForObject("SELECT count(*) FROM scale_population WHERE open_tasks = ? AND finished_cases = ?",
          Long.class, OPEN_TASKS, FINISHED_CASES) == 1;
    }
    return false;
  }

  private void populate() {
    long began = System.nanoTime();
    List<Finished> finished = finishedTemplates();
    List<Running> running = runningTemplates();
    long templatesRun = System.nanoTime();
    line("templates: %d running and %d finished cases through the engine in %d s", running.size(), finished.size(),
        seconds(templatesRun - began));

    CaseCloner cloner = new CaseCloner(jdbc);
    Map<String, Long> runningRows = copyRunning(cloner, running);
    long runningCopied = System.nanoTime();
    line("running copies: %s in %d s", runningRows, seconds(runningCopied - templatesRun));
    Map<String, Long> finishedRows = copyFinished(cloner, finished);
    long finishedCopied = System.nanoTime();
    line("finished copies: %s in %d s", finishedRows, seconds(finishedCopied - runningCopied));
    cloner.done();
    jdbc.execute("VACUUM (ANALYZE)");
    long analysed = System.nanoTime();
    line("VACUUM (ANALYZE) in %d s; population in all %d s", seconds(analysed - finishedCopied),
        seconds(analysed - began));
    tableSizes();
    jdbc.execute("DROP TABLE IF EXISTS scale_population");
    jdbc.execute("CREATE TABLE scale_population (open_tasks INTEGER, finished_cases INTEGER, report TEXT)");
    jdbc.update("INSERT INTO scale_population VALUES (?, ?, ?)", OPEN_TASKS, FINISHED_CASES, report.toString());
  }

  // --- templates ---------------------------------------------------------------------------

  private List<Running> runningTemplates() {
    ClockUtil.reset();
    CaseDriver cases = new CaseDriver(engine);
    TaskService tasks = engine.getTaskService();
    List<Running> templates = new ArrayList<>();
    for (Waiting waiting : Waiting.values()) {
      for (Variant variant : Variant.values()) {
        ProcessInstance instance = waitingIn(cases, waiting);
        List<Task> open = tasks.createTaskQuery().processInstanceId(instance.getId()).list();
        assertThat(open).hasSize(waiting.tasksPerCase);
        if (variant == Variant.CLAIMED) {
          open.forEach(task -> tasks.claim(task.getId(), waiting.demoUser));
        } else if (variant == Variant.OVERDUE) {
          for (Job timer : engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).timers()
              .list()) {
            engine.getManagementService().executeJob(timer.getId());
          }
          cases.executeJobs(instance);
          assertThat(tasks.createTaskQuery().processInstanceId(instance.getId())
              .taskVariableValueEquals("overdue", true).count()).isEqualTo(waiting.tasksPerCase);
        }
        long tasksThere = (long) OPEN_TASKS * waiting.percentOfTasks * variant.percent / 10_000;
        templates.add(new Running(waiting, variant, instance.getId(),
            (int) Math.max(0, tasksThere / waiting.tasksPerCase - 1)));
      }
    }
    // what the shares' rounding left goes to the largest queue, so there are exactly OPEN_TASKS
    long planned = templates.stream().mapToLong(t -> (t.copies() + 1L) * t.waiting().tasksPerCase).sum();
    for (int i = 0; i < templates.size(); i++) {
      Running t = templates.get(i);
      if (t.waiting() == Waiting.CONSTRUCTION && t.variant() == Variant.QUEUED) {
        templates.set(i, new Running(t.waiting(), t.variant(), t.processInstanceId(),
            (int) (t.copies() + OPEN_TASKS - planned)));
      }
    }
    return templates;
  }

  private static ProcessInstance waitingIn(CaseDriver cases, Waiting waiting) {
    ProcessInstance instance = cases.apply(application());
    if (waiting == Waiting.INTAKE) {
      return instance;
    }
    cases.complete(instance, REVIEW_APPLICATION, accepted());
    if (waiting == Waiting.SURVEY) {
      return instance;
    }
    switch (waiting) {
      case PERMITS -> cases.complete(instance, SURVEY_SITE, surveyed(180, true, true));
      case CONSTRUCTION -> cases.complete(instance, SURVEY_SITE, surveyed(40, false, false));
      default -> cases.complete(instance, SURVEY_SITE, surveyed(0, false, false));
    }
    if (waiting == Waiting.DESIGN) {
      return instance;
    }
    cases.complete(instance, DESIGN_SUPPLY_SCHEME, designed(80, 50, 26_000));
    if (waiting == Waiting.PERMITS) {
      // The agent's tasks exist only once the platform has been silent (docs/adr/0041).
      cases.platformSilent(instance, PermitKind.ROAD);
      cases.platformSilent(instance, PermitKind.GREENERY);
    }
    if (waiting == Waiting.PERMITS || waiting == Waiting.CONSTRUCTION || waiting == Waiting.METERING) {
      return instance;
    }
    cases.complete(instance, INSTALL_METER, meterInstalled(50));
    if (waiting == Waiting.CALLBACK) {
      return instance;
    }
    cases.complete(instance, CALL_BACK_CUSTOMER, calledBack(2, "施工后未清理现场"));
    return instance;
  }

  /** Five ways a case ends, run in January 2021; their copies are spread over five years. */
  private List<Finished> finishedTemplates() {
    CaseDriver cases = new CaseDriver(engine);
    List<Finished> templates = new ArrayList<>();

    ProcessInstance fast = start(cases, "2021-01-04T09:00");
    step(cases, fast, "2021-01-04T11:00", REVIEW_APPLICATION, accepted());
    step(cases, fast, "2021-01-04T15:00", SURVEY_SITE, surveyed(0, false, false));
    step(cases, fast, "2021-01-05T10:00", DESIGN_SUPPLY_SCHEME, designed(50, 40, 0));
    step(cases, fast, "2021-01-05T16:00", INSTALL_METER, meterInstalled(40));
    step(cases, fast, "2021-01-06T10:00", CALL_BACK_CUSTOMER, calledBack(5, "满意"));
    cases.contractSigned(fast, contracts); // the case closes with the signature (docs/adr/0046)
    templates.add(new Finished("fast path", fast.getId(), 45));

    ProcessInstance plain = start(cases, "2021-01-04T09:30");
    step(cases, plain, "2021-01-04T15:00", REVIEW_APPLICATION, accepted());
    step(cases, plain, "2021-01-05T10:00", SURVEY_SITE, surveyed(40, false, false));
    step(cases, plain, "2021-01-05T16:00", DESIGN_SUPPLY_SCHEME, designed(65, 40, 0));
    step(cases, plain, "2021-01-12T16:00", BUILD_EXTERNAL_PIPELINE, pipelineBuilt());
    step(cases, plain, "2021-01-13T11:00", INSTALL_METER, meterInstalled(40));
    step(cases, plain, "2021-01-14T10:00", CALL_BACK_CUSTOMER, calledBack(2, "施工后未清理现场"));
    step(cases, plain, "2021-01-14T16:00", RECTIFY_SERVICE, rectified("已清理"));
    step(cases, plain, "2021-01-15T10:00", CALL_BACK_CUSTOMER, calledBack(4, "已满意"));
    cases.contractSigned(plain, contracts);
    templates.add(new Finished("external works, rectified", plain.getId(), 25));

    ProcessInstance both = start(cases, "2021-01-04T10:00");
    step(cases, both, "2021-01-04T14:00", REVIEW_APPLICATION, accepted());
    step(cases, both, "2021-01-05T11:00", SURVEY_SITE, surveyed(180, true, true));
    step(cases, both, "2021-01-05T16:00", DESIGN_SUPPLY_SCHEME, designed(80, 50, 26_000));
    cases.permitDecidedAt(both, "2021-01-06T16:00", PermitKind.ROAD, permitApproved("株建占字〔2021〕301号"));
    cases.permitDecidedAt(both, "2021-01-07T11:00", PermitKind.GREENERY, permitApproved("株园林许〔2021〕31号"));
    step(cases, both, "2021-01-14T16:00", BUILD_EXTERNAL_PIPELINE, pipelineBuilt());
    step(cases, both, "2021-01-15T11:00", INSTALL_METER, meterInstalled(50));
    step(cases, both, "2021-01-18T10:00", CALL_BACK_CUSTOMER, calledBack(5, "满意"));
    cases.contractSigned(both, contracts);
    templates.add(new Finished("both permits", both.getId(), 10));

    ProcessInstance road = start(cases, "2021-01-05T09:00");
    step(cases, road, "2021-01-05T10:30", REVIEW_APPLICATION, accepted());
    step(cases, road, "2021-01-05T16:00", SURVEY_SITE, surveyed(160, true, false));
    step(cases, road, "2021-01-06T10:00", DESIGN_SUPPLY_SCHEME, designed(150, 100, 40_000));
    cases.quoteAccepted(road, payments); // a credit connection (docs/adr/0043), paid after the callback
    cases.permitDecidedAt(road, "2021-01-07T15:00", PermitKind.ROAD, permitRejected("施工时段与早高峰冲突"));
    step(cases, road, "2021-01-08T10:00", REVISE_ROAD_PERMIT_APPLICATION, permitRevised("改为夜间施工"));
    cases.permitDecidedAt(road, "2021-01-11T15:00", PermitKind.ROAD, permitApproved("株建占字〔2021〕302号"));
    step(cases, road, "2021-01-14T16:00", BUILD_EXTERNAL_PIPELINE, pipelineBuilt());
    step(cases, road, "2021-01-15T11:00", INSTALL_METER, meterInstalled(100));
    step(cases, road, "2021-01-18T10:00", CALL_BACK_CUSTOMER, calledBack(4, "满意"));
    cases.paid(road, payments, "4200210118");
    cases.contractSigned(road, contracts);
    templates.add(new Finished("road permit rejected once", road.getId(), 10));

    ProcessInstance refused = start(cases, "2021-01-05T14:00");
    step(cases, refused, "2021-01-05T16:00", REVIEW_APPLICATION, rejected("用水地址不在供水范围内"));
    templates.add(new Finished("refused at intake", refused.getId(), 10));

    ClockUtil.reset();
    for (Finished template : templates) {
      assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
          .processInstanceId(template.processInstanceId()).finished().count()).as(template.name()).isOne();
    }
    return templates;
  }

  private static ProcessInstance start(CaseDriver cases, String localTime) {
    return cases.applyAt(localTime, application());
  }

  private static void step(CaseDriver cases, ProcessInstance instance, String localTime, String task,
      org.camunda.bpm.engine.variable.VariableMap submitted) {
    cases.completeAt(instance, localTime, task, submitted);
  }

  // --- copies --------------------------------------------------------------------------------

  /** Running copies are numbered from 2,000,001 (finished ones from 1), numbers GW-2026-1xxxxx. */
  private Map<String, Long> copyRunning(CaseCloner cloner, List<Running> templates) {
    // the claimer of a claimed copy: the demo user for one copy in 20, else one of 19 colleagues in the group
    String claimers = templates.stream().filter(t -> t.variant() == Variant.CLAIMED)
        .map(t -> "WHEN '%s' THEN CASE WHEN g %% 20 = 0 THEN '%s' ELSE '%s-' || lpad((g %% 20)::text, 2, '0') END"
            .formatted(t.processInstanceId(), t.waiting().demoUser, t.waiting().group.id()).replace("%%", "%"))
        .collect(Collectors.joining(" "));
    List<String> values = new ArrayList<>();
    for (Running t : templates) {
      values.add("('%s', %d, %d, %d)".formatted(t.processInstanceId(), t.copies(), t.waiting().days * 24 * 60,
          values.size()));
    }
    cloner.plan("SELECT g, v.pi AS template_pi, 'GW-2026-' || lpad((g - 2000000 + 100000)::text, 6, '0') AS number, "
        + "CASE v.pi " + claimers + " END AS claimer, "
        + "make_interval(mins => -((g * 7919) % v.age)::int) AS shift "
        + "FROM (SELECT v.*, " + (2_000_001 - 1) + " + sum(v.n) OVER (ORDER BY v.ord) - v.n AS before "
        + "FROM (VALUES " + String.join(", ", values) + ") v(pi, n, age, ord)) v "
        + "CROSS JOIN LATERAL generate_series(v.before + 1, v.before + v.n) g");

    String number = "CASE WHEN t.BUSINESS_KEY_ IS NULL THEN NULL ELSE p.number END";
    String claimer = "CASE WHEN t.%s IS NULL THEN NULL ELSE p.claimer END";
    String viaTask = " t JOIN ACT_RU_TASK tt ON tt.ID_ = t.%s JOIN scale_copy p ON p.template_pi = tt.PROC_INST_ID_";
    List<CaseCloner.Table> tables = List.of(
        new CaseCloner.Table("ACT_GE_BYTEARRAY",
            "ACT_GE_BYTEARRAY t JOIN scale_copy p ON p.template_pi = t.ROOT_PROC_INST_ID_", Map.of()),
        CaseCloner.Table.byProcessInstance("ACT_RU_EXECUTION", Map.of("BUSINESS_KEY_", number)),
        CaseCloner.Table.byProcessInstance("ACT_RU_TASK", Map.of("ASSIGNEE_", claimer.formatted("ASSIGNEE_"))),
        new CaseCloner.Table("ACT_RU_IDENTITYLINK", "ACT_RU_IDENTITYLINK" + viaTask.formatted("TASK_ID_"), Map.of()),
        CaseCloner.Table.byProcessInstance("ACT_RU_VARIABLE", Map.of("TEXT_",
            "CASE WHEN t.NAME_ IN ('applicationNumber', 'cardApplicationNumber') THEN p.number ELSE t.TEXT_ END")),
        new CaseCloner.Table("ACT_RU_JOB", "ACT_RU_JOB t JOIN scale_copy p ON p.template_pi = t.PROCESS_INSTANCE_ID_",
            Map.of()),
        CaseCloner.Table.byProcessInstance("ACT_RU_EVENT_SUBSCR", Map.of()),
        new CaseCloner.Table("ACT_RU_AUTHORIZATION", "ACT_RU_AUTHORIZATION" + viaTask.formatted("RESOURCE_ID_"),
            Map.of("USER_ID_", claimer.formatted("USER_ID_"))),
        applicationTable(),
        applicationStageTable(),
        new CaseCloner.Table("permit_filing", "permit_filing t JOIN scale_copy p ON p.template_pi = t.process_instance_id",
            Map.of("REFERENCE", "t.reference || '-' || p.g", "APPLICATION_NUMBER", "p.number")));
    List<String> owned = List.of(
        "SELECT ID_ AS id FROM ACT_RU_EXECUTION WHERE PROC_INST_ID_ IN (SELECT template_pi FROM scale_copy)",
        "SELECT ID_ FROM ACT_RU_TASK WHERE PROC_INST_ID_ IN (SELECT template_pi FROM scale_copy)",
        "SELECT ID_ FROM ACT_RU_VARIABLE WHERE PROC_INST_ID_ IN (SELECT template_pi FROM scale_copy)",
        "SELECT ID_ FROM ACT_RU_JOB WHERE PROCESS_INSTANCE_ID_ IN (SELECT template_pi FROM scale_copy)",
        "SELECT ID_ FROM ACT_RU_EVENT_SUBSCR WHERE PROC_INST_ID_ IN (SELECT template_pi FROM scale_copy)",
        "SELECT ID_ FROM ACT_GE_BYTEARRAY WHERE ROOT_PROC_INST_ID_ IN (SELECT template_pi FROM scale_copy)",
        "SELECT l.ID_ FROM ACT_RU_IDENTITYLINK l JOIN ACT_RU_TASK t ON t.ID_ = l.TASK_ID_ "
            + "WHERE t.PROC_INST_ID_ IN (SELECT template_pi FROM scale_copy)",
        "SELECT a.ID_ FROM ACT_RU_AUTHORIZATION a JOIN ACT_RU_TASK t ON t.ID_ = a.RESOURCE_ID_ "
            + "WHERE t.PROC_INST_ID_ IN (SELECT template_pi FROM scale_copy)",
        "SELECT ID_ FROM ACT_HI_ACTINST WHERE PROC_INST_ID_ IN (SELECT template_pi FROM scale_copy)");
    return cloner.copy(tables, owned);
  }

  /** Finished copies 1..N, spread evenly over five years from January 2021, numbers GW-&lt;year&gt;-0xxxxx. */
  private Map<String, Long> copyFinished(CaseCloner cloner, List<Finished> templates) {
    long perYear = FINISHED_CASES / 5;
    StringBuilder which = new StringBuilder("CASE");
    int upTo = 0;
    for (Finished template : templates) {
      upTo += template.percent();
      which.append(" WHEN g %%%% 100 < %d THEN '%s'".formatted(upTo, template.processInstanceId()));
    }
    which.append(" END");
    cloner.plan(("SELECT g, " + which + " AS template_pi, "
        + "'GW-' || (2021 + (g - 1) / %1$d) || '-' || lpad((10000 + (g - 1) %% %1$d)::text, 6, '0') AS number, "
        + "NULL AS claimer, make_interval(mins => ((g - 1) * %2$d / %3$d + (g * 7919) %% 1440)::int) AS shift "
        + "FROM generate_series(1::bigint, %3$d) g").formatted(perYear, 5L * 365 * 24 * 60, FINISHED_CASES)
        .replace("%%", "%"), true);

    Map<String, Long> written = new LinkedHashMap<>(cloner.copy(List.of(
        applicationTable(),
        CaseCloner.Table.byProcessInstance("ACT_HI_PROCINST", Map.of("BUSINESS_KEY_", "p.number"))),
        List.of(owned("ACT_HI_PROCINST"))));

    // The full case history of DETAILED_CASES cases from January 2024 on (by default 100,000: six months, the
    // scorecard's month among them), which is what the scorecard and the status lookup read.
    long firstDetailed = 3 * perYear + 1;
    cloner.plan("SELECT * FROM scale_copy WHERE g BETWEEN %d AND %d".formatted(firstDetailed,
        firstDetailed + DETAILED_CASES - 1), false);
    List<CaseCloner.Table> detail = List.of(
        applicationStageTable(),
        CaseCloner.Table.byProcessInstance("ACT_HI_ACTINST", Map.of()),
        CaseCloner.Table.byProcessInstance("ACT_HI_TASKINST", Map.of()),
        // of the variables' history only what the scorecard and the status lookup read (docs/benchmarks.md)
        new CaseCloner.Table("ACT_HI_VARINST", "ACT_HI_VARINST t JOIN scale_copy p ON p.template_pi = t.PROC_INST_ID_ "
            + "WHERE t.NAME_ IN ('customerFee', 'feeWaived', 'projectReference', 'preEngagementTakeover')", Map.of()),
        new CaseCloner.Table("ACT_HI_DETAIL", "ACT_HI_DETAIL t JOIN scale_copy p ON p.template_pi = t.PROC_INST_ID_ "
            + "WHERE t.NAME_ = 'satisfactionScore'", Map.of()));
    List<String> owned = new ArrayList<>();
    for (String table : List.of("ACT_HI_PROCINST", "ACT_HI_ACTINST", "ACT_HI_TASKINST", "ACT_HI_VARINST",
        "ACT_HI_DETAIL")) {
      owned.add(owned(table));
    }
    cloner.copy(detail, owned).forEach((table, rows) -> written.put(table + " (detailed cases)", rows));
    return written;
  }

  private static String owned(String historyTable) {
    return "SELECT ID_ AS id FROM " + historyTable + " WHERE PROC_INST_ID_ IN (SELECT template_pi FROM scale_copy)";
  }

  private static CaseCloner.Table applicationTable() {
    return new CaseCloner.Table("application", "application t JOIN scale_copy p ON p.template_pi = t.process_instance_id",
        Map.of("APPLICATION_NUMBER", "p.number", "CLIENT_REFERENCE", "NULL", "REQUEST_FINGERPRINT", "NULL"));
  }

  private static CaseCloner.Table applicationStageTable() {
    return new CaseCloner.Table("application_stage", "application_stage t JOIN application a "
        + "ON a.application_number = t.application_number JOIN scale_copy p ON p.template_pi = a.process_instance_id",
        Map.of("APPLICATION_NUMBER", "p.number"));
  }

  private void tableSizes() {
    line("%-24s %12s %10s %10s", "table", "rows", "table MB", "index MB");
    for (Map<String, Object> row : jdbc.queryForList("SELECT c.relname, c.reltuples::bigint AS rows, "
        + "pg_table_size(c.oid) / 1048576 AS table_mb, pg_indexes_size(c.oid) / 1048576 AS index_mb "
        + "FROM pg_class c WHERE c.relkind = 'r' AND c.relnamespace = current_schema()::regnamespace "
        + "AND pg_total_relation_size(c.oid) > 1048576 ORDER BY pg_total_relation_size(c.oid) DESC")) {
      line("%-24s %12d %10d %10d", row.get("relname"), row.get("rows"), row.get("table_mb"), row.get("index_mb"));
    }
    line("database: %s", jdbc.queryForObject("SELECT pg_size_pretty(pg_database_size(current_database()))", String.class));
  }

  // --- measuring ----------------------------------------------------------------------------

  private void measure() throws Exception {
    staff = Staff.app(port);
    Map<String, String> filters = new LinkedHashMap<>();
    engine.getFilterService().createFilterQuery().list().forEach(f -> filters.put(f.getName(), f.getId()));
    String tasklistDefault = "{\"processVariables\":[],\"taskVariables\":[],\"caseInstanceVariables\":[],"
        + "\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}],\"active\":true}";
    String byDueDate = tasklistDefault.replace("\"created\",\"sortOrder\":\"desc\"", "\"dueDate\",\"sortOrder\":\"asc\"");
    String finishedNumber = "GW-2024-0" + (10000 + 1234); // among the detailed cases
    String runningNumber = "GW-2026-" + (100000 + 1234);

    line("load average before measuring: %.2f on %d cores", loadAverage(), Runtime.getRuntime().availableProcessors());
    line("%-58s %6s %8s %8s %8s %8s %8s", "call (user)", "calls", "p50 ms", "p95 ms", "p99 ms", "max ms", "result");
    List<Call> calls = new ArrayList<>();
    for (StaffGroup group : List.of(StaffGroup.SURVEY, StaffGroup.CONSTRUCTION, StaffGroup.INTAKE)) {
      String user = java.util.Arrays.stream(Waiting.values()).filter(w -> w.group == group).findFirst().orElseThrow()
          .demoUser;
      String id = filters.get(group.filterName());
      calls.add(Call.post(group.filterName() + " list, Tasklist default (created desc)", user,
          "/engine-rest/filter/" + id + "/list?firstResult=0&maxResults=15", tasklistDefault));
      calls.add(Call.post(group.filterName() + " list, by due date", user,
          "/engine-rest/filter/" + id + "/list?firstResult=0&maxResults=15", byDueDate));
      calls.add(Call.post(group.filterName() + " count", user, "/engine-rest/filter/" + id + "/count", tasklistDefault));
    }
    String mine = filters.get(StaffAccessSetup.MY_TASKS_FILTER);
    calls.add(Call.post(StaffAccessSetup.MY_TASKS_FILTER + " list", "wangqiang",
        "/engine-rest/filter/" + mine + "/list?firstResult=0&maxResults=15", tasklistDefault));
    String overdue = filters.get(StaffAccessSetup.OVERDUE_TASKS_FILTER);
    calls.add(Call.post(StaffAccessSetup.OVERDUE_TASKS_FILTER + " list", "wangqiang",
        "/engine-rest/filter/" + overdue + "/list?firstResult=0&maxResults=15", tasklistDefault));
    calls.add(Call.post(StaffAccessSetup.OVERDUE_TASKS_FILTER + " list (supervisor)", "wulei",
        "/engine-rest/filter/" + overdue + "/list?firstResult=0&maxResults=15", tasklistDefault));
    String dueSoon = filters.get(StaffAccessSetup.DUE_SOON_TASKS_FILTER);
    calls.add(Call.post(StaffAccessSetup.DUE_SOON_TASKS_FILTER + " list (supervisor)", "wulei",
        "/engine-rest/filter/" + dueSoon + "/list?firstResult=0&maxResults=15", tasklistDefault));
    calls.add(Call.post(StaffAccessSetup.DUE_SOON_TASKS_FILTER + " count (supervisor)", "wulei",
        "/engine-rest/filter/" + dueSoon + "/count", tasklistDefault));
    calls.add(Call.get("GET /api/v1/applications/{finished}", null, "/api/v1/applications/" + finishedNumber));
    calls.add(Call.get("GET /api/v1/applications/{running}", null, "/api/v1/applications/" + runningNumber));
    Call scorecard = Call.get("GET /api/scorecard one month (supervisor)", "wulei",
        "/api/scorecard?from=" + SCORECARD_FROM + "&to=" + SCORECARD_TO);

    for (Call call : calls) {
      time(call, CALLS);
    }
    time(scorecard, Math.max(5, CALLS / 15));
    line("load average after measuring: %.2f", loadAverage());

    explain(calls, scorecard);
  }

  record Call(String name, String user, String method, String path, String body) {
    static Call post(String name, String user, String path, String body) {
      return new Call(name, user, "POST", path, body);
    }

    static Call get(String name, String user, String path) {
      return new Call(name, user, "GET", path, null);
    }
  }

  private void time(Call call, int calls) throws Exception {
    Answer last = null;
    long warming = System.nanoTime();
    for (int i = 0; i < Math.min(WARM_UP, calls) && System.nanoTime() - warming < 20_000_000_000L; i++) {
      last = send(call);
    }
    // at most `calls` calls, and no more than a minute's worth once 5 are measured (slow calls before a fix)
    List<Long> nanos = new ArrayList<>(calls);
    long measuring = System.nanoTime();
    for (int i = 0; i < calls && (i < 5 || System.nanoTime() - measuring < 60_000_000_000L); i++) {
      long t0 = System.nanoTime();
      last = send(call);
      nanos.add(System.nanoTime() - t0);
    }
    assertThat(last.status()).as(call.name() + ": " + last.body()).isEqualTo(200);
    nanos.sort(null);
    line("%-58s %6d %8.1f %8.1f %8.1f %8.1f %8s", call.name() + " (" + (call.user() == null ? "customer" : call.user())
        + ")", nanos.size(), ms(nanos, 0.50), ms(nanos, 0.95), ms(nanos, 0.99), nanos.get(nanos.size() - 1) / 1e6,
        summary(last.body()));
  }

  private Answer send(Call call) {
    Staff.Call request = call.user() != null ? staff.as(call.user())
        : staff.anonymous().header("Authorization", "Bearer " + ApiClient.DEMO_CHANNEL_TOKEN)
            .header("X-Contact-Phone", ApiClient.PHONE);
    if (call.path().startsWith("/engine-rest/filter/") && call.path().contains("/list")) {
      request = request.header("Accept", "application/hal+json, application/json; q=0.5");
    } else {
      request = request.header("Accept", "application/json");
    }
    return request.send(call.method(), call.path(), call.body());
  }

  /** One call of each with auto_explain on (every statement, with ANALYZE and buffers); plans go to the report file. */
  private void explain(List<Call> calls, Call scorecard) throws Exception {
    Path log = ScalePostgres.LOG_DIRECTORY.resolve("postgresql.log");
    Files.writeString(ScalePostgres.LOG_DIRECTORY.resolve("explained-calls.txt"), "");
    jdbc.execute("ALTER SYSTEM SET auto_explain.log_min_duration = 0");
    jdbc.execute("SELECT pg_reload_conf()");
    Thread.sleep(500);
    long from = Files.exists(log) ? Files.size(log) : 0;
    List<Call> all = new ArrayList<>(calls);
    all.add(scorecard);
    StringBuilder markers = new StringBuilder();
    for (Call call : all) {
      jdbc.queryForList("SELECT 'EXPLAIN MARKER: " + call.name().replace("'", "") + "'");
      send(call);
      markers.append(call.name()).append('\n');
    }
    jdbc.execute("ALTER SYSTEM SET auto_explain.log_min_duration = -1");
    jdbc.execute("SELECT pg_reload_conf()");
    Thread.sleep(500);
    byte[] bytes = Files.readAllBytes(log);
    Files.write(ScalePostgres.LOG_DIRECTORY.resolve("plans.log"), java.util.Arrays.copyOfRange(bytes, (int) Math.min(
        from, bytes.length), bytes.length));
    Files.writeString(ScalePostgres.LOG_DIRECTORY.resolve("explained-calls.txt"), markers);
    line("plans of one call each: %s", ScalePostgres.LOG_DIRECTORY.resolve("plans.log"));
  }

  private static String summary(String body) {
    if (body.startsWith("{\"count\"")) {
      return body.replaceAll("\\D+", " ").trim();
    }
    int count = body.indexOf("\"count\":");
    if (count >= 0) {
      return body.substring(count + 8, Math.min(body.length(), count + 8 + 12)).replaceAll("[^0-9].*$", "");
    }
    return body.length() + " B";
  }

  private static double ms(List<Long> sorted, double quantile) {
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1)) / 1e6;
  }

  private static double loadAverage() {
    return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private static long seconds(long nanos) {
    return nanos / 1_000_000_000L;
  }

  private void line(String format, Object... arguments) {
    String text = format.formatted(arguments);
    report.append(text).append('\n');
    System.out.println(text);
  }
}
