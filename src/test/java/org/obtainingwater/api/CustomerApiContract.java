package org.obtainingwater.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.obtainingwater.process.ObtainingWaterProcess.PROCESS_KEY;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.BUILD_EXTERNAL_PIPELINE;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.CALL_BACK_CUSTOMER;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.DESIGN_SUPPLY_SCHEME;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.INSTALL_METER;
import static org.obtainingwater.process.ObtainingWaterProcess.Elements.AWAIT_GREENERY_PERMIT_DECISION;
import static org.obtainingwater.process.ObtainingWaterProcess.Elements.AWAIT_ROAD_PERMIT_DECISION;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.RECORD_ROAD_PERMIT_DECISION;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.REVIEW_APPLICATION;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.REVISE_GREENERY_PERMIT_APPLICATION;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.SURVEY_SITE;
import static org.obtainingwater.support.TestCases.accepted;
import static org.obtainingwater.support.TestCases.application;
import static org.obtainingwater.support.TestCases.calledBack;
import static org.obtainingwater.support.TestCases.designed;
import static org.obtainingwater.support.TestCases.meterInstalled;
import static org.obtainingwater.support.TestCases.newProjectReference;
import static org.obtainingwater.support.TestCases.permitApproved;
import static org.obtainingwater.support.TestCases.permitRevised;
import static org.obtainingwater.support.TestCases.pipelineBuilt;
import static org.obtainingwater.support.TestCases.rejected;
import static org.obtainingwater.support.TestCases.surveyed;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.StreamSupport;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.obtainingwater.adapters.RecordingPermitAuthority;
import org.obtainingwater.adapters.RecordingSmsGateway;
import org.obtainingwater.construction.WorkOrders;
import org.obtainingwater.permits.PermitWithdrawal;
import org.obtainingwater.cases.CaseRecords;
import org.obtainingwater.cases.Outcome;
import org.obtainingwater.cases.Stage;
import org.obtainingwater.contract.SupplyContracts;
import org.obtainingwater.notification.NoticeType;
import org.obtainingwater.notification.NotificationOutbox;
import org.obtainingwater.notification.OutboxDispatcher;
import org.obtainingwater.notification.OutboxEntry;
import org.obtainingwater.notification.OutboxStatus;
import org.obtainingwater.permits.FiledPermit;
import org.obtainingwater.permits.PermitFilings;
import org.obtainingwater.permits.PermitKind;
import org.obtainingwater.process.ObtainingWaterProcess.Elements;
import org.obtainingwater.process.PreEngagementProcess;
import org.obtainingwater.support.Answer;
import org.obtainingwater.support.ApiClient;
import org.obtainingwater.support.AtOnce;
import org.obtainingwater.support.CaseDriver;
import org.obtainingwater.support.OpenApiExamples;
import org.obtainingwater.support.TestCases;
import org.obtainingwater.support.SmsCodes;
import org.obtainingwater.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The customer API and the permit platform's callback, end to end over HTTP against the running
 * application, on the database of the subclass (H2, PostgreSQL): where the database matters
 * (transactions, unique keys, row locks) both must behave the same.
 */
abstract class CustomerApiContract {

  static final String PHONE = ApiClient.PHONE;

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  CaseRecords records;
  @Autowired
  SupplyContracts contracts;
  @Autowired
  PermitFilings filings;
  @Autowired
  RecordingPermitAuthority platform;
  @Autowired
  WorkOrders workOrders;
  @Autowired
  NotificationOutbox outbox;
  @Autowired
  OutboxDispatcher dispatcher;
  @Autowired
  RecordingSmsGateway sms;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  TransactionTemplate transaction;

  ApiClient api;
  CaseDriver cases;

  @BeforeEach
  void connect() {
    api = new ApiClient(port);
    cases = new CaseDriver(engine);
    AbstractAssertions.init(engine);
  }

  // --- Filing and following --------------------------------------------------------------------

  @Test
  void anApplicationFiledThroughTheApi_isFollowedToWaterOn_withEveryStageInItsHistory() {
    Answer filed = api.apply(ApiClient.application(), null);
    assertThat(filed.status()).isEqualTo(201);
    String number = filed.json().get("applicationNumber").asText();
    assertThat(number).matches("GW-\\d{4}-\\d{6}");
    assertThat(filed.header("Location")).isEqualTo("/api/v1/applications/" + number);
    assertThat(filed.json().get("statusUrl").asText()).isEqualTo("/api/v1/applications/" + number);

    Answer received = api.status(number, PHONE);
    assertThat(received.status()).isEqualTo(200);
    assertThat(received.json().get("stage").asText()).isEqualTo("RECEIVED");
    assertThat(received.json().get("nextStep").asText()).startsWith("无需办理");
    assertThat(received.json().get("timeline")).extracting(step -> step.get("stage").asText() + " " + step.get("state").asText())
        .containsExactly("RECEIVED CURRENT", "INTAKE UPCOMING", "SURVEY UPCOMING", "DESIGN UPCOMING", "PERMITS UPCOMING",
            "CONSTRUCTION UPCOMING", "METERING UPCOMING", "WATER_ON UPCOMING", "CALLBACK UPCOMING");
    assertThat(received.json().at("/timeline/2/targetWorkingDays").isNumber()).as("survey's target from stage-targets.dmn (half a day)").isTrue();

    ProcessInstance instance = instance(number);
    cases.executeJobs(instance);
    cases.complete(instance, REVIEW_APPLICATION, accepted());
    cases.complete(instance, SURVEY_SITE, surveyed(180, true, true));
    cases.complete(instance, DESIGN_SUPPLY_SCHEME, designed(80, 50, 26_000));
    assertThat(api.status(number, PHONE).json().get("stageLabel").asText()).isEqualTo("行政审批");

    for (FiledPermit filing : filings.filingsFor(number)) {
      assertThat(api.decide(filing.reference(), "{\"decision\":\"approved\",\"permitNumber\":\"株许〔2026〕" + filing.kind()
          .code() + "号\"}").status()).isEqualTo(200);
    }
    cases.executeJobs(instance);
    cases.complete(instance, BUILD_EXTERNAL_PIPELINE, pipelineBuilt());
    cases.complete(instance, INSTALL_METER, meterInstalled(50));
    cases.complete(instance, CALL_BACK_CUSTOMER, calledBack(5, "满意"));
    JsonNode toSign = api.status(number, PHONE).json();
    assertThat(toSign.get("outcome").isNull()).as("open until the contract is signed").isTrue();
    assertThat(toSign.get("nextStep").asText()).as("the customer's next step").contains("签署供水合同");
    cases.contractSigned(instance, contracts);

    BpmnAwareTests.assertThat(instance).isEnded().hasPassed(Elements.END_WATER_CONNECTED);
    JsonNode status = api.status(number, PHONE).json();
    assertThat(status.get("stage").asText()).isEqualTo("CLOSED");
    assertThat(status.get("outcome").asText()).isEqualTo("WATER_CONNECTED");
    assertThat(status.get("finishedAt").isNull()).isFalse();
    assertThat(StreamSupport.stream(status.get("history").spliterator(), false).map(step -> step.get("stage").asText()))
        .containsExactly("RECEIVED", "INTAKE", "SURVEY", "DESIGN", "PERMITS", "CONSTRUCTION", "METERING", "WATER_ON",
            "CALLBACK");
    assertThat(status.get("history")).allSatisfy(step -> assertThat(step.get("leftAt").isNull()).isFalse());
    assertThat(status.get("timeline")).hasSize(9).allSatisfy(step -> {
      assertThat(step.get("state").asText()).isEqualTo("DONE");
      assertThat(step.get("workingDaysUsed").isNumber()).isTrue();
    });
    assertThat(records.find(number).orElseThrow().channel()).isEqualTo("app");
  }

  @Test
  void notices_waitInTheOutbox_untilTheDispatcherSendsEachOnce() {
    String number = file();
    cases.executeJobs(instance(number));

    List<OutboxEntry> pending = outbox.entriesFor(number);
    assertThat(pending).singleElement().satisfies(entry -> {
      assertThat(entry.notice().type()).isEqualTo(NoticeType.APPLICATION_RECEIVED);
      assertThat(entry.status()).isEqualTo(OutboxStatus.PENDING);
    });

    dispatcher.dispatchDue();
    dispatcher.dispatchDue();

    assertThat(outbox.entriesFor(number)).singleElement().satisfies(entry -> {
      assertThat(entry.status()).isEqualTo(OutboxStatus.SENT);
      assertThat(entry.attempts()).isEqualTo(1);
      assertThat(entry.gatewayReference()).startsWith("SMS-LOCAL-");
    });
    assertThat(sms.deliveredTo(PHONE)).filteredOn(delivery -> delivery.text().contains(number)).hasSize(1);
  }

  @Test
  void aCaseStartedByStaff_getsItsRecordToo_inTheSameTransaction() {
    ProcessInstance started = cases.apply(application());
    assertThat(records.find(started.getBusinessKey())).hasValueSatisfying(record -> {
      assertThat(record.channel()).isEqualTo("hotline");
      assertThat(record.processInstanceId()).isEqualTo(started.getId());
      assertThat(record.stage()).isEqualTo(Stage.INTAKE);
    });

    // Whatever rolls the start back takes the record with it, and the other way round.
    long instancesBefore = engine.getRuntimeService().createProcessInstanceQuery().count();
    int recordsBefore = jdbc.queryForObject("SELECT COUNT(*) FROM application", Integer.class);
    transaction.executeWithoutResult(status -> {
      engine.getRuntimeService().startProcessInstanceByKey(PROCESS_KEY, application());
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM application", Integer.class)).isEqualTo(recordsBefore + 1);
      status.setRollbackOnly();
    });
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM application", Integer.class)).isEqualTo(recordsBefore);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isEqualTo(instancesBefore);
  }

  @Test
  void theOpenApiDocument_describesEveryEndpoint_andIsBrowsable() {
    Answer document = api.send("GET", "/v3/api-docs", null);
    assertThat(document.status()).isEqualTo(200);
    assertThat(document.json().get("paths").fieldNames()).toIterable().containsExactlyInAnyOrder(
        "/api/v1/verification-codes", "/api/v1/sessions",
        "/api/v1/applications", "/api/v1/applications/{applicationNumber}",
        "/api/v1/applications/{applicationNumber}/withdrawal", "/api/v1/applications/{applicationNumber}/rating",
        "/api/v1/applications/{applicationNumber}/readiness",
        "/api/v1/permit-decisions/{permitApplicationRef}", "/api/v1/applications/{applicationNumber}/contract", "/api/v1/applications/{applicationNumber}/contract/document",
        "/api/v1/applications/{applicationNumber}/contract/signing-codes",
        "/api/v1/applications/{applicationNumber}/contract/signature", "/api/v1/staff/contracts/{applicationNumber}",
        "/api/v1/staff/contracts/{applicationNumber}/document",
        "/api/v1/staff/contracts/{applicationNumber}/counter-signature", "/api/scorecard", "/api/scorecard/cases",
        "/api/v1/applications/{applicationNumber}/visits/{kind}", "/api/v1/staff/visits/{applicationNumber}/{kind}",
        "/api/v1/applications/{applicationNumber}/quote", "/api/v1/applications/{applicationNumber}/quote/acceptance",
        "/api/v1/applications/{applicationNumber}/quote/payments", "/api/v1/staff/quotes/{applicationNumber}",
        "/api/v1/staff/quotes/{applicationNumber}/acceptance", "/api/v1/payment-notifications");
    assertThat(document.json().at("/components/securitySchemes/paymentGatewayToken/scheme").asText()).isEqualTo("bearer");
    assertThat(document.json().at("/paths/~1api~1v1~1payment-notifications/post/security/0/paymentGatewayToken").isArray())
        .isTrue();
    assertThat(document.json().at("/components/securitySchemes/permitPlatformToken/scheme").asText()).isEqualTo("bearer");
    assertThat(document.json().at("/components/securitySchemes/staffBasic/scheme").asText()).isEqualTo("basic");
    assertThat(document.json().at("/paths/~1api~1scorecard/get/security/0/staffBasic").isArray()).isTrue();
    assertThat(document.json().at("/paths/~1api~1v1~1staff~1contracts~1{applicationNumber}~1counter-signature/post"
        + "/security/0/staffBasic").isArray()).isTrue();
    // The customer's doors: a session (bearer or the page's cookie) or a channel's credential, and their errors.
    assertThat(document.json().at("/components/securitySchemes/customerSession/scheme").asText()).isEqualTo("bearer");
    assertThat(document.json().at("/components/securitySchemes/customerSessionCookie/in").asText()).isEqualTo("cookie");
    assertThat(document.json().at("/components/securitySchemes/channelToken/scheme").asText()).isEqualTo("bearer");
    for (String operation : List.of("/paths/~1api~1v1~1applications/post", "/paths/~1api~1v1~1applications/get",
        "/paths/~1api~1v1~1applications~1{applicationNumber}/get",
        "/paths/~1api~1v1~1applications~1{applicationNumber}~1withdrawal/post",
        "/paths/~1api~1v1~1applications~1{applicationNumber}~1rating/post",
        "/paths/~1api~1v1~1applications~1{applicationNumber}~1readiness/post",
        "/paths/~1api~1v1~1applications~1{applicationNumber}~1contract/get",
        "/paths/~1api~1v1~1applications~1{applicationNumber}~1contract~1document/get",
        "/paths/~1api~1v1~1applications~1{applicationNumber}~1contract~1signing-codes/post",
        "/paths/~1api~1v1~1applications~1{applicationNumber}~1contract~1signature/post",
        "/paths/~1api~1v1~1applications~1{applicationNumber}~1visits~1{kind}/get",
        "/paths/~1api~1v1~1applications~1{applicationNumber}~1visits~1{kind}/post",
        "/paths/~1api~1v1~1applications~1{applicationNumber}~1quote/get",
        "/paths/~1api~1v1~1applications~1{applicationNumber}~1quote~1acceptance/post",
        "/paths/~1api~1v1~1applications~1{applicationNumber}~1quote~1payments/post")) {
      assertThat(document.json().at(operation + "/security").toString()).as(operation)
          .contains("customerSession", "customerSessionCookie", "channelToken");
      assertThat(document.json().at(operation + "/responses").has("401")).as(operation + " 401").isTrue();
    }
    assertThat(document.json().at("/paths/~1api~1v1~1verification-codes/post/responses").has("202")).isTrue();
    assertThat(document.json().at("/paths/~1api~1v1~1verification-codes/post/responses").has("429")).isTrue();
    assertThat(document.json().at("/paths/~1api~1v1~1sessions/post/responses").has("201")).isTrue();
    Answer page = api.send("GET", "/swagger-ui/index.html", null);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("swagger-ui");
  }

  /**
   * Every request example the OpenAPI document offers (what Swagger UI's "Try it out" fills in) sent as it
   * is, in the order a customer, the platform and a supervisor would send them, with the credential the
   * operation names. Only what no document can know in advance is put in: the code the SMS carried, the
   * number the example filing got, a case of the example phone with its water on (to rate), a filing the
   * platform could decide. Each gets the operation's documented
   * success status, and each answer has the fields of the documented response.
   */
  @Test
  void everyRequestExampleInTheOpenApiDocument_worksWhenSentAsItIs_andEachAnswerHasTheDocumentedShape() {
    OpenApiExamples document = new OpenApiExamples(api.send("GET", "/v3/api-docs", null).json());
    List<String> order = List.of("post /api/v1/verification-codes", "post /api/v1/sessions", "post /api/v1/applications",
        "get /api/v1/applications", "get /api/v1/applications/{applicationNumber}",
        "post /api/v1/applications/{applicationNumber}/withdrawal", "post /api/v1/applications/{applicationNumber}/rating",
        "post /api/v1/applications/{applicationNumber}/readiness",
        "get /api/v1/applications/{applicationNumber}/visits/{kind}", "post /api/v1/applications/{applicationNumber}/visits/{kind}",
        "get /api/v1/applications/{applicationNumber}/contract", "get /api/v1/applications/{applicationNumber}/contract/document",
        "post /api/v1/applications/{applicationNumber}/contract/signing-codes",
        "post /api/v1/applications/{applicationNumber}/contract/signature", "get /api/v1/staff/contracts/{applicationNumber}",
        "get /api/v1/staff/contracts/{applicationNumber}/document",
        "post /api/v1/staff/contracts/{applicationNumber}/counter-signature",
        "get /api/v1/staff/visits/{applicationNumber}/{kind}", "post /api/v1/staff/visits/{applicationNumber}/{kind}",
        "get /api/v1/applications/{applicationNumber}/quote", "post /api/v1/applications/{applicationNumber}/quote/acceptance",
        "post /api/v1/applications/{applicationNumber}/quote/payments", "post /api/v1/payment-notifications",
        "get /api/v1/staff/quotes/{applicationNumber}", "post /api/v1/staff/quotes/{applicationNumber}/acceptance",
        "post /api/v1/permit-decisions/{permitApplicationRef}",
        "get /api/scorecard", "get /api/scorecard/cases");
    List<OpenApiExamples.Operation> operations = document.operations().stream()
        .sorted(java.util.Comparator.comparingInt(operation -> order.indexOf(operation.method() + " " + operation.path())))
        .toList();
    assertThat(operations).extracting(operation -> operation.method() + " " + operation.path())
        .as("every operation of the document is tried here").containsExactlyElementsOf(order);

    ApiClient anonymous = api.anonymous().from("192.0.2.14");
    SmsCodes codes = new SmsCodes(dispatcher, sms);
    String permitCase = api.apply(ApiClient.application(), null).json().get("applicationNumber").asText();
    driveTo(permitCase, Stage.PERMITS);
    java.util.Map<String, String> pathValues = new java.util.HashMap<>(java.util.Map.of(
        "permitApplicationRef", filing(permitCase, PermitKind.ROAD).reference()));
    String connectedCase = api.apply(ApiClient.application(), null).json().get("applicationNumber").asText();
    driveTo(connectedCase, Stage.CALLBACK);
    // the counter signs a contract of its own: the customer signs the connected case's online first
    String counterCase = api.apply(ApiClient.application(), null).json().get("applicationNumber").asText();
    driveTo(counterCase, Stage.CALLBACK);
    // a case whose survey waits for the customer (docs/adr/0045): the customer says it is ready
    String pausedCase = api.apply(ApiClient.application(), null).json().get("applicationNumber").asText();
    driveTo(pausedCase, Stage.SURVEY);
    cases.complete(instance(pausedCase), SURVEY_SITE, TestCases.awaitingCustomer("customerPostponed"));
    // a case waiting for its survey visit: the customer books the earliest slot, then staff move it
    String surveyCase = api.apply(ApiClient.application(), null).json().get("applicationNumber").asText();
    driveTo(surveyCase, Stage.SURVEY);
    // two cases of a home whose DN150 pipe is charged and paid before the works (docs/adr/0043): the customer accepts
    // and pays one, the counter records the other's acceptance
    String quotedCase = api.apply(ApiClient.application("useType", "\"residential\""), null).json()
        .get("applicationNumber").asText();
    String counterQuoteCase = api.apply(ApiClient.application("useType", "\"residential\""), null).json()
        .get("applicationNumber").asText();
    for (String quoted : List.of(quotedCase, counterQuoteCase)) {
      driveTo(quoted, Stage.DESIGN);
      cases.complete(instance(quoted), DESIGN_SUPPLY_SCHEME, designed(150, 100, 86_000));
    }
    JsonNode paymentOrder = null;
    JsonNode visitSlots = null;
    java.util.Map<String, String> contractSha = new java.util.HashMap<>();
    String token = null;
    int shapesCompared = 0;
    for (OpenApiExamples.Operation operation : operations) {
      com.fasterxml.jackson.databind.node.ObjectNode body = document.exampleBody(operation);
      if (operation.path().equals("/api/v1/sessions")) {
        body.put("code", codes.sentTo(body.get("phone").asText()));
      }
      // what a signer must read first: the code its SMS brought and the SHA-256 of the contract it was shown
      if (operation.path().endsWith("/contract/signature")) {
        body.put("code", codes.sentTo(PHONE)).put("documentSha256", contractSha.get(connectedCase));
      } else if (operation.path().endsWith("/counter-signature")) {
        body.put("documentSha256", contractSha.get(counterCase));
      } else if (operation.path().equals("/api/v1/payment-notifications")) {
        // the order the customer started just before: its reference and amount are known only now
        body.put("paymentReference", paymentOrder.get("paymentReference").asText())
            .put("amount", paymentOrder.get("amount").decimalValue());
      } else if (operation.path().contains("/visits/") && body != null) {
        // which half-days are free is known only now: the customer takes the earliest, staff the next free one
        JsonNode slot = operation.path().startsWith("/api/v1/staff/") ? nextFreeSlot(visitSlots) : visitSlots.get("earliest");
        body.put("date", slot.get("date").asText()).put("halfDay", slot.get("halfDay").asText());
      }
      List<String> headers = new java.util.ArrayList<>(document.exampleHeaders(operation));
      if (body != null) {
        headers.addAll(List.of("Content-Type", "application/json"));
      }
      List<String> security = operation.security();
      ApiClient caller = anonymous;
      if (security.contains("customerSession")) {
        assertThat(token).as("a session from the sessions example").isNotNull();
        caller = anonymous.withSession(token);
      } else if (security.contains("paymentGatewayToken")) {
        headers.addAll(List.of("Authorization", "Bearer " + ApiClient.DEMO_PAYMENT_TOKEN));
      } else if (security.contains("permitPlatformToken")) {
        headers.addAll(List.of("Authorization", "Bearer " + ApiClient.DEMO_PLATFORM_TOKEN));
      } else if (security.contains("staffBasic")) {
        headers.addAll(List.of("Authorization", Staff.basic("wulei")));
      } else {
        assertThat(security).as(operation + " security").isEmpty();
      }
      String path = document.examplePath(operation, operation.path().startsWith("/api/v1/staff/contracts/")
          ? java.util.Map.of("applicationNumber", counterCase)
          : operation.path().contains("/visits/") ? java.util.Map.of("applicationNumber", surveyCase)
          : operation.path().endsWith("/readiness") ? java.util.Map.of("applicationNumber", pausedCase)
          : operation.path().startsWith("/api/v1/staff/quotes/") ? java.util.Map.of("applicationNumber", counterQuoteCase)
          : operation.path().contains("/quote") ? java.util.Map.of("applicationNumber", quotedCase)
          : operation.path().endsWith("/rating") || operation.path().contains("/contract")
              ? java.util.Map.of("applicationNumber", connectedCase) : pathValues);
      Answer answer = caller.send(operation.method().toUpperCase(), path, body == null ? null : body.toString(),
          headers.toArray(String[]::new));

      assertThat(answer.status()).as("%s %s with %s: %s", operation, path, body, answer.body())
          .isEqualTo(operation.successStatus());
      if (String.valueOf(answer.header("Content-Type")).startsWith("application/pdf")) {
        assertThat(answer.body()).as("%s: a PDF", operation).startsWith("%PDF-");
        shapesCompared++;
        continue;
      }
      JsonNode documented = document.exampleResponse(operation);
      if (operation.path().startsWith("/api/v1/applications/") && operation.path().contains("/visits/")
          && operation.method().equals("get")) {
        visitSlots = answer.json();
      }
      if (operation.path().endsWith("/quote/payments")) {
        paymentOrder = answer.json();
      }
      if (operation.path().contains("/contract") && operation.method().equals("get")) {
        contractSha.put(answer.json().get("applicationNumber").asText(), answer.json().get("documentSha256").asText());
      }
      if (documented != null) {
        assertThat(OpenApiExamples.shapeDifferences(documented, answer.json())).as("%s: documented %s, answered %s",
            operation, documented, answer.body()).isEmpty();
        shapesCompared++;
      }
      if (operation.path().equals("/api/v1/sessions")) {
        token = answer.json().get("token").asText();
      } else if (operation.path().equals("/api/v1/applications") && operation.method().equals("post")) {
        pathValues.put("applicationNumber", answer.json().get("applicationNumber").asText());
      }
    }
    assertThat(shapesCompared).as("every operation documents the body of its success").isEqualTo(operations.size());
  }

  private static JsonNode nextFreeSlot(JsonNode visit) {
    String earliest = visit.at("/earliest/label").asText();
    return StreamSupport.stream(visit.get("slots").spliterator(), false)
        .filter(slot -> slot.get("free").asInt() > 0 && !slot.get("label").asText().equals(earliest))
        .findFirst().orElseThrow();
  }

  // --- Pre-engagement (提前办) -----------------------------------------------------------------

  @Test
  void anApplicationNamingAProjectWithThePipeBuiltAhead_showsTheFastPathInItsStatus() {
    String reference = newProjectReference();
    cases.projectWaitingForApplication(reference, PreEngagementProcess.BUILD_AHEAD);

    Answer filed = api.apply(ApiClient.application("projectReference", "\"" + reference + "\""), null);
    assertThat(filed.status()).isEqualTo(201);
    String number = filed.json().get("applicationNumber").asText();
    JsonNode received = api.status(number, PHONE).json();
    assertThat(received.get("preEngagement").get("projectReference").asText()).isEqualTo(reference);
    assertThat(received.get("preEngagement").get("skippedStages")).isEmpty();
    assertThat(received.get("preEngagement").get("note").asText()).contains("受理后将关联");

    ProcessInstance instance = instance(number);
    cases.executeJobs(instance);
    cases.complete(instance, REVIEW_APPLICATION, accepted());
    // the pre-design's DN150 is charged: the customer accepts the quote, a credit connection (docs/adr/0043)
    assertThat(api.status(number, PHONE).json().get("stage").asText()).isEqualTo(Stage.PAYMENT.name());
    assertThat(api.acceptQuote(number, PHONE).status()).isEqualTo(200);

    JsonNode status = api.status(number, PHONE).json();
    assertThat(status.get("stage").asText()).isEqualTo(Stage.METERING.name());
    assertThat(status.get("preEngagement").get("skippedStages")).extracting(JsonNode::asText)
        .containsExactly("SURVEY", "DESIGN", "PERMITS", "CONSTRUCTION");
    assertThat(status.get("preEngagement").get("note").asText()).contains("直接装表通水");
    assertThat(status.get("history")).extracting(step -> step.get("stage").asText())
        .containsExactly("RECEIVED", "INTAKE", "PAYMENT", "METERING");
  }

  @Test
  void anApplicationWithoutAProjectReference_hasNoPreEngagementInItsStatus() {
    String number = api.apply(ApiClient.application(), null).json().get("applicationNumber").asText();

    assertThat(api.status(number, PHONE).json().get("preEngagement").isNull()).isTrue();
  }

  @Test
  void aProjectReferenceThatNamesNoOpenProject_isAnswered400NamingTheField_andNothingIsFiled() {
    int before = jdbc.queryForObject("SELECT COUNT(*) FROM application", Integer.class);

    Answer unknown = api.apply(ApiClient.application("projectReference", "\"" + newProjectReference() + "\""), null);
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");
    assertThat(unknown.json().get("errors")).singleElement().satisfies(error -> {
      assertThat(error.get("field").asText()).isEqualTo("projectReference");
      assertThat(error.get("message").asText()).contains("没有编号为").contains("不填此项按普通申请办理");
    });
    Answer malformed = api.apply(ApiClient.application("projectReference", "\"TQ-0001\""), null);
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.json().get("errors")).singleElement()
        .satisfies(error -> assertThat(error.get("field").asText()).isEqualTo("projectReference"));
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM application", Integer.class)).isEqualTo(before);
  }

  // --- Idempotency -----------------------------------------------------------------------------

  @Test
  void aRetriedRequestWithTheSameKey_returnsTheSameCase_neverASecondOne() {
    String key = "retry-" + System.nanoTime();
    Answer first = api.apply(ApiClient.application(), key);
    Answer retry = api.apply(ApiClient.application(), key);

    assertThat(first.status()).isEqualTo(201);
    assertThat(retry.status()).isEqualTo(200);
    assertThat(retry.json().get("applicationNumber")).isEqualTo(first.json().get("applicationNumber"));
    assertThat(casesWithKey(key)).isEqualTo(1);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(first.json().get("applicationNumber").asText()).count()).isEqualTo(1);
  }

  @Test
  void concurrentRequestsWithOneKey_fileOneCase_andAllAnswerWithIt() throws Exception {
    String key = "race-" + System.nanoTime();
    long instancesBefore = engine.getRuntimeService().createProcessInstanceQuery().count();
    @SuppressWarnings("unchecked")
    Callable<Answer>[] clients = new Callable[6];
    Arrays.fill(clients, (Callable<Answer>) () -> api.apply(ApiClient.application(), key));

    List<Answer> results = AtOnce.run(clients);

    assertThat(results).extracting(Answer::status).containsOnly(201, 200).containsOnlyOnce(201);
    assertThat(results).extracting(answer -> answer.json().get("applicationNumber").asText()).containsOnly(
        results.get(0).json().get("applicationNumber").asText());
    assertThat(casesWithKey(key)).isEqualTo(1);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isEqualTo(instancesBefore + 1);
  }

  @Test
  void theSameKeyForADifferentApplication_isRefusedWith422_andFilesNothing() {
    String key = "reused-" + System.nanoTime();
    Answer first = api.apply(ApiClient.application(), key);
    Answer other = api.apply(ApiClient.application("siteAddress", "\"荷塘区红旗北路 1 号\""), key);

    assertThat(other.status()).isEqualTo(422);
    assertThat(other.header("Content-Type")).startsWith("application/problem+json");
    assertThat(other.json().get("detail").asText()).contains(first.json().get("applicationNumber").asText())
        .contains("新的 Idempotency-Key");
    assertThat(casesWithKey(key)).isEqualTo(1);
  }

  // --- The customer rates the service (issue 16, docs/adr/0037) ---------------------------------------

  /** A customer of a fresh phone with their own session, from an address of their own. */
  ApiClient customer(String phone) {
    ApiClient anonymous = api.anonymous().from("10.16." + (phone.hashCode() & 0xff) + "." + (1 + (phone.hashCode() >>> 8 & 0x7f)));
    return anonymous.withSession(new SmsCodes(dispatcher, sms).token(anonymous, phone));
  }

  String fileFor(String phone) {
    Answer filed = api.apply(ApiClient.application("contactPhone", "\"" + phone + "\""), null);
    assertThat(filed.status()).as(filed.body()).isEqualTo(201);
    return filed.json().get("applicationNumber").asText();
  }

  @Test
  void afterWaterOn_theSessionPhoneRatesItsCaseOnce_theCallbackTaskHasIt_andTheStatusKeepsIt() {
    String phone = SmsCodes.freshPhone("136");
    ApiClient customer = customer(phone);
    String surveyed = fileFor(phone);
    driveTo(surveyed, Stage.SURVEY);
    assertThat(customer.status(surveyed, phone).json().get("canRate").asBoolean()).isFalse();
    Answer early = customer.postJson("/api/v1/applications/" + surveyed + "/rating", "{\"score\":5}");
    assertThat(early.status()).as(early.body()).isEqualTo(409);
    assertThat(early.json().get("detail").asText()).contains("尚未通水").contains("现场查勘");

    String number = fileFor(phone);
    driveTo(number, Stage.CALLBACK);
    assertThat(customer.status(number, phone).json().get("canRate").asBoolean()).isTrue();
    Answer rated = customer.postJson("/api/v1/applications/" + number + "/rating",
        "{\"score\":4,\"comment\":\"  装表师傅准时，讲解清楚  \"}");
    assertThat(rated.status()).as(rated.body()).isEqualTo(201);
    assertThat(rated.json().at("/rating/score").asInt()).isEqualTo(4);
    assertThat(rated.json().at("/rating/comment").asText()).isEqualTo("装表师傅准时，讲解清楚");
    assertThat(rated.json().get("canRate").asBoolean()).isFalse();

    // The callback task has it among its form variables (the form itself does not show it yet: docs/adr/0037).
    String task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(number)
        .taskDefinitionKey(CALL_BACK_CUSTOMER).singleResult().getId();
    assertThat(engine.getFormService().getTaskFormVariables(task).getValue("onlineRating", String.class))
        .startsWith("4 分（满意）：装表师傅准时，讲解清楚").contains("在客户页面评价");

    Answer again = customer.postJson("/api/v1/applications/" + number + "/rating", "{\"score\":1}");
    assertThat(again.status()).as(again.body()).isEqualTo(409);
    assertThat(again.header("Content-Type")).startsWith("application/problem+json");
    assertThat(again.json().get("detail").asText()).contains("已于").contains("评价过（4 分）").contains("只能评价一次");

    cases.complete(instance(number), CALL_BACK_CUSTOMER, calledBack(5, "满意"));
    cases.contractSigned(instance(number), contracts);
    JsonNode closed = customer.status(number, phone).json();
    assertThat(closed.get("outcome").asText()).isEqualTo("WATER_CONNECTED");
    assertThat(closed.at("/rating/score").asInt()).isEqualTo(4);
    assertThat(closed.get("canRate").asBoolean()).isFalse();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM service_rating WHERE application_number = ?", Integer.class,
        number)).isEqualTo(1);
  }

  @Test
  void aClosedConnectedCase_canStillBeRated_butAnotherPhonesCaseIs404_andAWithdrawnOne409() {
    String phone = SmsCodes.freshPhone("135");
    String connected = fileFor(phone);
    driveTo(connected, Stage.CALLBACK);
    cases.complete(instance(connected), CALL_BACK_CUSTOMER, calledBack(5, "满意"));
    cases.contractSigned(instance(connected), contracts);
    String withdrawn = fileFor(phone);
    assertThat(api.withdraw(withdrawn, phone, "项目延期").status()).isEqualTo(200);
    ApiClient stranger = customer(SmsCodes.freshPhone("134"));

    Answer notTheirs = stranger.postJson("/api/v1/applications/" + connected + "/rating", "{\"score\":1}");
    assertThat(notTheirs.status()).as(notTheirs.body()).isEqualTo(404);
    assertThat(notTheirs.json().get("detail").asText()).contains("没有找到编号为 " + connected);
    ApiClient owner = customer(phone);
    Answer noWater = owner.postJson("/api/v1/applications/" + withdrawn + "/rating", "{\"score\":3}");
    assertThat(noWater.status()).as(noWater.body()).isEqualTo(409);
    assertThat(noWater.json().get("detail").asText()).contains("没有通水，无需评价");
    Answer late = owner.postJson("/api/v1/applications/" + connected + "/rating", "{\"score\":5}");
    assertThat(late.status()).as(late.body()).isEqualTo(201);
    assertThat(late.json().get("rating").get("comment").isNull()).as("no comment given").isTrue();
    assertThat(api.anonymous().postJson("/api/v1/applications/" + connected + "/rating", "{\"score\":5}").status())
        .isEqualTo(401);
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"{}", "{\"score\":0}", "{\"score\":6}", "{\"score\":4.5}",
      "{\"score\":\"5\"}", "{\"score\":null}", "{\"score\":5,\"comment\":\"LONG\"}", "{\"score\":5,\"stars\":5}"})
  void badRatings_are400WithAChineseReasonOnTheField_andRecordNothing(String body) {
    String phone = SmsCodes.freshPhone("133");
    String number = fileFor(phone);
    driveTo(number, Stage.CALLBACK);
    Answer refused = api.postJson("/api/v1/applications/" + number + "/rating", body.replace("LONG", "很".repeat(501)),
        ApiClient.CONTACT_PHONE, phone);

    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
    String field = body.contains("LONG") ? "comment" : body.contains("stars") ? "stars" : "score";
    assertThat(refused.json().get("errors")).as(refused.body()).anySatisfy(error -> {
      assertThat(error.get("field").asText()).isEqualTo(field);
      assertThat(error.get("message").asText()).containsPattern("[\\u4e00-\\u9fa5]");
    });
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM service_rating WHERE application_number = ?", Integer.class,
        number)).isZero();
  }

  @Test
  void twoRatingsOfOneCaseAtOnce_recordOne_andTheOtherIsToldItWasRated() throws Exception {
    String phone = SmsCodes.freshPhone("132");
    String number = fileFor(phone);
    driveTo(number, Stage.CALLBACK);
    String path = "/api/v1/applications/" + number + "/rating";

    List<Answer> answers = AtOnce.run(() -> api.postJson(path, "{\"score\":5}", ApiClient.CONTACT_PHONE, phone),
        () -> api.postJson(path, "{\"score\":2}", ApiClient.CONTACT_PHONE, phone),
        () -> api.postJson(path, "{\"score\":3}", ApiClient.CONTACT_PHONE, phone));

    assertThat(answers).extracting(Answer::status).as(answers.toString()).containsOnly(201, 409).containsOnlyOnce(201);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM service_rating WHERE application_number = ?", Integer.class,
        number)).isEqualTo(1);
  }

  // --- Status lookup ---------------------------------------------------------------------------

  @Test
  void statusWithAWrongPhone_answersExactlyAsForACaseThatDoesNotExist() {
    String number = file();
    Answer wrongPhone = api.status(number, "13900000000");
    Answer unknown = api.status("GW-1999-999999", PHONE);

    assertThat(wrongPhone.status()).isEqualTo(404);
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(wrongPhone.json().get("title")).isEqualTo(unknown.json().get("title"));
    assertThat(wrongPhone.json().get("detail").asText().replace(number, "N"))
        .isEqualTo(unknown.json().get("detail").asText().replace("GW-1999-999999", "N"));
    assertThat(wrongPhone.body()).doesNotContain("RECEIVED", "applicantName", "株洲");
  }

  // --- Withdrawal ------------------------------------------------------------------------------

  @ParameterizedTest(name = "withdrawn while in {0}")
  @EnumSource(value = Stage.class, names = {"RECEIVED", "INTAKE", "SURVEY", "PERMITS", "CONSTRUCTION", "METERING"})
  void theApplicantCanWithdraw_untilTheWaterIsOn_andOnlyOnce(Stage stage) {
    String number = file();
    driveTo(number, stage);
    assertThat(records.find(number).orElseThrow().stage()).isEqualTo(stage);
    List<String> inFlight = filings.filingsFor(number).stream().filter(filing -> !filing.decided())
        .map(FiledPermit::reference).toList();
    assertThat(inFlight).as("filings waiting for a decision").hasSize(stage == Stage.PERMITS ? 2 : 0);
    assertThat(workOrders.forCase(number)).as("work orders issued")
        .hasSize(stage == Stage.CONSTRUCTION || stage == Stage.METERING ? 1 : 0);

    Answer withdrawn = api.withdraw(number, PHONE, "项目延期，暂不用水");
    assertThat(withdrawn.status()).isEqualTo(200);
    assertThat(withdrawn.json().get("stage").asText()).isEqualTo("WITHDRAWAL");
    Answer again = api.withdraw(number, PHONE, "再撤一次");
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().get("detail").asText()).contains("已在撤回中");

    ProcessInstance instance = instance(number);
    cases.executeJobs(instance);
    BpmnAwareTests.assertThat(instance).isEnded().hasPassed(Elements.END_APPLICATION_WITHDRAWN);
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).count()).isZero();
    assertThat(records.find(number).orElseThrow().outcome()).isEqualTo(Outcome.WITHDRAWN);
    assertThat(outbox.noticesFor(number)).extracting(notice -> notice.type()).contains(NoticeType.APPLICATION_WITHDRAWN);
    assertThat(api.withdraw(number, PHONE, "又撤一次").status()).isEqualTo(409);
    // What was started outside is undone once (docs/adr/0031): each filing in flight withdrawn at the platform and
    // marked in permit_filing, decided ones left alone, the work order cancelled.
    assertThat(platform.withdrawalsFor(number)).extracting(PermitWithdrawal::reference)
        .containsExactlyInAnyOrderElementsOf(inFlight);
    assertThat(filings.filingsFor(number)).allSatisfy(filing ->
        assertThat(filing.withdrawn()).as(filing.reference()).isEqualTo(inFlight.contains(filing.reference())));
    // A work order is cancelled while the pipe is being laid; once it passed its pressure test the order is done.
    assertThat(workOrders.forCase(number)).allSatisfy(order ->
        assertThat(order.cancelled()).as(order.number()).isEqualTo(stage == Stage.CONSTRUCTION));
  }

  @Test
  void afterWaterOn_withdrawalIsRefusedWith409_andTheCaseGoesOn() {
    String number = file();
    driveTo(number, Stage.CALLBACK);

    Answer refused = api.withdraw(number, PHONE, "不想要了");
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.json().get("detail").asText()).contains("已装表通水");
    BpmnAwareTests.assertThat(instance(number)).isWaitingAt(CALL_BACK_CUSTOMER);
  }

  @Test
  void aFinishedCase_cannotBeWithdrawn_andAWrongPhoneCannotWithdrawAtAll() {
    String number = file();
    ProcessInstance instance = instance(number);
    cases.executeJobs(instance);
    assertThat(api.withdraw(number, "13900000000", "别人的申请").status()).isEqualTo(404);
    cases.complete(instance, REVIEW_APPLICATION, rejected("用水地址不在供水范围内"));
    cases.executeJobs(instance);

    Answer refused = api.withdraw(number, PHONE, "算了");
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.json().get("detail").asText()).contains("已办结").contains("不予受理");
  }

  // --- Permit platform callback ----------------------------------------------------------------

  @Test
  void aPlatformApproval_endsThePermitsWaitForIt_andASecondReportIs409() {
    String number = file();
    driveTo(number, Stage.PERMITS);
    FiledPermit road = filing(number, PermitKind.ROAD);

    Answer approved = api.decide(road.reference(), "{\"decision\":\"approved\",\"permitNumber\":\"株建占字〔2026〕201号\"}");
    assertThat(approved.status()).isEqualTo(200);
    assertThat(approved.json().get("applicationNumber").asText()).isEqualTo(number);
    assertThat(waitsForThePlatform(number, PermitKind.ROAD)).isFalse();
    assertThat(passed(number, AWAIT_ROAD_PERMIT_DECISION)).isEqualTo(1);
    assertThat(taskCount(number, RECORD_ROAD_PERMIT_DECISION)).as("the agent never had to record it").isZero();
    assertThat(waitsForThePlatform(number, PermitKind.GREENERY)).isTrue();
    assertThat(filings.find(road.reference()).orElseThrow().decidedVia()).isEqualTo(PermitFilings.VIA_PLATFORM);
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance(number).getId())
        .variableName("roadPermitNumber").singleResult().getValue()).isEqualTo("株建占字〔2026〕201号");

    Answer twice = api.decide(road.reference(), "{\"decision\":\"rejected\",\"rejectionReason\":\"重复\"}");
    assertThat(twice.status()).isEqualTo(409);
    assertThat(twice.json().get("detail").asText()).contains("不能重复登记");
  }

  @Test
  void bothPermitDecisionsArrivingAtOnce_areEachAppliedOnce_andConstructionStartsOnce() throws Exception {
    String number = file();
    driveTo(number, Stage.PERMITS);
    FiledPermit road = filing(number, PermitKind.ROAD);
    FiledPermit greenery = filing(number, PermitKind.GREENERY);

    List<Answer> answers = AtOnce.run(
        () -> api.decide(road.reference(), "{\"decision\":\"approved\",\"permitNumber\":\"株建占字〔2026〕301号\"}"),
        () -> api.decide(greenery.reference(), "{\"decision\":\"approved\",\"permitNumber\":\"株园林许〔2026〕301号\"}"));
    cases.executeJobs(instance(number));

    assertThat(answers).extracting(Answer::status).as(answers.toString()).containsOnly(200);
    assertThat(filings.find(road.reference()).orElseThrow().decidedVia()).isEqualTo(PermitFilings.VIA_PLATFORM);
    assertThat(filings.find(greenery.reference()).orElseThrow().decidedVia()).isEqualTo(PermitFilings.VIA_PLATFORM);
    assertThat(passed(number, AWAIT_ROAD_PERMIT_DECISION)).isEqualTo(1);
    assertThat(passed(number, AWAIT_GREENERY_PERMIT_DECISION)).isEqualTo(1);
    assertThat(taskCount(number, BUILD_EXTERNAL_PIPELINE)).as("construction starts once").isEqualTo(1);
  }

  @Test
  void theSameDecisionReportedTwiceAtOnce_isAppliedOnce_andTheOtherReportIs409() throws Exception {
    String number = file();
    driveTo(number, Stage.PERMITS);
    FiledPermit road = filing(number, PermitKind.ROAD);
    String approval = "{\"decision\":\"approved\",\"permitNumber\":\"株建占字〔2026〕302号\"}";

    List<Answer> answers = AtOnce.run(() -> api.decide(road.reference(), approval), () -> api.decide(road.reference(), approval));

    assertThat(answers).extracting(Answer::status).as(answers.toString()).containsExactlyInAnyOrder(200, 409);
    assertThat(passed(number, AWAIT_ROAD_PERMIT_DECISION)).isEqualTo(1);
    assertThat(waitsForThePlatform(number, PermitKind.GREENERY)).isTrue();
  }

  @Test
  void aPlatformRejection_sendsThePermitBackForRevision_andTheRefilingGetsItsOwnReference() {
    String number = file();
    driveTo(number, Stage.PERMITS);
    FiledPermit greenery = filing(number, PermitKind.GREENERY);

    assertThat(api.decide(greenery.reference(), "{\"decision\":\"rejected\",\"rejectionReason\":\"需避开古树保护范围\"}")
        .status()).isEqualTo(200);
    ProcessInstance instance = instance(number);
    BpmnAwareTests.assertThat(instance).isWaitingAt(REVISE_GREENERY_PERMIT_APPLICATION, AWAIT_ROAD_PERMIT_DECISION);
    cases.complete(instance, REVISE_GREENERY_PERMIT_APPLICATION, permitRevised("改线绕行 15 米"));

    FiledPermit refiled = filing(number, PermitKind.GREENERY);
    assertThat(refiled.reference()).isNotEqualTo(greenery.reference()).endsWith("-2");
    assertThat(api.decide(greenery.reference(), "{\"decision\":\"approved\",\"permitNumber\":\"迟到的结果\"}").status())
        .isEqualTo(409);
    assertThat(api.decide(refiled.reference(), "{\"decision\":\"approved\",\"permitNumber\":\"株园林许〔2026〕21号\"}")
        .status()).isEqualTo(200);
  }

  /**
   * The platform's decision and the fallback timer at the same moment (docs/adr/0041): whichever commits first, the
   * decision is applied once and answered 200 — to the waiting permit, or, when the timer won, to the agent's task it
   * has just opened (a lost race is applied again, never answered 409, which the platform takes for "already decided").
   */
  @Test
  void aPlatformDecisionRacingTheFallbackTimer_isApplied_andAnswered200_whicheverCommitsFirst() throws Exception {
    for (int round = 1; round <= 3; round++) {
      String number = file();
      driveTo(number, Stage.PERMITS);
      FiledPermit road = filing(number, PermitKind.ROAD);
      String timer = cases.fallbackTimer(instance(number), PermitKind.ROAD);
      String permitNumber = "株建占字〔2026〕3" + round + "号";

      List<Object> outcomes = AtOnce.run(
          () -> api.decide(road.reference(), "{\"decision\":\"approved\",\"permitNumber\":\"" + permitNumber + "\"}"),
          () -> {
            try {
              engine.getManagementService().executeJob(timer);
              return "timer fired";
            } catch (RuntimeException lost) {
              return "timer lost: " + lost.getClass().getSimpleName();
            }
          });
      cases.executeJobs(instance(number));

      Answer decided = (Answer) outcomes.get(0);
      assertThat(decided.status()).as("round %d (%s): %s", round, outcomes.get(1), decided.body()).isEqualTo(200);
      assertThat(filings.find(road.reference()).orElseThrow().decidedVia()).isEqualTo(PermitFilings.VIA_PLATFORM);
      assertThat(taskCount(number, RECORD_ROAD_PERMIT_DECISION)).as("no agent's task left to wait for a person")
          .isZero();
      assertThat(engine.getRuntimeService().getVariable(instance(number).getId(), "roadPermitNumber"))
          .isEqualTo(permitNumber);
      assertThat(waitsForThePlatform(number, PermitKind.ROAD)).isFalse();
    }
  }

  @Test
  void aDecisionTheAgentRecordedInTasklist_isNotAppliedAgainByACallback() {
    String number = file();
    driveTo(number, Stage.PERMITS);
    FiledPermit road = filing(number, PermitKind.ROAD);
    cases.platformSilent(instance(number), PermitKind.ROAD);
    cases.complete(instance(number), RECORD_ROAD_PERMIT_DECISION, permitApproved("株建占字〔2026〕7号"));

    assertThat(filings.find(road.reference()).orElseThrow().decidedVia()).isEqualTo(PermitFilings.VIA_TASKLIST);
    Answer late = api.decide(road.reference(), "{\"decision\":\"approved\",\"permitNumber\":\"株建占字〔2026〕7号\"}");
    assertThat(late.status()).isEqualTo(409);
  }

  /** A filing-only procedure (备案, short works) waits for no decision: a report for it is answered 409 saying so. */
  @Test
  void aDecisionForAFilingOnlyProcedure_is409_andTheCaseHasGoneOnWithoutIt() {
    String number = file();
    ProcessInstance instance = instance(number);
    cases.executeJobs(instance);
    cases.complete(instance, REVIEW_APPLICATION, accepted());
    cases.complete(instance, SURVEY_SITE, surveyed(120, true, false));
    cases.complete(instance, DESIGN_SUPPLY_SCHEME, designed(80, 50, 26_000));
    FiledPermit road = filing(number, PermitKind.ROAD);
    assertThat(road.procedure()).isEqualTo("filing");
    assertThat(taskCount(number, BUILD_EXTERNAL_PIPELINE)).as("construction goes ahead").isEqualTo(1);

    Answer answer = api.decide(road.reference(), "{\"decision\":\"approved\",\"permitNumber\":\"株建占字〔2026〕9号\"}");
    assertThat(answer.status()).isEqualTo(409);
    assertThat(answer.json().get("detail").asText()).contains("备案").contains("不需要");
    assertThat(filings.find(road.reference()).orElseThrow().decided()).isFalse();
  }

  /** After the platform's silence the agent's task is open; the platform's late decision completes it (docs/adr/0041). */
  @Test
  void aPlatformDecisionArrivingWhileTheAgentsTaskIsOpen_completesThatTask_once() {
    String number = file();
    driveTo(number, Stage.PERMITS);
    FiledPermit road = filing(number, PermitKind.ROAD);
    cases.platformSilent(instance(number), PermitKind.ROAD);
    assertThat(taskCount(number, RECORD_ROAD_PERMIT_DECISION)).isEqualTo(1);

    Answer late = api.decide(road.reference(), "{\"decision\":\"approved\",\"permitNumber\":\"株建占字〔2026〕8号\"}");
    assertThat(late.status()).as(late.body()).isEqualTo(200);
    assertThat(taskCount(number, RECORD_ROAD_PERMIT_DECISION)).as("the agent's task is done").isZero();
    assertThat(finishedTasks(number, RECORD_ROAD_PERMIT_DECISION)).isEqualTo(1);
    assertThat(filings.find(road.reference()).orElseThrow().decidedVia()).isEqualTo(PermitFilings.VIA_PLATFORM);
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance(number).getId())
        .variableName("roadPermitNumber").singleResult().getValue()).isEqualTo("株建占字〔2026〕8号");
    assertThat(api.decide(road.reference(), "{\"decision\":\"approved\",\"permitNumber\":\"株建占字〔2026〕8号\"}")
        .status()).as("the same report again").isEqualTo(409);
  }

  @Test
  void callbacks_forUnknownFilings404_forWithdrawnCases409_withoutTheToken401() {
    assertThat(api.decide("ZD-GW-1999-000001-1", "{\"decision\":\"approved\",\"permitNumber\":\"x\"}").status())
        .isEqualTo(404);

    String number = file();
    driveTo(number, Stage.PERMITS);
    FiledPermit road = filing(number, PermitKind.ROAD);
    String approval = "{\"decision\":\"approved\",\"permitNumber\":\"株建占字〔2026〕9号\"}";

    Answer noToken = api.postJson("/api/v1/permit-decisions/" + road.reference(), approval);
    Answer wrongToken = api.postJson("/api/v1/permit-decisions/" + road.reference(), approval,
        "Authorization", "Bearer guessed");
    Answer staffLogin = api.postJson("/api/v1/permit-decisions/" + road.reference(), approval,
        "Authorization", "Basic Y2hlbmppZTpkZW1v");
    for (Answer refused : List.of(noToken, wrongToken, staffLogin)) {
      assertThat(refused.status()).isEqualTo(401);
      assertThat(refused.header("WWW-Authenticate")).startsWith("Bearer");
    }
    assertThat(waitsForThePlatform(number, PermitKind.ROAD)).as("nothing was applied").isTrue();

    assertThat(api.withdraw(number, PHONE, "不做了").status()).isEqualTo(200);
    Answer afterWithdrawal = api.decide(road.reference(), approval);
    assertThat(afterWithdrawal.status()).isEqualTo(409);
    assertThat(afterWithdrawal.json().get("detail").asText()).contains("没有在等待");
    cases.executeJobs(instance(number)); // the withdrawal's steps: the filing is withdrawn at the platform
    Answer afterFilingWithdrawn = api.decide(road.reference(), approval);
    assertThat(afterFilingWithdrawn.status()).isEqualTo(409);
    assertThat(afterFilingWithdrawn.json().get("detail").asText()).contains("已于").contains("撤回");
  }

  // --- Helpers ---------------------------------------------------------------------------------

  String file() {
    Answer filed = api.apply(ApiClient.application(), null);
    assertThat(filed.status()).as(filed.body()).isEqualTo(201);
    return filed.json().get("applicationNumber").asText();
  }

  ProcessInstance instance(String number) {
    String id = records.find(number).orElseThrow().processInstanceId();
    ProcessInstance running = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(id).singleResult();
    assertThat(running).as("running case %s", number).isNotNull();
    return running;
  }

  /** Completes the tasks of a case with both permits until it is in the given stage. */
  void driveTo(String number, Stage stage) {
    ProcessInstance instance = instance(number);
    List<Stage> path = List.of(Stage.RECEIVED, Stage.INTAKE, Stage.SURVEY, Stage.DESIGN, Stage.PERMITS,
        Stage.CONSTRUCTION, Stage.METERING, Stage.CALLBACK);
    for (Stage next : path.subList(1, path.indexOf(stage) + 1)) {
      switch (next) {
        case INTAKE -> cases.executeJobs(instance);
        case SURVEY -> cases.complete(instance, REVIEW_APPLICATION, accepted());
        case DESIGN -> cases.complete(instance, SURVEY_SITE, surveyed(180, true, true));
        case PERMITS -> cases.complete(instance, DESIGN_SUPPLY_SCHEME, designed(80, 50, 26_000));
        case CONSTRUCTION -> {
          cases.permitDecided(instance, PermitKind.ROAD, permitApproved("株建占字〔2026〕1号"));
          cases.permitDecided(instance, PermitKind.GREENERY, permitApproved("株园林许〔2026〕1号"));
        }
        case METERING -> cases.complete(instance, BUILD_EXTERNAL_PIPELINE, pipelineBuilt());
        case CALLBACK -> cases.complete(instance, INSTALL_METER, meterInstalled(50));
        default -> throw new IllegalArgumentException(next.name());
      }
    }
  }

  FiledPermit filing(String number, PermitKind kind) {
    return filings.filingsFor(number).stream().filter(filing -> filing.kind() == kind)
        .reduce((earlier, later) -> later).orElseThrow();
  }

  long finishedTasks(String number, String taskDefinitionKey) {
    return engine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceBusinessKey(number)
        .taskDefinitionKey(taskDefinitionKey).finished().count();
  }

  /** Whether the case's permit of this kind waits for the platform's decision message. */
  boolean waitsForThePlatform(String number, PermitKind kind) {
    return engine.getRuntimeService().createEventSubscriptionQuery().processInstanceId(instance(number).getId())
        .eventName(kind.decisionMessage()).count() == 1;
  }

  /** How often the case went through this activity to its end. */
  long passed(String number, String activityId) {
    return engine.getHistoryService().createHistoricActivityInstanceQuery()
        .processInstanceId(instance(number).getId()).activityId(activityId).finished().count();
  }

  long taskCount(String number, String taskDefinitionKey) {
    return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(number)
        .taskDefinitionKey(taskDefinitionKey).count();
  }

  int casesWithKey(String key) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM application WHERE client_reference = ?", Integer.class, key);
  }
}
