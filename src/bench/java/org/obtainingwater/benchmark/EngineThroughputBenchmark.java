package org.obtainingwater.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.BUILD_EXTERNAL_PIPELINE;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.CALL_BACK_CUSTOMER;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.DESIGN_SUPPLY_SCHEME;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.INSTALL_METER;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.RECORD_GREENERY_PERMIT_DECISION;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.RECORD_ROAD_PERMIT_DECISION;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.REVIEW_APPLICATION;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.SURVEY_SITE;
import static org.obtainingwater.support.TestCases.accepted;
import static org.obtainingwater.support.TestCases.calledBack;
import static org.obtainingwater.support.TestCases.designed;
import static org.obtainingwater.support.TestCases.meterInstalled;
import static org.obtainingwater.support.TestCases.permitApproved;
import static org.obtainingwater.support.TestCases.pipelineBuilt;
import static org.obtainingwater.support.TestCases.surveyed;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.obtainingwater.permits.PermitKind;
import org.obtainingwater.ObtainingWaterApplication;
import org.obtainingwater.contract.SupplyContracts;
import org.obtainingwater.notification.OutboxDispatcher;
import org.obtainingwater.process.ObtainingWaterProcess;
import org.obtainingwater.support.Answer;
import org.obtainingwater.support.ApiClient;
import org.obtainingwater.support.Http;
import org.obtainingwater.support.Staff;
import org.obtainingwater.support.StaffWalk;
import org.obtainingwater.support.TestCases;
import org.obtainingwater.support.TestPostgres;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Engine transactions per second against the database's own commit ceiling, measured side by side
 * in one run on one embedded PostgreSQL (history level FULL), docs/benchmarks.md:
 * <ol>
 *   <li>the ceiling: single-row INSERT + COMMIT over plain JDBC ({@link CommitCeiling});</li>
 *   <li>the bare engine: a three-user-task process without delegates, started and completed through the Java API;</li>
 *   <li>whole obtainingWater cases with both permits and construction, started and driven to the end through the
 *   Java API, and through the customer API plus engine-rest (staff with Basic auth, as Tasklist calls it);</li>
 * </ol>
 * at concurrency 1, 4 and 8, three repetitions interleaved. The application runs as in production
 * (profiles {@code demo,postgres}; the job executor and the outbox dispatcher on), started in this
 * JVM, so {@code -Xmx} of the run is the application's heap. Prints the table and writes it to
 * {@code target/benchmarks/engine-throughput.md}. Run (about 10 minutes):
 * <pre>mvn -B test -Pbenchmark -Dsurefire.excludedGroups= -Dgroups=benchmark -Dtest=EngineThroughputBenchmark -DargLine=-Xmx384m</pre>
 * Sizes: {@code -Dbench.bareInstances}, {@code -Dbench.realCases}, {@code -Dbench.repetitions}; settings to compare
 * (a tuning before and after): {@code -Dbench.appArgs=--name=value,--other=value}.
 */
@Tag("benchmark")
class EngineThroughputBenchmark {

  static final int[] CONCURRENCY = {1, 4, 8};
  static final int REPETITIONS = Integer.getInteger("bench.repetitions", 3);
  static final int BARE_INSTANCES = Integer.getInteger("bench.bareInstances", 150);
  static final int REAL_CASES = Integer.getInteger("bench.realCases", 16);
  static final long CEILING_MILLIS = Long.getLong("bench.ceilingMillis", 2000);
  /** Extra application arguments, comma-separated, e.g. to measure a setting before a tuning changed it. */
  static final String APP_ARGS = System.getProperty("bench.appArgs", "");
  /**
   * Commits are durable, as on the utility's database server: every commit waits for its WAL flush
   * ({@code fsync=on}, {@code synchronous_commit=on}), so the ceiling is the database's real commit limit.
   * zonky starts PostgreSQL without either (its defaults for tests, {@code -F} and {@code synchronous_commit=off});
   * {@code -Dbench.durable=false} measures that, where a commit costs a round trip and no disk.
   */
  static final boolean DURABLE = Boolean.parseBoolean(System.getProperty("bench.durable", "true"));
  static final String BARE_PROCESS = "bareThreeTasks";

  static final String CEILING = "JDBC insert+commit";
  static final String BARE = "bare engine (3 user tasks)";
  static final String JAVA = "obtainingWater, Java API";
  static final String REST = "obtainingWater, customer API + engine-rest";

  /**
   * The stages of a case with both permits and construction: task, who works it, what they submit. A permit's step is
   * the platform's decision (docs/adr/0041): {@code permit} names it, and no one works a task.
   */
  record Step(String task, String user, VariableMap submitted, PermitKind permit) {
    Step(String task, String user, VariableMap submitted) {
      this(task, user, submitted, null);
    }
  }

  static final List<Step> STEPS = List.of(
      new Step(REVIEW_APPLICATION, "lina", accepted()),
      new Step(SURVEY_SITE, "wangqiang", surveyed(180, true, true)),
      new Step(DESIGN_SUPPLY_SCHEME, "zhaomin", designed(80, 50, 26_000)),
      new Step(RECORD_ROAD_PERMIT_DECISION, "platform", permitApproved("株建占字〔2026〕201号"), PermitKind.ROAD),
      new Step(RECORD_GREENERY_PERMIT_DECISION, "platform", permitApproved("株园林许〔2026〕21号"), PermitKind.GREENERY),
      new Step(BUILD_EXTERNAL_PIPELINE, "liuyang", pipelineBuilt()),
      new Step(INSTALL_METER, "sunhao", meterInstalled(50)),
      new Step(CALL_BACK_CUSTOMER, "zhoufang", calledBack(5, "满意")));

  /** One measured cell: a scenario at a concurrency in a repetition. */
  record Cell(String scenario, int concurrency, int repetition, int cases, long nanos, long writeTransactions,
      long engineTransactions, long rows, long bytes, Latencies latencies) {

    double seconds() {
      return nanos / 1e9;
    }

    double casesPerSecond() {
      return cases / seconds();
    }

    double transactionsPerSecond() {
      return writeTransactions / seconds();
    }
  }

  /** Where the time of one scenario at concurrency 8 goes (last repetition). */
  record Profile(String scenario, int cases, List<CommandProfile.Entry> commands,
      List<DatabaseCounters.StatementKind> statements, long samples, List<Map.Entry<String, Long>> layers,
      List<Map.Entry<String, Long>> steps) {
  }

  /**
   * The whole measured run as PostgreSQL counted it: commits of any kind (read-only included), rollbacks,
   * transactions that wrote; against the engine's own count of its transactions and the ceiling's inserts.
   */
  record Commits(long commits, long rollbacks, long writeTransactions, long engineTransactions, long ceilingInserts) {
  }

  /** Heap, GC and start-up of the application in this JVM. */
  record Memory(long maxHeap, long peakHeapUsed, long liveHeapAtEnd, long gcCount, long gcMillis, long startMillis,
      long runMillis) {
  }

  final List<Cell> cells = new ArrayList<>();
  final List<Profile> profiles = new ArrayList<>();
  final CommandProfile commandProfile = new CommandProfile();
  final ObjectMapper json = new ObjectMapper();
  final AtomicLong peakHeap = new AtomicLong();

  ConfigurableApplicationContext app;
  DatabaseCounters counters;
  ProcessEngine engine;
  ApiClient customers;
  Staff staff;
  /** The application's own paths: the counter's signature of the supply contract (docs/adr/0046). */
  Staff counter;
  SupplyContracts contracts;

  @Test
  void engineTransactionsAgainstTheCommitCeiling() throws Exception {
    Thread heapWatch = watchHeap();
    long gcCountBefore = gcCount();
    long gcMillisBefore = gcMillis();
    String loadBefore = load();
    Instant began = Instant.now();
    TestPostgres server = TestPostgres.testDefault().setting("shared_preload_libraries", "pg_stat_statements");
    if (DURABLE) {
      server.durableCommits();
    }
    try (EmbeddedPostgres database = server.start()) {
      String url = database.getJdbcUrl("postgres", "postgres");
      try (Connection connection = database.getPostgresDatabase().getConnection();
          Statement statement = connection.createStatement()) {
        statement.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
      }
      counters = new DatabaseCounters(url);
      CommitCeiling ceiling = new CommitCeiling(url);

      long startNanos = System.nanoTime();
      app = new SpringApplicationBuilder(ObtainingWaterApplication.class)
          .profiles("demo", "postgres")
          .initializers(context -> context.getBeanFactory().registerSingleton("benchmarkCommandProfile", commandProfile))
          .run(arguments(url));
      long startMillis = (System.nanoTime() - startNanos) / 1_000_000;
      try {
        engine = app.getBean(ProcessEngine.class);
        Http http = Http.to(Integer.parseInt(app.getEnvironment().getProperty("local.server.port"))).http11();
        customers = new ApiClient(http);
        staff = Staff.engineRest(http);
        counter = Staff.app(http);
        contracts = app.getBean(SupplyContracts.class);
        assertThat(app.getBean(JdbcTemplate.class).queryForObject("SHOW port", String.class))
            .as("the application works on the benchmark's database").isEqualTo(String.valueOf(database.getPort()));
        assertThat(engine.getProcessEngineConfiguration().getHistory()).isEqualTo("full");
        engine.getRepositoryService().createDeployment().name("benchmark")
            .addClasspathResource("benchmark/bare-three-tasks.bpmn").deploy();

        warmUp();
        DatabaseCounters.Snapshot runBefore = settledSnapshot();
        long commandsBeforeRun = commandProfile.total();
        for (int repetition = 1; repetition <= REPETITIONS; repetition++) {
          System.out.printf("--- repetition %d of %d, load %s%n", repetition, REPETITIONS, load());
          for (int concurrency : CONCURRENCY) {
            Latencies latencies = new Latencies();
            long commits = ceiling.measure(concurrency, CEILING_MILLIS, latencies);
            cells.add(new Cell(CEILING, concurrency, repetition, 0, CEILING_MILLIS * 1_000_000, commits, 0, 0, 0, latencies));
            print(cells.get(cells.size() - 1));
          }
          boolean profiled = repetition == REPETITIONS;
          for (int concurrency : CONCURRENCY) {
            measure(BARE, concurrency, repetition, BARE_INSTANCES, this::bareInstance, profiled && concurrency == 8);
          }
          for (int concurrency : CONCURRENCY) {
            measure(JAVA, concurrency, repetition, REAL_CASES, this::javaCase, profiled && concurrency == 8);
          }
          for (int concurrency : CONCURRENCY) {
            measure(REST, concurrency, repetition, REAL_CASES, this::restCase, profiled && concurrency == 8);
          }
        }
        String loadAfter = load();
        DatabaseCounters.Snapshot runAfter = settledSnapshot();
        Commits commits = new Commits(runAfter.commits() - runBefore.commits(), runAfter.rollbacks() - runBefore.rollbacks(),
            runAfter.nextTransactionId() - runBefore.nextTransactionId(), commandProfile.total() - commandsBeforeRun,
            cells.stream().filter(cell -> cell.scenario().equals(CEILING)).mapToLong(Cell::writeTransactions).sum());
        System.gc();
        long live = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        heapWatch.interrupt();
        Memory memory = new Memory(Runtime.getRuntime().maxMemory(), peakHeap.get(), live, gcCount() - gcCountBefore,
            gcMillis() - gcMillisBefore, startMillis, java.time.Duration.between(began, Instant.now()).toMillis());
        String report = new Report(cells, profiles, memory, commits, machine(counters.version()) + (APP_ARGS.isBlank() ? "" : ". Application arguments: `" + APP_ARGS + "`"), loadBefore, loadAfter,
            BARE_INSTANCES, REAL_CASES, REPETITIONS).markdown();
        System.out.println();
        System.out.println(report);
        Path out = Path.of("target", "benchmarks", "engine-throughput.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report, StandardCharsets.UTF_8);
        System.out.println("Written to " + out.toAbsolutePath());
      } finally {
        app.close();
        counters.close();
      }
      // A restart on the schema, users and deployment the first start created, as a node restarts in production.
      long restartNanos = System.nanoTime();
      try (ConfigurableApplicationContext restarted = new SpringApplicationBuilder(ObtainingWaterApplication.class)
          .profiles("demo", "postgres").run(arguments(url))) {
        long restartMillis = (System.nanoTime() - restartNanos) / 1_000_000;
        String line = String.format("%nRestart on the existing schema (same JVM, classes loaded): Spring context in %d ms, "
            + "load %s.%n", restartMillis, load());
        System.out.print(line);
        Path out = Path.of("target", "benchmarks", "engine-throughput.md");
        Files.writeString(out, line, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
      }
    }
  }

  static String[] arguments(String url) {
    List<String> arguments = new ArrayList<>(List.of("--spring.datasource.url=" + url,
        "--spring.datasource.username=postgres", "--spring.datasource.password=", "--server.port=0"));
    for (String argument : APP_ARGS.split(",")) {
      if (!argument.isBlank()) {
        arguments.add(argument.strip());
      }
    }
    return arguments.toArray(String[]::new);
  }

  // --- the scenarios: one instance or case each ------------------------------------------

  interface Scenario {
    void run(int index, Latencies latencies) throws Exception;
  }

  /** Start, then each of the three tasks completed as soon as it is there (it is, synchronously). */
  void bareInstance(int index, Latencies latencies) {
    RuntimeService runtime = engine.getRuntimeService();
    TaskService tasks = engine.getTaskService();
    String instance = latencies.call(() -> runtime.startProcessInstanceByKey(BARE_PROCESS, "bare-" + index).getId());
    for (int step = 0; step < 3; step++) {
      Task task = latencies.read(() -> tasks.createTaskQuery().processInstanceId(instance).singleResult());
      latencies.call(() -> {
        tasks.complete(task.getId());
        return null;
      });
    }
  }

  /** Filed as the start form files it; each stage's task completed once the job executor has carried the case there. */
  void javaCase(int index, Latencies latencies) throws Exception {
    RuntimeService runtime = engine.getRuntimeService();
    TaskService tasks = engine.getTaskService();
    String instance = latencies.call(() ->
        runtime.startProcessInstanceByKey(ObtainingWaterProcess.PROCESS_KEY, TestCases.application()).getId());
    for (Step step : STEPS) {
      if (step.permit() != null) {
        awaitTask(latencies, () -> runtime.createEventSubscriptionQuery().processInstanceId(instance)
            .eventName(step.permit().decisionMessage()).singleResult(), step.permit().awaitDecision());
        latencies.call(() -> runtime.createMessageCorrelation(step.permit().decisionMessage()).processInstanceId(instance)
            .setVariables(step.submitted()).correlateWithResult());
        continue;
      }
      Task task = awaitTask(latencies, () -> tasks.createTaskQuery().processInstanceId(instance)
          .taskDefinitionKey(step.task()).singleResult(), step.task());
      latencies.call(() -> {
        tasks.complete(task.getId(), step.submitted());
        return null;
      });
    }
    // the customer signs the contract at the counter: the case closes with callback and signature (docs/adr/0046)
    awaitTask(latencies, () -> runtime.createEventSubscriptionQuery().processInstanceId(instance)
        .eventName(ObtainingWaterProcess.MESSAGE_CONTRACT_SIGNED).singleResult(), "the contract's signature");
    String number = runtime.createProcessInstanceQuery().processInstanceId(instance).singleResult().getBusinessKey();
    String phone = (String) runtime.getVariable(instance, "contactPhone");
    latencies.call(() -> contracts.signAtCounter(number, phone, "lina", contracts.get(number).documentSha256()));
  }

  /** Filed by POST /api/v1/applications; each task found and submitted over engine-rest by its stage's staff. */
  void restCase(int index, Latencies latencies) throws Exception {
    String body = "{\"applicantName\":\"株洲宏俊汽车贸易有限公司\",\"contactPhone\":\"13812345678\","
        + "\"siteAddress\":\"天元区株洲大道北辅路 88 号\",\"useType\":\"commercial\",\"expectedPeakDemand\":12.0,"
        + "\"channel\":\"app\"}";
    JsonNode receipt = latencies.call(() -> expect(customers.apply(body, "bench-" + UUID.randomUUID()), 201));
    String number = receipt.get("applicationNumber").asText();
    for (Step step : STEPS) {
      if (step.permit() != null) {
        String reference = awaitTask(latencies, () -> {
          var instance = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(number)
              .singleResult();
          var waiting = engine.getRuntimeService().createEventSubscriptionQuery().processInstanceId(instance.getId())
              .eventName(step.permit().decisionMessage()).singleResult();
          return waiting == null ? null
              : (String) engine.getRuntimeService().getVariable(waiting.getExecutionId(), "permitApplicationRef");
        }, step.permit().awaitDecision());
        String decision = json.writeValueAsString(Map.of("decision", "approved",
            "permitNumber", step.submitted().get("permitNumber")));
        latencies.call(() -> expect(customers.decide(reference, decision), 200));
        continue;
      }
      JsonNode task = awaitTask(latencies, () -> {
        JsonNode found = expect(staff.as(step.user()).get("/task?processInstanceBusinessKey=" + number
            + "&taskDefinitionKey=" + step.task()), 200);
        return found.size() == 1 ? found.get(0) : null;
      }, step.task());
      String variables = json.writeValueAsString(Map.of("variables", typed(step.submitted())));
      latencies.call(() -> expect(staff.as(step.user()).post("/task/" + task.get("id").asText() + "/submit-form",
          variables), 204));
    }
    JsonNode contract = awaitTask(latencies, () -> {
      Answer found = counter.as("lina").get("/api/v1/staff/contracts/" + number);
      return found.status() == 200 ? found.json() : null;
    }, "the supply contract");
    latencies.call(() -> expect(StaffWalk.counterSigns(counter, number, contract.get("documentSha256").asText()), 201));
  }

  /** Polls as a client that refreshes its task list does, every 10 ms; each poll is counted as a read. */
  <T> T awaitTask(Latencies latencies, java.util.concurrent.Callable<T> lookup, String what) throws Exception {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (System.nanoTime() < deadline) {
      T found = latencies.read(lookup);
      if (found != null) {
        return found;
      }
      Thread.sleep(10);
    }
    throw new AssertionError("task " + what + " never came");
  }

  // --- measuring a cell ---------------------------------------------------------------------

  void warmUp() throws Exception {
    System.out.printf("--- warm-up, load %s%n", load());
    run(4, 40, this::bareInstance, new Latencies());
    run(4, 8, this::javaCase, new Latencies());
    run(4, 8, this::restCase, new Latencies());
    quiesce(ObtainingWaterProcess.PROCESS_KEY);
  }

  void measure(String scenario, int concurrency, int repetition, int count, Scenario work, boolean profile)
      throws Exception {
    String key = scenario.equals(BARE) ? BARE_PROCESS : ObtainingWaterProcess.PROCESS_KEY;
    HistoryService history = engine.getHistoryService();
    long finishedBefore = history.createHistoricProcessInstanceQuery().processDefinitionKey(key).finished().count();
    DatabaseCounters.Snapshot before = counters.snapshot();
    long commandsBefore = commandProfile.total();
    if (profile) {
      counters.resetStatements();
      commandProfile.reset();
    }
    Latencies latencies = new Latencies();
    StackSampler sampler = profile ? new StackSampler() : null;
    long nanos = run(concurrency, count, work, latencies);
    quiesce(key);
    if (profile) {
      sampler.close();
      profiles.add(new Profile(scenario, count, commandProfile.entries(), counters.statements(), sampler.samples(),
          sampler.self(20), sampler.inclusive(25)));
    }
    DatabaseCounters.Snapshot after = counters.snapshot();
    long commands = commandProfile.total() - commandsBefore;
    assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey(key).finished().count() - finishedBefore)
        .as("%s: every case finished", scenario).isEqualTo(count);
    assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey(key).unfinished().count())
        .as("%s: no case left running", scenario).isZero();
    Cell cell = new Cell(scenario, concurrency, repetition, count, nanos, after.nextTransactionId() - before.nextTransactionId(),
        commands, after.rows() - before.rows(), after.bytes() - before.bytes(), latencies);
    cells.add(cell);
    if (profile) {
      Report.tableDeltas(before, after, count).forEach(line -> System.out.println("  " + line));
    }
    print(cell);
  }

  /** Runs {@code count} cases on {@code concurrency} threads; returns the wall time from first start to last end. */
  long run(int concurrency, int count, Scenario work, Latencies latencies) throws Exception {
    ExecutorService clients = Executors.newFixedThreadPool(concurrency);
    AtomicInteger next = new AtomicInteger();
    long began = System.nanoTime();
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int t = 0; t < concurrency; t++) {
        running.add(clients.submit(() -> {
          for (int index = next.getAndIncrement(); index < count; index = next.getAndIncrement()) {
            int i = index;
            latencies.run(() -> {
              try {
                work.run(i, latencies);
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
          }
          return null;
        }));
      }
      for (Future<?> client : running) {
        client.get();
      }
      return System.nanoTime() - began;
    } finally {
      clients.shutdownNow();
    }
  }

  /**
   * Lets asynchronous work that belongs to the cell end in it: the due jobs of its process (not the engine's own,
   * such as history cleanup in its nightly window), then the notices in the outbox.
   */
  void quiesce(String processKey) throws InterruptedException {
    ManagementService management = engine.getManagementService();
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (management.createJobQuery().processDefinitionKey(processKey).executable().count() > 0) {
      assertThat(System.nanoTime()).as("jobs left after 60 s").isLessThan(deadline);
      Thread.sleep(20);
    }
    OutboxDispatcher dispatcher = app.getBean(OutboxDispatcher.class);
    JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
    while (jdbc.queryForObject("SELECT count(*) FROM notification_outbox WHERE status <> 'SENT'", Long.class) > 0) {
      assertThat(System.nanoTime()).as("notices left after 60 s").isLessThan(deadline);
      dispatcher.dispatchDue();
    }
  }

  /**
   * PostgreSQL 15+ backends report their counts to pg_stat_database at most once a second, and at the
   * latest 10 s after they go idle; a snapshot after 11 quiet seconds has every count of what came before.
   */
  DatabaseCounters.Snapshot settledSnapshot() throws Exception {
    Thread.sleep(11_000);
    return counters.snapshot();
  }

  // --- HTTP ------------------------------------------------------------------------------------

  /** The answer's body as JSON (null when empty), when its status is the expected one. */
  static JsonNode expect(Answer answer, int expected) {
    if (answer.status() != expected) {
      throw new AssertionError("expected " + expected + ", answered " + answer);
    }
    return answer.json();
  }

  /** Variables as engine-rest takes them, with the Java type named (Tasklist sends numbers as Double or Long). */
  static Map<String, Object> typed(VariableMap variables) {
    Map<String, Object> typed = new LinkedHashMap<>();
    variables.forEach((name, value) -> typed.put(name, Map.of("value", value, "type", value.getClass().getSimpleName())));
    return typed;
  }

  // --- machine -----------------------------------------------------------------------------

  void print(Cell cell) {
    System.out.printf("%-45s c=%d rep %d: %7.1f cases/s %8.1f tx/s, call p50 %.1f p99 %.1f ms, case p99 %.0f ms, "
            + "%d write tx, %d engine tx, load %s%n",
        cell.scenario(), cell.concurrency(), cell.repetition(), cell.cases() == 0 ? Double.NaN : cell.casesPerSecond(),
        cell.transactionsPerSecond(), cell.latencies().callMillis(0.5), cell.latencies().callMillis(0.99),
        cell.latencies().caseMillis(0.99), cell.writeTransactions(), cell.engineTransactions(), load());
  }

  static String load() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).strip();
    } catch (Exception e) {
      return String.format("%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
  }

  static String machine(String database) {
    String cpu = "?";
    String memory = "?";
    try {
      cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(line -> line.startsWith("model name"))
          .findFirst().map(line -> line.substring(line.indexOf(':') + 1).strip()).orElse("?");
      memory = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(line -> line.startsWith("MemTotal"))
          .findFirst().map(line -> Long.parseLong(line.replaceAll("\\D", "")) / 1024 / 1024 + " GiB").orElse("?");
    } catch (Exception e) {
      // not Linux: leave the question marks
    }
    return String.format("%d cores (%s), %s RAM, Java %s (%s), PostgreSQL %s", Runtime.getRuntime().availableProcessors(),
        cpu, memory, System.getProperty("java.version"), System.getProperty("java.vm.name"), database);
  }

  Thread watchHeap() {
    Thread watch = new Thread(() -> {
      while (!Thread.currentThread().isInterrupted()) {
        peakHeap.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
        try {
          Thread.sleep(100);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "heap-watch");
    watch.setDaemon(true);
    watch.start();
    return watch;
  }

  static long gcCount() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
  }

  static long gcMillis() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
  }
}
