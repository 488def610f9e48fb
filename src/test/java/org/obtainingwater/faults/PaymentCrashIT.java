package org.obtainingwater.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.DESIGN_SUPPLY_SCHEME;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.INSTALL_METER;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.REVIEW_APPLICATION;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.SURVEY_SITE;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.obtainingwater.process.ObtainingWaterProcess;
import org.obtainingwater.support.Answer;
import org.obtainingwater.support.ApiClient;
import org.obtainingwater.support.Http;
import org.obtainingwater.support.Staff;
import org.obtainingwater.support.TestPostgres;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Killing the application between the payment gateway's notification and its effect repeats nothing
 * (docs/adr/0043). The application runs in a child JVM on PostgreSQL ({@link CrashRecoveryIT.Application}). Two
 * cases wait for their quoted fee: one is notified and answered before the kill; for the other the test holds the
 * case record's row lock, so the notification stops inside its transaction (the order's row locked, nothing
 * committed) and the application is killed with SIGKILL there. After the restart the gateway sends both again, as it
 * does until answered: the interrupted one takes effect once, every repeat is answered as the first, and each case
 * passed its payment wait exactly once and has exactly one meter installation task.
 */
class PaymentCrashIT {

  static final String PHONE = ApiClient.PHONE;
  static final Duration WITHIN = Duration.ofSeconds(120);

  static EmbeddedPostgres database;
  static JdbcTemplate jdbc;
  static Path work;
  static int port;

  @BeforeAll
  static void startDatabase() throws IOException {
    database = TestPostgres.testDefault().start();
    jdbc = new JdbcTemplate(database.getPostgresDatabase());
    work = Files.createDirectories(Path.of("target", "payment-crash", Long.toString(System.currentTimeMillis())));
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
  }

  @AfterAll
  static void stopDatabase() throws IOException {
    CrashRecoveryIT.Application.STARTED.forEach(process -> process.destroyForcibly());
    if (database != null) {
      database.close();
    }
  }

  @Test
  void killedBetweenThePaymentNotificationAndItsEffect_theGatewaysRetryTakesEffectOnce_andRepeatsDoNothing()
      throws Exception {
    Staff staff = Staff.engineRest(Http.to(port).withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(30)));
    ApiClient api = new ApiClient(Http.to(port).withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(30)));
    CrashRecoveryIT.Application first = CrashRecoveryIT.Application.start("life-1", database, port,
        work.resolve("adapters.journal"), work);
    first.awaitServing(staff);

    String answered = waitingForPayment(staff, api);
    String interrupted = waitingForPayment(staff, api);
    String answeredReference = reference(api, answered);
    String interruptedReference = reference(api, interrupted);
    String answeredNotification = ApiClient.paymentNotification(answeredReference, "86000.00", "4200200001");
    String interruptedNotification = ApiClient.paymentNotification(interruptedReference, "86000.00", "4200200002");
    Answer before = api.paymentNotified(answeredNotification);
    assertThat(before.status()).as(before.body()).isEqualTo(200);

    // The test holds the interrupted case's record: the notification stops inside its transaction, and dies there.
    try (Connection holder = database.getPostgresDatabase().getConnection()) {
      holder.setAutoCommit(false);
      try (PreparedStatement lock = holder.prepareStatement(
          "SELECT application_number FROM application WHERE application_number = ? FOR UPDATE")) {
        lock.setString(1, interrupted);
        lock.executeQuery().close();
      }
      CompletableFuture<Integer> inFlight = CompletableFuture.supplyAsync(() -> {
        try {
          return api.paymentNotified(interruptedNotification).status();
        } catch (UncheckedIOException connectionCut) {
          return -1;
        }
      });
      await(() -> jdbc.queryForObject("SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
          + "AND query LIKE '%FROM application%FOR UPDATE%'", Integer.class) == 1, "the notification waiting inside");
      assertThat(first.kill()).as("SIGKILL").isEqualTo(137);
      assertThat(inFlight.get()).as("the gateway got no answer").isEqualTo(-1);
      holder.rollback();
    }
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM payment_order WHERE reference = ? AND paid_at IS NOT NULL",
        Integer.class, interruptedReference)).as("nothing of the interrupted notification committed").isZero();
    assertThat(openTasks(interrupted, INSTALL_METER)).isZero();

    CrashRecoveryIT.Application second = CrashRecoveryIT.Application.start("life-2", database, port,
        work.resolve("adapters.journal"), work);
    try {
      second.awaitServing(staff);
      Answer retried = api.paymentNotified(interruptedNotification);
      assertThat(retried.status()).as(retried.body()).isEqualTo(200);
      assertThat(retried.json().get("effect").asText()).isEqualTo("CASE_CONTINUED");
      for (int repeat = 0; repeat < 2; repeat++) {
        assertThat(api.paymentNotified(interruptedNotification).json()).isEqualTo(retried.json());
        assertThat(api.paymentNotified(answeredNotification).json()).isEqualTo(before.json());
      }
    } finally {
      second.stop();
    }

    for (String number : new String[] {answered, interrupted}) {
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM payment_order WHERE application_number = ? "
          + "AND paid_at IS NOT NULL", Integer.class, number)).as(number + " paid once").isEqualTo(1);
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM act_hi_actinst i JOIN act_hi_procinst p "
          + "ON p.proc_inst_id_ = i.proc_inst_id_ WHERE p.business_key_ = ? AND i.act_id_ = ? AND i.end_time_ IS NOT NULL",
          Integer.class, number, ObtainingWaterProcess.Elements.AWAIT_PAYMENT)).as(number + " left its payment wait once")
          .isEqualTo(1);
      assertThat(openTasks(number, INSTALL_METER)).as(number + " one meter installation").isEqualTo(1);
    }
  }

  /** Files a home's application and works it through engine-rest to its quote (DN150), accepted: waiting to be paid. */
  private String waitingForPayment(Staff staff, ApiClient api) throws Exception {
    Answer filed = api.apply(ApiClient.application("useType", "\"residential\""), null);
    assertThat(filed.status()).as(filed.body()).isEqualTo(201);
    String number = filed.json().get("applicationNumber").asText();
    complete(staff, number, REVIEW_APPLICATION, "lina", Map.of("intakeDecision", "accepted"));
    Map<String, Object> survey = new LinkedHashMap<>();
    survey.putAll(Map.of("surveyConclusion", "feasible", "connectionPoint", "建设南路 DN300 市政管", "externalPipeLength", 0,
        "crossesRoad", false, "crossesGreenBelt", false, "peakFlow", 60.0, "meterPosition", "红线内东侧围墙处"));
    complete(staff, number, SURVEY_SITE, "wangqiang", survey);
    complete(staff, number, DESIGN_SUPPLY_SCHEME, "zhaomin", Map.of("supplyPipeDn", 150, "meterDn", 100,
        "inRedLineBudget", 86000));
    await(() -> jdbc.queryForObject("SELECT COUNT(*) FROM act_ru_event_subscr s JOIN act_ru_execution e "
        + "ON e.id_ = s.proc_inst_id_ AND e.business_key_ = ? WHERE s.event_name_ = ?", Integer.class, number,
        ObtainingWaterProcess.MESSAGE_QUOTE_ACCEPTED) == 1, number + " waiting for the quote's acceptance");
    Answer accepted = api.acceptQuote(number, PHONE);
    assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
    assertThat(accepted.json().get("state").asText()).isEqualTo("AWAITING_PAYMENT");
    return number;
  }

  /** The customer starts paying: the order's reference, which the gateway's notification names. */
  private static String reference(ApiClient api, String number) {
    Answer order = api.pay(number, PHONE);
    assertThat(order.status()).as(order.body()).isEqualTo(200);
    return order.json().get("paymentReference").asText();
  }

  /** Waits for the stage's task (the job executor runs the steps before it), then completes it as its user. */
  private static void complete(Staff staff, String number, String task, String user, Map<String, Object> entered)
      throws Exception {
    JsonNode[] open = new JsonNode[1];
    await(() -> {
      Answer tasks = staff.as(user).get("/task?processInstanceBusinessKey=" + number + "&taskDefinitionKey=" + task);
      open[0] = tasks.status() == 200 && tasks.json().size() == 1 ? tasks.json().get(0) : null;
      return open[0] != null;
    }, number + " at " + task);
    Map<String, Object> variables = new LinkedHashMap<>();
    entered.forEach((name, value) -> variables.put(name, Map.of("value", value)));
    Answer done = staff.as(user).post("/task/" + open[0].get("id").asText() + "/complete", Map.of("variables", variables));
    assertThat(done.status()).as(task + ": " + done.body()).isEqualTo(204);
  }

  private static int openTasks(String number, String task) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM act_ru_task t JOIN act_ru_execution e ON e.id_ = t.proc_inst_id_ "
        + "WHERE e.business_key_ = ? AND t.task_def_key_ = ?", Integer.class, number, task);
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    Instant deadline = Instant.now().plus(WITHIN);
    while (Instant.now().isBefore(deadline)) {
      if (condition.getAsBoolean()) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("waited " + WITHIN.toSeconds() + " s in vain for " + what);
  }
}
