package org.obtainingwater.adapters;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.obtainingwater.engine.OutsideSystemJobRetries;
import org.obtainingwater.metering.CustomerAccountOpening;
import org.obtainingwater.permits.PermitFiling;
import org.obtainingwater.permits.PermitKind;
import org.obtainingwater.permits.PermitWithdrawal;
import org.obtainingwater.support.OutsideSystemStubs;
import org.obtainingwater.support.StandaloneEngine;

import org.yaml.snakeyaml.Yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

/**
 * The permit platform's and billing's HTTP adapters against a stub answering by their contracts
 * (docs/contracts/), called from an asynchronous step with a retry cycle of its own ({@code R3/PT5M}; the diagram's growing list is
 * tested in permits.PermitPlatformOutageTests) on a real engine with the
 * application's failed-job rule (engine.OutsideSystemJobRetries): success, a timeout, a 5xx then success with one
 * effect, a 4xx that becomes an incident with a readable message, and throttling that waits and keeps the retries.
 */
class HttpAdapterRetriesTests {

  @RegisterExtension
  static WireMockExtension stub = OutsideSystemStubs.stub();

  /** One outside system: where its adapter posts, what it answers, and how the step calls it. */
  enum OutsideSystem {
    PERMIT_PLATFORM("permit-platform.yaml", "PermitApplication", "/permit-applications", "GW-2026-000123/road/1", "{\"reference\":\"ZD-2026-0456\"}", "ZD-2026-0456",
        "许可审批平台", settings -> {
          HttpPermitAuthority platform = new HttpPermitAuthority(settings);
          return () -> platform.file(new PermitFiling("GW-2026-000123", PermitKind.ROAD, 1, "permit",
              "滨江路 88 号", 35.5, null));
        }),
    PERMIT_WITHDRAWAL("permit-platform.yaml", "PermitWithdrawal", "/permit-applications/ZD-2026-0456/withdrawal",
        "withdraw/ZD-2026-0456", "{\"withdrawn\":true}", "withdrawn", "许可审批平台", settings -> {
          HttpPermitAuthority platform = new HttpPermitAuthority(settings);
          return () -> {
            platform.withdraw(new PermitWithdrawal("ZD-2026-0456", "GW-2026-000123", PermitKind.ROAD));
            return "withdrawn";
          };
        }),
    BILLING("billing.yaml", "AccountOpening", "/accounts", "GW-2026-000123", "{\"accountNumber\":\"YH00001234\"}", "YH00001234", "营销系统", settings -> {
      HttpBillingSystem billing = new HttpBillingSystem(settings);
      return () -> billing.openAccount(new CustomerAccountOpening("GW-2026-000123", "张三", "滨江路 88 号", "commercial",
          "M-2026-0001", 25, 0.0));
    });

    final String contract;
    final String schema;
    final String path;
    final String key;
    final String answer;
    final String result;
    final String title;
    final Function<HttpJsonSystem.Settings, Call> adapter;

    OutsideSystem(String contract, String schema, String path, String key, String answer, String result, String title,
        Function<HttpJsonSystem.Settings, Call> adapter) {
      this.contract = contract;
      this.schema = schema;
      this.path = path;
      this.key = key;
      this.answer = answer;
      this.result = result;
      this.title = title;
      this.adapter = adapter;
    }
  }

  interface Call {
    String call();
  }

  static ProcessEngine engine;
  static volatile Call call;

  @BeforeAll
  static void startEngine() {
    JavaDelegate delegate = execution -> execution.setVariable("answer", call.call());
    engine = StandaloneEngine.start(new OutsideSystemJobRetries(), Map.of("outsideCall", delegate));
    BpmnModelInstance model = Bpmn.createExecutableProcess("process_outsideCall").camundaHistoryTimeToLive(1)
        .startEvent()
        .serviceTask("serviceTask_callOutside").camundaAsyncBefore().camundaFailedJobRetryTimeCycle("R3/PT5M")
        .camundaDelegateExpression("${outsideCall}")
        .userTask("userTask_after")
        .endEvent().done();
    engine.getRepositoryService().createDeployment().addModelInstance("outside-call.bpmn", model).deploy();
  }

  @AfterAll
  static void closeEngine() {
    engine.close();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  void adapter(OutsideSystem system, Duration readTimeout) {
    call = system.adapter.apply(new HttpJsonSystem.Settings(stub.baseUrl(), "a-token-from-the-environment",
        Duration.ofSeconds(2), readTimeout));
  }

  ProcessInstance start() {
    return engine.getRuntimeService().startProcessInstanceByKey("process_outsideCall");
  }

  Job job(ProcessInstance instance) {
    return engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).singleResult();
  }

  /**
   * Runs the step's job if it is due, as the job executor would (retries left, due date passed); a failure is recorded
   * by the engine's failed-job command. Whether it ran.
   */
  boolean run(ProcessInstance instance) {
    Job due = engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).executable()
        .singleResult();
    if (due == null) {
      return false;
    }
    try {
      engine.getManagementService().executeJob(due.getId());
    } catch (RuntimeException failed) {
      // recorded on the job: retries, due date, incident
    }
    return true;
  }

  void later(Duration by) {
    ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + by.toMillis()));
  }

  String answer(ProcessInstance instance) {
    return (String) engine.getRuntimeService().getVariable(instance.getId(), "answer");
  }

  @ParameterizedTest
  @EnumSource(OutsideSystem.class)
  @SuppressWarnings("unchecked")
  void success_sendsTheContractsRequest_andTheStepGoesOnWithTheAnswer(OutsideSystem system) throws Exception {
    adapter(system, Duration.ofSeconds(5));
    stub.stubFor(post(urlEqualTo(system.path)).willReturn(OutsideSystemStubs.created(system.answer)));
    ProcessInstance instance = start();

    run(instance);

    assertThat(answer(instance)).isEqualTo(system.result);
    stub.verify(1, postRequestedFor(urlEqualTo(system.path))
        .withHeader("Authorization", equalTo("Bearer a-token-from-the-environment"))
        .withHeader("Idempotency-Key", equalTo(system.key))
        .withHeader("Content-Type", equalTo("application/json"))
        .withRequestBody(matchingJsonPath("$.applicationNumber", equalTo("GW-2026-000123"))));

    // What is sent is what docs/contracts/ writes down: the path, the request's fields, the answer's field.
    Map<String, Object> contract = new Yaml().load(Files.readString(Path.of("docs/contracts", system.contract)));
    // (a path with the filing's reference is written down with its parameter)
    assertThat(at(contract, "paths")).containsKey(system.path.replace("ZD-2026-0456", "{reference}"));
    Map<String, Object> request = at(at(at(contract, "components"), "schemas"), system.schema);
    JsonNode sent = new ObjectMapper().readTree(stub.findAll(postRequestedFor(urlEqualTo(system.path))).get(0)
        .getBodyAsString());
    assertThat(sent.fieldNames()).toIterable().containsExactlyInAnyOrderElementsOf(at(request, "properties").keySet());
    assertThat(at(request, "properties").keySet()).containsAll((List<String>) request.get("required"));
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> at(Map<String, Object> yaml, String key) {
    return (Map<String, Object>) yaml.get(key);
  }

  @ParameterizedTest
  @EnumSource(OutsideSystem.class)
  void aTimeout_afterTheSystemDidTheWork_isRetried_andTheRepeatedKeyGetsTheSameAnswer_oneEffect(OutsideSystem system) {
    adapter(system, Duration.ofMillis(400));
    // The system does the work and answers too late; asked again with the same key it answers the first answer (200).
    stub.stubFor(post(urlEqualTo(system.path)).inScenario("late").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(OutsideSystemStubs.created(system.answer).withFixedDelay(1200)).willSetStateTo("done"));
    stub.stubFor(post(urlEqualTo(system.path)).inScenario("late").whenScenarioStateIs("done")
        .withHeader("Idempotency-Key", equalTo(system.key)).willReturn(OutsideSystemStubs.repeated(system.answer)));
    ProcessInstance instance = start();

    run(instance);
    Job waiting = job(instance);
    assertThat(waiting.getRetries()).as("one attempt spent").isEqualTo(2);
    assertThat(waiting.getExceptionMessage()).contains(system.title, "没有应答");
    assertThat(waiting.getDuedate()).as("the diagram's pause").isAfter(new Date(ClockUtil.getCurrentTime().getTime() + 299_000));

    later(Duration.ofMinutes(5).plusSeconds(1));
    assertThat(run(instance)).isTrue();

    assertThat(answer(instance)).as(String.valueOf(job(instance) == null ? "" : job(instance).getExceptionMessage()))
        .isEqualTo(system.result);
    stub.verify(2, postRequestedFor(urlEqualTo(system.path)).withHeader("Idempotency-Key", equalTo(system.key)));
  }

  @ParameterizedTest
  @EnumSource(OutsideSystem.class)
  void aServerError_thenSuccess_isOneEffect_onTheEnginesRetryCycle(OutsideSystem system) {
    adapter(system, Duration.ofSeconds(5));
    stub.stubFor(post(urlEqualTo(system.path)).inScenario("5xx").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(OutsideSystemStubs.problem(502, "Bad Gateway", "上游服务不可用")).willSetStateTo("up"));
    stub.stubFor(post(urlEqualTo(system.path)).inScenario("5xx").whenScenarioStateIs("up")
        .willReturn(OutsideSystemStubs.created(system.answer)).willSetStateTo("filed"));
    ProcessInstance instance = start();

    run(instance);
    assertThat(job(instance).getRetries()).isEqualTo(2);
    assertThat(job(instance).getExceptionMessage()).contains("HTTP 502", "稍后自动重试");
    later(Duration.ofMinutes(4));
    assertThat(run(instance)).as("not due before the diagram's pause").isFalse();

    later(Duration.ofMinutes(1).plusSeconds(1));
    assertThat(run(instance)).isTrue();

    assertThat(answer(instance)).isEqualTo(system.result);
    assertThat(engine.getRuntimeService().createIncidentQuery().count()).isZero();
    assertThat(stub.getAllScenarios().getScenarios()).singleElement().extracting(s -> s.getState())
        .as("the system created once").isEqualTo("filed");
  }

  @ParameterizedTest
  @EnumSource(OutsideSystem.class)
  void aRefusal_isAnIncidentAtOnce_withTheSystemsReadableReason(OutsideSystem system) {
    adapter(system, Duration.ofSeconds(5));
    stub.stubFor(post(urlEqualTo(system.path)).willReturn(OutsideSystemStubs.problem(422, "Unprocessable Entity",
        "施工地址不在本市行政区域内")));
    ProcessInstance instance = start();

    run(instance);

    assertThat(job(instance).getRetries()).as("no second attempt at a refusal").isZero();
    Incident incident = engine.getRuntimeService().createIncidentQuery().processInstanceId(instance.getId()).singleResult();
    assertThat(incident.getIncidentType()).isEqualTo("failedJob");
    assertThat(incident.getIncidentMessage()).contains(system.title, "拒绝", "HTTP 422", "施工地址不在本市行政区域内",
        "refused");
    stub.verify(1, postRequestedFor(urlEqualTo(system.path)));

    // An administrator corrects the case, the platform accepts, and retrying the job in Cockpit goes on.
    stub.stubFor(post(urlEqualTo(system.path)).willReturn(OutsideSystemStubs.created(system.answer)));
    engine.getManagementService().setJobRetries(job(instance).getId(), 1);
    assertThat(run(instance)).isTrue();
    assertThat(answer(instance)).isEqualTo(system.result);
  }

  @ParameterizedTest
  @EnumSource(OutsideSystem.class)
  void throttling_waitsTheSystemsRetryAfter_andSpendsNoAttempt(OutsideSystem system) {
    adapter(system, Duration.ofSeconds(5));
    stub.stubFor(post(urlEqualTo(system.path)).inScenario("busy").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(OutsideSystemStubs.throttled(120)).willSetStateTo("free"));
    stub.stubFor(post(urlEqualTo(system.path)).inScenario("busy").whenScenarioStateIs("free")
        .willReturn(OutsideSystemStubs.created(system.answer)));
    ProcessInstance instance = start();
    long before = ClockUtil.getCurrentTime().getTime();

    run(instance);

    Job waiting = job(instance);
    assertThat(waiting.getRetries()).as("throttling spends no attempt").isEqualTo(3);
    assertThat(waiting.getDuedate().getTime() - before).as("the system's Retry-After")
        .isBetween(Duration.ofSeconds(120).toMillis(), Duration.ofSeconds(125).toMillis());
    assertThat(waiting.getExceptionMessage()).contains("限流", "120");
    assertThat(engine.getRuntimeService().createIncidentQuery().count()).isZero();

    later(Duration.ofSeconds(100));
    assertThat(run(instance)).as("not before the Retry-After").isFalse();
    later(Duration.ofSeconds(21));
    assertThat(run(instance)).isTrue();
    assertThat(answer(instance)).isEqualTo(system.result);
  }

  @ParameterizedTest
  @EnumSource(OutsideSystem.class)
  void anAdapterWithoutAddress_refusesToStart(OutsideSystem system) {
    assertThatThrownBy(() -> system.adapter.apply(new HttpJsonSystem.Settings("", "t", Duration.ofSeconds(1),
        Duration.ofSeconds(1)))).hasMessageContaining("obtaining-water.adapters.http.");
  }
}
