package org.obtainingwater.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.BUILD_EXTERNAL_PIPELINE;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.CALL_BACK_CUSTOMER;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.DESIGN_SUPPLY_SCHEME;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.INSTALL_METER;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.RECORD_GREENERY_PERMIT_DECISION;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.RECORD_ROAD_PERMIT_DECISION;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.REVIEW_APPLICATION;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.SURVEY_SITE;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.obtainingwater.ObtainingWaterApplication;
import org.obtainingwater.adapters.AdapterJournal.Entry;
import org.obtainingwater.adapters.AdapterJournal.Kind;
import org.obtainingwater.adapters.AdapterJournal;
import org.obtainingwater.adapters.RecordingBillingSystem;
import org.obtainingwater.adapters.RecordingPermitAuthority;
import org.obtainingwater.adapters.RecordingSmsGateway;
import org.obtainingwater.cases.Stage;
import org.obtainingwater.notification.NotificationOutbox;
import org.obtainingwater.permits.PermitKind;
import org.obtainingwater.support.Answer;
import org.obtainingwater.support.ApiClient;
import org.obtainingwater.support.Http;
import org.obtainingwater.support.Staff;
import org.obtainingwater.support.StaffWalk;
import org.obtainingwater.support.TestPostgres;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The application is killed with SIGKILL while customers file applications, staff complete tasks
 * through engine-rest and its job executor files permits, opens accounts and its dispatcher sends
 * SMS; it is started again on the same PostgreSQL and the work is driven to the end. Then: every
 * application a customer got 201/200 for exists once, with one process instance; at the moment of the
 * kill every case stood at a step where the engine and the case record agree; and no outside work was
 * done twice: the recording adapters write each call to a journal file that outlives the process, and
 * every idempotency key has exactly one effect there (a call repeated after the kill is a repeat).
 *
 * <p>The application runs in a child JVM ({@code java -cp <test classpath>}), so the kill is real: no
 * shutdown hook, no rollback, connections cut. The stand-in systems answer 250 ms after doing the work,
 * and the kill is timed on a permit filing that the platform has taken and the engine not yet committed.
 * Figures are printed with the prefix {@code CRASH:} (docs/faults.md).
 */
class CrashRecoveryIT {

  static final int APPLICATIONS = 30;
  static final int KILL_WHEN_ACKNOWLEDGED = 14;
  static final Duration FINISH_WITHIN = Duration.ofSeconds(240);

  /** Each stage's task, who does it, and what they enter (the case with both permits). */
  static final Map<String, String> STAFF = StaffWalk.STAFF;

  static final Map<String, Map<String, Object>> ENTERED = StaffWalk.ENTERED;

  /** The stage a case is in while this task is open. */
  static final Map<String, Stage> STAGE_OF_TASK = Map.of(REVIEW_APPLICATION, Stage.INTAKE, SURVEY_SITE, Stage.SURVEY,
      DESIGN_SUPPLY_SCHEME, Stage.DESIGN, RECORD_ROAD_PERMIT_DECISION, Stage.PERMITS,
      RECORD_GREENERY_PERMIT_DECISION, Stage.PERMITS, BUILD_EXTERNAL_PIPELINE, Stage.CONSTRUCTION,
      INSTALL_METER, Stage.METERING, CALL_BACK_CUSTOMER, Stage.CALLBACK);

  static final List<String> STAGES_OF_A_CASE = List.of("RECEIVED", "INTAKE", "SURVEY", "DESIGN", "PERMITS",
      "CONSTRUCTION", "METERING", "WATER_ON", "CALLBACK");

  static EmbeddedPostgres database;
  static JdbcTemplate jdbc;
  static Path work;
  static Path journal;
  static int port;

  final Map<String, String> acknowledged = new ConcurrentHashMap<>();
  final Set<String> unanswered = ConcurrentHashMap.newKeySet();
  final List<String> unexpected = new CopyOnWriteArrayList<>();
  final AtomicInteger lostAnswers = new AtomicInteger();
  final AtomicBoolean stop = new AtomicBoolean();
  final AtomicBoolean killed = new AtomicBoolean();
  Staff staff;

  @BeforeAll
  static void startDatabase() throws IOException {
    database = TestPostgres.testDefault().start();
    jdbc = new JdbcTemplate(database.getPostgresDatabase());
    work = Files.createDirectories(Path.of("target", "crash-recovery", Long.toString(System.currentTimeMillis())));
    journal = work.resolve("adapters.journal");
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
  }

  @AfterAll
  static void stopDatabase() throws IOException {
    Application.STARTED.forEach(process -> process.destroyForcibly());
    if (database != null) {
      database.close();
    }
  }

  @Test
  void killedWhileCasesAreFiledAndDriven_afterRestartNothingIsLostNothingDuplicatedAndNoWorkDoneTwice() throws Exception {
    Instant testStarted = Instant.now();
    // Staff give up connecting after 2 s and waiting for an answer after 30 s: the application may die under them.
    staff = Staff.engineRest(Http.to(port).withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(30)));
    ApiClient api = new ApiClient(port);
    Application first = Application.start("life-1", database, port, journal, work);
    Duration firstStart = first.awaitServing(staff);

    ExecutorService load = Executors.newFixedThreadPool(5);
    List<Future<?>> workers = new ArrayList<>();
    workers.add(load.submit(() -> fileApplications(api)));
    workers.add(load.submit(() -> driveTasks(List.of(REVIEW_APPLICATION, SURVEY_SITE, DESIGN_SUPPLY_SCHEME, INSTALL_METER))));
    workers.add(load.submit(() -> driveTasks(List.of(RECORD_ROAD_PERMIT_DECISION, RECORD_GREENERY_PERMIT_DECISION,
        BUILD_EXTERNAL_PIPELINE, CALL_BACK_CUSTOMER))));
    workers.add(load.submit(() -> platformDecides(api)));
    workers.add(load.submit(() -> counterSignsContracts(Staff.app(Http.to(port)
        .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(30))))));

    // The kill: as soon as the permit platform has taken a filing (journal line) and is still answering.
    await(() -> acknowledged.size() >= KILL_WHEN_ACKNOWLEDGED, Duration.ofSeconds(90), "applications before the kill");
    int journalBefore = AdapterJournal.read(journal).size();
    Entry inFlight = awaitValue(() -> AdapterJournal.read(journal).stream().skip(journalBefore)
        .filter(entry -> entry.system().equals(RecordingPermitAuthority.SYSTEM) && entry.kind() == Kind.EFFECT)
        .findFirst().orElse(null), Duration.ofSeconds(60), "a permit filing under way");
    Instant killedAt = Instant.now();
    int exitCode = first.kill();
    killed.set(true);
    assertThat(exitCode).as("Process.destroyForcibly() is SIGKILL on Linux: exit 128 + 9").isEqualTo(137);

    // What the dead application left in the database: every case at a step the engine and the record agree on.
    boolean filingCommitted = jdbc.queryForObject("SELECT COUNT(*) FROM permit_filing WHERE reference = ?",
        Integer.class, inFlight.answer()) == 1;
    Map<String, Object> atKill = jdbc.queryForMap("SELECT "
        + "(SELECT COUNT(*) FROM application) AS cases, "
        + "(SELECT COUNT(*) FROM application WHERE outcome IS NULL) AS running, "
        + "(SELECT COUNT(*) FROM act_ru_task) AS open_tasks, "
        + "(SELECT COUNT(*) FROM act_ru_job WHERE lock_owner_ IS NOT NULL) AS locked_jobs, "
        + "(SELECT COUNT(*) FROM act_ru_job WHERE process_instance_id_ IS NOT NULL AND type_ <> 'timer') AS async_jobs, "
        + "(SELECT COUNT(*) FROM notification_outbox WHERE status = 'SENDING') AS sms_sending, "
        + "(SELECT COUNT(*) FROM notification_outbox WHERE status = 'PENDING') AS sms_pending");
    List<String> lockedJobs = jdbc.queryForList("SELECT id_ FROM act_ru_job WHERE lock_owner_ IS NOT NULL", String.class);
    int acknowledgedAtKill = acknowledged.size();
    assertConsistentSteps("at the kill");

    Application second = Application.start("life-2", database, port, journal, work);
    Duration secondStart = second.awaitServing(staff);
    Instant serving = Instant.now();
    await(() -> jdbc.queryForObject("SELECT COUNT(*) FROM act_ru_job WHERE id_ IN (" + placeholders(lockedJobs.size())
        + ")", Integer.class, lockedJobs.toArray()) == 0, Duration.ofSeconds(60), "the jobs under way at the kill done");
    Instant jobsRedone = Instant.now();

    try {
      await(() -> acknowledged.size() == APPLICATIONS && unanswered.isEmpty() && allClosed() && outboxSent(),
          FINISH_WITHIN, "every case closed and every notice sent");
    } finally {
      stop.set(true);
      load.shutdown();
      load.awaitTermination(30, TimeUnit.SECONDS);
      second.stop();
    }
    for (Future<?> worker : workers) {
      worker.get();
    }
    Instant finished = Instant.now();
    List<Entry> repeats = AdapterJournal.read(journal).stream().filter(entry -> entry.kind() == Kind.REPEAT).toList();
    Instant repeated = repeats.stream().filter(entry -> entry.key().equals(inFlight.key())).map(Entry::at).findFirst()
        .orElse(null);

    System.out.printf("CRASH: first start %d ms, restart %d ms (to serving), test %d s%n", firstStart.toMillis(),
        secondStart.toMillis(), Duration.between(testStarted, finished).toSeconds());
    System.out.printf("CRASH: at the kill %d of %d applications acknowledged, %s; %d requests lost their answer%n",
        acknowledgedAtKill, APPLICATIONS, atKill, lostAnswers.get());
    System.out.printf("CRASH: in flight %s (%s), committed before the kill: %s; repeated %s ms after the kill%n",
        inFlight.key(), inFlight.answer(), filingCommitted,
        repeated == null ? "-" : Long.toString(Duration.between(killedAt, repeated).toMillis()));
    System.out.printf("CRASH: kill to serving again %d ms, to every job under way at the kill done %d ms, "
        + "to every case closed %d s; repeats in the journal %s%n", Duration.between(killedAt, serving).toMillis(),
        Duration.between(killedAt, jobsRedone).toMillis(), Duration.between(killedAt, finished).toSeconds(),
        repeats.stream().collect(Collectors.groupingBy(Entry::system, Collectors.counting())));

    assertThat(unexpected).as("answers other than success, a lost connection or 503").isEmpty();
    assertEveryAcknowledgedApplicationExistsOnce();
    assertConsistentSteps("at the end");
    assertEveryCaseClosedThroughEachStageOnce();
    assertNoOutsideWorkDoneTwice();
    if (!filingCommitted) {
      assertThat(repeats).as("the filing under way at the kill was made again, as a repeat of the same key")
          .anySatisfy(entry -> {
            assertThat(entry.key()).isEqualTo(inFlight.key());
            assertThat(entry.answer()).isEqualTo(inFlight.answer());
            assertThat(entry.pid()).isEqualTo(second.pid());
          });
    }
  }

  // --- the load -----------------------------------------------------------------------------

  /**
   * Customers file; a request without an answer is sent again with the same Idempotency-Key until answered.
   * After the first 20 the channel slows to one every 2 s until the kill, so applications are still being
   * filed when it comes, however long a busy machine takes to bring the first case to its permits.
   */
  void fileApplications(ApiClient api) {
    String run = Long.toString(System.nanoTime(), 36);
    for (int i = 0; i < APPLICATIONS && !stop.get(); i++) {
      unanswered.add("crash-" + run + "-" + i);
      retryUnanswered(api);
      pause(i < 20 || killed.get() ? 150 : 2000);
    }
    while (!stop.get() && !unanswered.isEmpty()) {
      retryUnanswered(api);
      pause(200);
    }
  }

  void retryUnanswered(ApiClient api) {
    for (String key : List.copyOf(unanswered)) {
      try {
        Answer answer = api.apply(ApiClient.application(), key);
        if (answer.status() == 201 || answer.status() == 200) {
          String earlier = acknowledged.putIfAbsent(key, answer.json().get("applicationNumber").asText());
          if (earlier != null && !earlier.equals(answer.json().get("applicationNumber").asText())) {
            unexpected.add(key + " answered with two cases: " + earlier + " and " + answer.body());
          }
          unanswered.remove(key);
        } else if (answer.status() != 503) {
          unexpected.add("filing " + key + ": " + answer.status() + " " + answer.body());
          unanswered.remove(key);
        }
      } catch (UncheckedIOException connectionLost) {
        lostAnswers.incrementAndGet();
        return;
      }
    }
  }

  /** Staff look at their queue and complete what is there, as long as the test runs. */
  void driveTasks(List<String> taskKeys) {
    while (!stop.get()) {
      for (String taskKey : taskKeys) {
        String user = STAFF.get(taskKey);
        try {
          Answer tasks = staff.as(user).get("/task?taskDefinitionKey=" + taskKey + "&maxResults=20");
          if (tasks.status() != 200) {
            continue;
          }
          for (JsonNode task : tasks.json()) {
            Map<String, Object> variables = new LinkedHashMap<>();
            ENTERED.get(taskKey).forEach((name, value) -> variables.put(name, Map.of("value", value)));
            Answer done = staff.as(user).post("/task/" + task.get("id").asText() + "/complete",
                Map.of("variables", variables));
            // 404: completed before the kill, this list is older; 409: the case moved under it (a permit
            // filing of the other branch), the task is still there next round.
            if (done.status() != 204 && done.status() != 404 && done.status() != 409) {
              unexpected.add(taskKey + " " + done.status() + " " + done.body());
            }
          }
        } catch (UncheckedIOException connectionLost) {
          lostAnswers.incrementAndGet();
          pause(200);
        }
      }
      pause(100);
    }
  }

  /**
   * The city's platform decides every permit filed and not yet decided, through its callback, as long as the test
   * runs (docs/adr/0041); a filing-only procedure (备案) has nothing to decide. 409: decided in between (an earlier
   * report whose answer was lost, or the agent after the platform's silence).
   */
  void platformDecides(ApiClient api) {
    while (!stop.get()) {
      List<Map<String, Object>> undecided = jdbc.queryForList("SELECT reference, permit_kind FROM permit_filing "
          + "WHERE decision IS NULL AND withdrawn_at IS NULL AND permit_procedure <> 'filing'");
      for (Map<String, Object> filing : undecided) {
        try {
          Answer decided = StaffWalk.platformDecides(api, (String) filing.get("reference"),
              PermitKind.ofCode((String) filing.get("permit_kind")));
          if (decided.status() != 200 && decided.status() != 409 && decided.status() != 503) {
            unexpected.add("decision on " + filing.get("reference") + " " + decided.status() + " " + decided.body());
          }
        } catch (UncheckedIOException connectionLost) {
          lostAnswers.incrementAndGet();
          pause(200);
        }
      }
      pause(100);
    }
  }

  /**
   * Customers sign their supply contracts at the counter once issued at water-on, as long as the test runs: the case
   * closes only when the callback and the signature are both done (docs/adr/0046). 409: signed in between (an
   * earlier signature whose answer was lost).
   */
  void counterSignsContracts(Staff app) {
    while (!stop.get()) {
      List<Map<String, Object>> unsigned = jdbc.queryForList("SELECT application_number, document_sha256 "
          + "FROM supply_contract WHERE signed_by IS NULL");
      for (Map<String, Object> contract : unsigned) {
        try {
          Answer signed = StaffWalk.counterSigns(app, (String) contract.get("application_number"),
              (String) contract.get("document_sha256"));
          if (signed.status() != 201 && signed.status() != 409 && signed.status() != 503) {
            unexpected.add("signature of " + contract.get("application_number") + " " + signed.status() + " "
                + signed.body());
          }
        } catch (UncheckedIOException connectionLost) {
          lostAnswers.incrementAndGet();
          pause(200);
        }
      }
      pause(100);
    }
  }

  // --- what must hold -------------------------------------------------------------------------

  void assertEveryAcknowledgedApplicationExistsOnce() {
    assertThat(acknowledged).hasSize(APPLICATIONS);
    assertThat(Set.copyOf(acknowledged.values())).as("one case per Idempotency-Key").hasSize(APPLICATIONS);
    Map<String, String> byKey = new LinkedHashMap<>();
    jdbc.query("SELECT client_reference, application_number FROM application",
        row -> { byKey.put(row.getString(1), row.getString(2)); });
    assertThat(byKey).as("the case table holds exactly the acknowledged applications").isEqualTo(acknowledged);
    assertThat(jdbc.queryForList("SELECT business_key_ FROM act_hi_procinst WHERE proc_def_key_ = 'obtainingWater'",
        String.class)).as("one process instance per case").containsExactlyInAnyOrderElementsOf(acknowledged.values());
  }

  /** Rows and instances pair up; a running case's open tasks belong to the stage its record shows. */
  void assertConsistentSteps(String when) {
    assertThat(jdbc.queryForList("SELECT a.application_number FROM application a LEFT JOIN act_hi_procinst p "
        + "ON p.id_ = a.process_instance_id AND p.business_key_ = a.application_number WHERE p.id_ IS NULL",
        String.class)).as(when + ": case rows without their process instance").isEmpty();
    assertThat(jdbc.queryForList("SELECT p.id_ FROM act_hi_procinst p WHERE p.proc_def_key_ = 'obtainingWater' "
        + "AND NOT EXISTS (SELECT 1 FROM application a WHERE a.process_instance_id = p.id_)", String.class))
        .as(when + ": process instances without their case row").isEmpty();
    assertThat(jdbc.queryForList("SELECT a.application_number FROM application a WHERE (a.outcome IS NULL) <> "
        + "EXISTS (SELECT 1 FROM act_ru_execution e WHERE e.id_ = a.process_instance_id)", String.class))
        .as(when + ": a case is running in the engine exactly when its record has no outcome").isEmpty();
    jdbc.query("SELECT a.application_number, a.stage, t.task_def_key_ FROM act_ru_task t "
        + "JOIN application a ON a.process_instance_id = t.proc_inst_id_", row -> {
          assertThat(row.getString("stage")).as(when + ": " + row.getString(1) + " with " + row.getString(3) + " open")
              .isEqualTo(STAGE_OF_TASK.get(row.getString(3)).name());
        });
    assertThat(jdbc.queryForList("SELECT a.application_number FROM application a WHERE a.outcome IS NULL AND "
        + "(SELECT COUNT(*) FROM application_stage s WHERE s.application_number = a.application_number "
        + "AND s.left_at IS NULL AND s.stage = a.stage) <> 1", String.class))
        .as(when + ": each running case has one open stage entry, the record's stage").isEmpty();
  }

  void assertEveryCaseClosedThroughEachStageOnce() {
    for (String number : acknowledged.values()) {
      Map<String, Object> record = jdbc.queryForMap("SELECT stage, outcome FROM application WHERE application_number = ?",
          number);
      assertThat(record).as(number).containsEntry("stage", "CLOSED").containsEntry("outcome", "WATER_CONNECTED");
      assertThat(jdbc.queryForList("SELECT stage FROM application_stage WHERE application_number = ? ORDER BY id",
          String.class, number)).as(number + " stage history").isEqualTo(STAGES_OF_A_CASE);
    }
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM act_ru_incident", Integer.class)).as("incidents").isZero();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM act_ru_job WHERE process_instance_id_ IS NOT NULL",
        Integer.class)).as("jobs left").isZero();
  }

  /** Every idempotency key had its effect once at the outside system, and the effects match what the cases recorded. */
  void assertNoOutsideWorkDoneTwice() {
    List<Entry> calls = AdapterJournal.read(journal);
    Map<String, Long> effectsPerKey = calls.stream().filter(entry -> entry.kind() == Kind.EFFECT)
        .collect(Collectors.groupingBy(entry -> entry.system() + " " + entry.key(), Collectors.counting()));
    assertThat(effectsPerKey).as("effects per idempotency key").allSatisfy((key, effects) ->
        assertThat(effects).as(key).isEqualTo(1));
    Map<String, Map<String, String>> effects = calls.stream().filter(entry -> entry.kind() == Kind.EFFECT)
        .collect(Collectors.groupingBy(Entry::system, Collectors.toMap(Entry::key, Entry::answer)));
    calls.stream().filter(entry -> entry.kind() == Kind.REPEAT).forEach(repeat ->
        assertThat(repeat.answer()).as("a repeat is answered as the first call").isEqualTo(
            effects.get(repeat.system()).get(repeat.key())));

    Map<String, String> filed = new LinkedHashMap<>();
    jdbc.query("SELECT application_number, permit_kind, reference FROM permit_filing", row -> {
      filed.put(row.getString(1) + "/" + row.getString(2) + "/1", row.getString(3));
    });
    assertThat(filed).as("two permits per case").hasSize(2 * APPLICATIONS);
    assertThat(effects.get(RecordingPermitAuthority.SYSTEM)).as("filed at the platform = recorded by the cases")
        .isEqualTo(filed);

    Map<String, String> accounts = new LinkedHashMap<>();
    jdbc.query("SELECT p.business_key_, v.text_ FROM act_hi_varinst v JOIN act_hi_procinst p ON p.id_ = v.proc_inst_id_ "
        + "WHERE v.name_ = 'customerAccountNumber'", row -> {
          accounts.put(row.getString(1), row.getString(2));
        });
    assertThat(accounts.keySet()).containsExactlyInAnyOrderElementsOf(acknowledged.values());
    assertThat(effects.get(RecordingBillingSystem.SYSTEM)).as("opened in billing = recorded by the cases")
        .isEqualTo(accounts);
    assertThat(Set.copyOf(accounts.values())).as("one account number per case").hasSize(APPLICATIONS);

    Map<String, String> sent = new LinkedHashMap<>();
    jdbc.query("SELECT id, gateway_reference FROM notification_outbox WHERE status = 'SENT'", row -> {
      sent.put(NotificationOutbox.messageId(row.getLong(1)), row.getString(2));
    });
    assertThat(effects.get(RecordingSmsGateway.SYSTEM)).as("sent by the gateway = recorded in the outbox").isEqualTo(sent);
    assertThat(jdbc.queryForList("SELECT application_number || ' ' || notice_type FROM notification_outbox", String.class))
        .as("each notice composed once per case").doesNotHaveDuplicates().hasSize(2 * APPLICATIONS);
  }

  boolean allClosed() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM application WHERE outcome IS NOT NULL", Integer.class) == APPLICATIONS;
  }

  boolean outboxSent() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM notification_outbox WHERE status <> 'SENT'", Integer.class) == 0;
  }

  // --- helpers --------------------------------------------------------------------------------

  static String placeholders(int count) {
    return count == 0 ? "NULL" : String.join(",", java.util.Collections.nCopies(count, "?"));
  }

  static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Polls the database four times a second. */
  static void await(BooleanSupplier condition, Duration within, String what) {
    awaitValue(() -> condition.getAsBoolean() ? Boolean.TRUE : null, within, what, 250);
  }

  /** Polls the journal file every 10 ms: the kill must land while the platform is still answering. */
  static <T> T awaitValue(java.util.function.Supplier<T> probe, Duration within, String what) {
    return awaitValue(probe, within, what, 10);
  }

  static <T> T awaitValue(java.util.function.Supplier<T> probe, Duration within, String what, long pollMillis) {
    Instant deadline = Instant.now().plus(within);
    while (Instant.now().isBefore(deadline)) {
      T value = probe.get();
      if (value != null) {
        return value;
      }
      pause(pollMillis);
    }
    throw new AssertionError("waited " + within.toSeconds() + " s in vain for " + what);
  }

  /** The application in its own JVM, on the test's PostgreSQL, logging to a file per life (PaymentCrashIT's too). */
  record Application(String name, Process process) {

    /** Every child started, so none outlives a failed test. */
    static final List<Process> STARTED = new CopyOnWriteArrayList<>();

    static Application start(String name, EmbeddedPostgres database, int port, Path journal, Path work)
        throws IOException {
      List<String> command = new ArrayList<>(List.of(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
          "-cp", System.getProperty("java.class.path"),
          ObtainingWaterApplication.class.getName(),
          "--spring.profiles.active=demo,postgres",
          "--spring.datasource.url=" + database.getJdbcUrl("postgres", "postgres"),
          "--spring.datasource.username=postgres", "--spring.datasource.password=",
          "--server.port=" + port,
          "--camunda.bpm.job-execution.enabled=true",
          // A job locked by the dead application is taken over when its lock expires (default 5 min),
          // the acquisition looking at least every 2 s (default: backing off up to 60 s).
          "--camunda.bpm.job-execution.lock-time-in-millis=10000",
          "--camunda.bpm.job-execution.max-wait=2000",
          "--camunda.bpm.generic-properties.properties.hostname=" + name,
          "--obtaining-water.outbox.dispatch-interval=PT0.5S",
          "--obtaining-water.outbox.claim-timeout=PT10S",
          "--obtaining-water.adapters.journal=" + journal.toAbsolutePath(),
          "--obtaining-water.adapters.recording-latency=PT0.25S"));
      File log = work.resolve(name + ".log").toFile();
      Process process = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log)).start();
      STARTED.add(process);
      return new Application(name, process);
    }

    long pid() {
      return process.pid();
    }

    /** Until staff get an answer from engine-rest; how long that took. */
    Duration awaitServing(Staff staff) throws Exception {
      Instant started = process.info().startInstant().orElse(Instant.now());
      Instant deadline = Instant.now().plus(Duration.ofSeconds(180));
      while (Instant.now().isBefore(deadline)) {
        if (!process.isAlive()) {
          throw new AssertionError(name + " exited with " + process.exitValue() + "; see its log in " + work);
        }
        try {
          if (staff.as("lina").get("/task?maxResults=1").status() == 200) {
            return Duration.between(started, Instant.now());
          }
        } catch (UncheckedIOException notYet) {
          // still starting
        }
        Thread.sleep(200);
      }
      throw new AssertionError(name + " did not start within 180 s; see its log in " + work);
    }

    /** SIGKILL: no shutdown hook, no rollback, the connections simply cut. */
    int kill() throws InterruptedException {
      process.destroyForcibly();
      return process.waitFor();
    }

    /** An orderly stop (SIGTERM), as an operator would. */
    void stop() throws InterruptedException {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    }
  }
}
