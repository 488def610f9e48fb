package org.obtainingwater.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.obtainingwater.ObtainingWaterApplication;
import org.obtainingwater.process.ObtainingWaterProcess;
import org.obtainingwater.support.ApiClient;
import org.obtainingwater.support.Http;
import org.obtainingwater.support.Staff;
import org.obtainingwater.support.TestPostgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Staff REST calls per second of the project's application against a bare Camunda application
 * ({@link BareCamundaApplication}), measured from outside by one HTTP load client, both applications on one
 * embedded PostgreSQL server (a database each), issue 17 item 4, docs/benchmarks.md. Each application runs in a
 * JVM of its own, started alike ({@code -Xmx512m}); the load client runs in this JVM.
 *
 * <p>The same staff work on both, a candidate's intake task (受理审核) each: list my candidate tasks
 * ({@code GET /engine-rest/task?candidateUser=…&firstResult=0&maxResults=15}), claim a task
 * ({@code POST /task/{id}/claim}), read its form variables ({@code GET /task/{id}/form-variables}), submit the
 * decision ({@code POST /task/{id}/submit-form}, {@code intakeDecision = accepted}); HTTP Basic on every call. Each
 * client takes its tasks from a share dealt to it before the cell, so no two clients claim the same task; the
 * list is made all the same, as the person's Tasklist makes it. The project's tasks belong to real cases filed
 * through the customer API; the bare application's to instances of its one-task process started with the same
 * six applicant variables. Both queues are topped up to the same number of open tasks before each cell.
 *
 * <p>A cell: {@code c} clients for a warm-up, then a measured window; calls/s counts the calls that ended in the
 * window. Concurrencies interleaved with the two applications, repeated; PostgreSQL's own counts
 * ({@code pg_stat_statements}, commits) of the last repetition at the highest concurrency say what a task costs.
 * Run (about 8 minutes):
 * <pre>mvn -B test -Pbenchmark -Dsurefire.excludedGroups= -Dgroups=benchmark -Dtest=StaffRestBenchmark</pre>
 * Sizes: {@code -Dbench.concurrency=4,8 -Dbench.repetitions=3 -Dbench.warmUpMillis=3000 -Dbench.windowMillis=10000
 * -Dbench.queue=1000}; {@code -Dbench.durable=false} for zonky's non-durable commits; project settings to compare
 * with {@code -Dbench.appArgs=--name=value,...} (e.g. {@code --obtaining-water.staff-logins.cache-ttl=PT0S}).
 */
@Tag("benchmark")
class StaffRestBenchmark {

  static final int[] CONCURRENCY = Arrays.stream(System.getProperty("bench.concurrency", "4,8").split(","))
      .map(String::strip).mapToInt(Integer::parseInt).toArray();
  static final int REPETITIONS = Integer.getInteger("bench.repetitions", 3);
  static final long WARM_UP_MILLIS = Long.getLong("bench.warmUpMillis", 3000);
  static final long WINDOW_MILLIS = Long.getLong("bench.windowMillis", 10000);
  /** Open intake tasks on each side when a cell begins. */
  static final int QUEUE = Integer.getInteger("bench.queue", 1000);
  static final boolean DURABLE = Boolean.parseBoolean(System.getProperty("bench.durable", "true"));
  static final String APP_ARGS = System.getProperty("bench.appArgs", "");
  static final String HEAP = System.getProperty("bench.heap", "-Xmx512m");

  static final String APPLICATION_BODY = "{\"applicantName\":\"株洲宏俊汽车贸易有限公司\",\"contactPhone\":\"13812345678\","
      + "\"siteAddress\":\"天元区株洲大道北辅路 88 号\",\"useType\":\"commercial\",\"expectedPeakDemand\":12.0,"
      + "\"channel\":\"app\"}";
  static final String BARE_START_BODY = "{\"businessKey\":\"%s\",\"variables\":{"
      + "\"applicantName\":{\"value\":\"株洲宏俊汽车贸易有限公司\",\"type\":\"String\"},"
      + "\"contactPhone\":{\"value\":\"13812345678\",\"type\":\"String\"},"
      + "\"siteAddress\":{\"value\":\"天元区株洲大道北辅路 88 号\",\"type\":\"String\"},"
      + "\"useType\":{\"value\":\"commercial\",\"type\":\"String\"},"
      + "\"expectedPeakDemand\":{\"value\":12.0,\"type\":\"Double\"},"
      + "\"channel\":{\"value\":\"app\",\"type\":\"String\"}}}";
  static final String DECISION = "{\"variables\":{\"intakeDecision\":{\"value\":\"accepted\",\"type\":\"String\"}}}";

  enum Kind {
    LIST("list my candidate tasks"), CLAIM("claim"), FORM("read form variables"), SUBMIT("submit form");

    final String label;

    Kind(String label) {
      this.label = label;
    }
  }

  /** One application under load: its JVM, port, database and staff login. */
  static final class Side {
    final String name;
    final String database;
    final String taskKey;
    final String user;
    final String password;
    final Path log;
    Process process;
    int port;
    String jdbcUrl;
    DatabaseCounters counters;
    HttpClient http;

    Side(String name, String database, String taskKey, String user, String password, Path log) {
      this.name = name;
      this.database = database;
      this.taskKey = taskKey;
      this.user = user;
      this.password = password;
      this.log = log;
    }

    String basic() {
      return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
  }

  /** One measured cell. */
  record Cell(String side, int concurrency, int repetition, long windowCalls, long windowTasks, double seconds,
      Map<Kind, List<Long>> nanos, String load) {

    double callsPerSecond() {
      return windowCalls / seconds;
    }

    double tasksPerSecond() {
      return windowTasks / seconds;
    }

    List<Long> all() {
      return nanos.values().stream().flatMap(List::stream).toList();
    }
  }

  /** What PostgreSQL counted for one side's cell, per finished task (four calls). */
  record Profile(String side, int concurrency, long tasks, long commits, long writeTransactions,
      List<DatabaseCounters.StatementKind> statements) {

    long statementCalls() {
      return statements.stream().mapToLong(DatabaseCounters.StatementKind::calls).sum();
    }

    double statementMillis() {
      return statements.stream().mapToDouble(DatabaseCounters.StatementKind::millis).sum();
    }
  }

  final List<Cell> cells = new ArrayList<>();
  final List<Profile> profiles = new ArrayList<>();
  /** Statements this benchmark itself sent to a side's database during a profiled cell (each its own commit). */
  final AtomicInteger ownStatements = new AtomicInteger();

  @Test
  void staffRestRateAgainstABareCamundaApplication() throws Exception {
    String loadBefore = EngineThroughputBenchmark.load();
    TestPostgres server = TestPostgres.testDefault().setting("shared_preload_libraries", "pg_stat_statements");
    if (DURABLE) {
      server.durableCommits();
    }
    Path work = Path.of("target", "benchmarks", "staff-rest");
    Files.createDirectories(work);
    Side bare = new Side("bare Camunda", "bare", BareCamundaApplication.TASK_KEY, BareCamundaApplication.USER,
        BareCamundaApplication.PASSWORD, work.resolve("bare.log"));
    Side project = new Side("obtaining-water", "project", ObtainingWaterProcess.UserTasks.REVIEW_APPLICATION, "lina",
        Staff.DEMO_PASSWORD, work.resolve("project.log"));
    try (EmbeddedPostgres database = server.start()) {
      try (Connection connection = database.getPostgresDatabase().getConnection();
          Statement statement = connection.createStatement()) {
        for (Side side : List.of(bare, project)) {
          statement.execute("CREATE DATABASE " + side.database);
        }
      }
      for (Side side : List.of(bare, project)) {
        side.jdbcUrl = database.getJdbcUrl("postgres", side.database);
        try (Connection connection = DriverManager.getConnection(side.jdbcUrl);
            Statement statement = connection.createStatement()) {
          statement.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
        }
        side.counters = new DatabaseCounters(side.jdbcUrl);
        side.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
      }
      try {
        bare.port = freePort();
        project.port = freePort();
        start(bare, BareCamundaApplication.class.getName(), bareArguments(bare), true);
        start(project, ObtainingWaterApplication.class.getName(), projectArguments(project), false);
        awaitServing(bare, "admin:admin");
        awaitServing(project, "admin:" + Staff.DEMO_PASSWORD);
        String machine = EngineThroughputBenchmark.machine(bare.counters.version());

        System.out.printf("--- warm-up, load %s%n", EngineThroughputBenchmark.load());
        for (Side side : List.of(bare, project)) {
          topUp(side, QUEUE);
          quiesce(side);
          cell(side, 4, 0, false);
        }
        cells.clear();
        for (int repetition = 1; repetition <= REPETITIONS; repetition++) {
          for (int concurrency : CONCURRENCY) {
            // Which application goes first alternates, so neither always follows the other's background work.
            List<Side> order = repetition % 2 == 1 ? List.of(bare, project) : List.of(project, bare);
            for (Side side : order) {
              topUp(side, QUEUE);
              quiesce(side);
              boolean profiled = repetition == REPETITIONS && concurrency == CONCURRENCY[CONCURRENCY.length - 1];
              print(cell(side, concurrency, repetition, profiled));
            }
          }
        }
        String report = report(machine, loadBefore, EngineThroughputBenchmark.load());
        System.out.println();
        System.out.println(report);
        Path out = Path.of("target", "benchmarks", "staff-rest.md");
        Files.writeString(out, report, StandardCharsets.UTF_8);
        System.out.println("Written to " + out.toAbsolutePath());
      } finally {
        for (Side side : List.of(bare, project)) {
          stop(side);
          side.counters.close();
        }
      }
    }
  }

  // --- the two applications ----------------------------------------------------------------

  List<String> bareArguments(Side side) {
    return List.of("--spring.config.name=bare-camunda", "--spring.main.banner-mode=off",
        "--spring.datasource.url=" + side.jdbcUrl, "--spring.datasource.username=postgres",
        "--spring.datasource.password=", "--spring.datasource.hikari.maximum-pool-size=10",
        // Flyway is on the class path (the project's dependency); the bare application has no migrations.
        "--spring.flyway.enabled=false",
        "--camunda.bpm.database.type=postgres", "--camunda.bpm.history-level=full",
        "--camunda.bpm.authorization.enabled=true", "--camunda.bpm.auto-deployment-enabled=false",
        "--camunda.bpm.admin-user.id=admin", "--camunda.bpm.admin-user.password=admin",
        "--server.port=" + side.port);
  }

  List<String> projectArguments(Side side) {
    List<String> arguments = new ArrayList<>(List.of("--spring.profiles.active=demo,postgres",
        "--spring.datasource.url=" + side.jdbcUrl, "--spring.datasource.username=postgres",
        "--spring.datasource.password=", "--server.port=" + side.port));
    for (String argument : APP_ARGS.split(",")) {
      if (!argument.isBlank()) {
        arguments.add(argument.strip());
      }
    }
    return arguments;
  }

  /**
   * A JVM of its own on this test's class path, less the project's classes for the bare application (their
   * configuration, migrations and processes would be found) and less the test classes for the project's.
   */
  void start(Side side, String mainClass, List<String> arguments, boolean bareApplication) throws IOException {
    List<String> kept = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path path = Path.of(entry).normalize();
      boolean projectClasses = path.endsWith(Path.of("target", "classes"));
      boolean testClasses = path.endsWith(Path.of("target", "test-classes"));
      if ((bareApplication && projectClasses) || (!bareApplication && testClasses)) {
        continue;
      }
      kept.add(entry);
    }
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        HEAP, "-cp", String.join(File.pathSeparator, kept), mainClass));
    command.addAll(arguments);
    side.process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(side.log.toFile()).start();
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  void awaitServing(Side side, String administrator) throws Exception {
    long deadline = System.nanoTime() + 240_000_000_000L;
    long began = System.nanoTime();
    while (System.nanoTime() < deadline) {
      assertThat(side.process.isAlive()).as("%s is running (log: %s)", side.name, side.log).isTrue();
      try {
        if (send(side, "GET", "/engine-rest/task/count", null, administrator).statusCode() == 200) {
          System.out.printf("%s serving on port %d after %d ms (log %s)%n", side.name, side.port,
              (System.nanoTime() - began) / 1_000_000, side.log);
          return;
        }
      } catch (IOException notYet) {
        // still starting
      }
      Thread.sleep(500);
    }
    throw new AssertionError(side.name + " did not serve within 240 s; see " + side.log);
  }

  static void stop(Side side) throws InterruptedException {
    if (side.process != null) {
      side.process.destroy();
      if (!side.process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
        side.process.destroyForcibly().waitFor();
      }
    }
  }

  // --- the work ------------------------------------------------------------------------------

  /** Files cases (project) or starts instances (bare) until {@code target} intake tasks are open and unclaimed. */
  void topUp(Side side, int target) throws Exception {
    long began = System.nanoTime();
    int missing = target - openTasks(side).size();
    if (missing > 0) {
      ExecutorService seeders = Executors.newFixedThreadPool(4);
      try {
        ApiClient customers = new ApiClient(Http.to(side.port).http11());
        List<Future<?>> filed = new ArrayList<>();
        for (int i = 0; i < missing; i++) {
          filed.add(seeders.submit(() -> {
            if (side.database.equals("project")) {
              int status = customers.apply(APPLICATION_BODY, "bench-" + UUID.randomUUID()).status();
              assertThat(status).as("a case filed through the customer API").isEqualTo(201);
            } else {
              HttpResponse<String> started = send(side, "POST",
                  "/engine-rest/process-definition/key/" + BareCamundaApplication.PROCESS_KEY + "/start",
                  String.format(BARE_START_BODY, UUID.randomUUID()), "admin:admin");
              assertThat(started.statusCode()).as("bare start: %s", started.body()).isEqualTo(200);
            }
            return null;
          }));
        }
        for (Future<?> one : filed) {
          one.get();
        }
      } finally {
        seeders.shutdownNow();
      }
      long deadline = System.nanoTime() + 300_000_000_000L;
      while (openTasks(side).size() < target) {
        assertThat(System.nanoTime()).as("%s: %d intake tasks within 300 s", side.name, target).isLessThan(deadline);
        Thread.sleep(250);
      }
    }
    System.out.printf("  %s: %d intake tasks open (%d filed in %d ms)%n", side.name, target, Math.max(missing, 0),
        (System.nanoTime() - began) / 1_000_000);
  }

  /** The unclaimed intake tasks, read straight from the side's database (not a measured call). */
  List<String> openTasks(Side side) throws Exception {
    List<String> ids = new ArrayList<>();
    try (Connection connection = DriverManager.getConnection(side.jdbcUrl);
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("/* bench */ SELECT id_ FROM act_ru_task WHERE task_def_key_ = '"
            + side.taskKey + "' AND assignee_ IS NULL")) {
      ownStatements.incrementAndGet();
      while (rs.next()) {
        ids.add(rs.getString(1));
      }
    }
    return ids;
  }

  /**
   * Lets the side's own background work end before a cell: due jobs (the project's cases move on after intake in
   * asynchronous steps) and, for the project, the SMS outbox.
   */
  void quiesce(Side side) throws Exception {
    long deadline = System.nanoTime() + 180_000_000_000L;
    try (Connection connection = DriverManager.getConnection(side.jdbcUrl);
        Statement statement = connection.createStatement()) {
      while (true) {
        long pending;
        ownStatements.incrementAndGet();
        try (ResultSet rs = statement.executeQuery("/* bench */ SELECT count(*) FROM act_ru_job WHERE retries_ > 0 "
            + "AND suspension_state_ = 1 AND (duedate_ IS NULL OR duedate_ <= now())")) {
          rs.next();
          pending = rs.getLong(1);
        }
        if (side.database.equals("project")) {
          ownStatements.incrementAndGet();
          try (ResultSet rs = statement.executeQuery(
              "/* bench */ SELECT count(*) FROM notification_outbox WHERE status NOT IN ('SENT', 'FAILED')")) {
            rs.next();
            pending += rs.getLong(1);
          }
        }
        if (pending == 0) {
          return;
        }
        if (System.nanoTime() > deadline) {
          System.out.printf("  %s: %d jobs or notices still due after 180 s; measuring anyway%n", side.name, pending);
          return;
        }
        Thread.sleep(200);
      }
    }
  }

  Cell cell(Side side, int concurrency, int repetition, boolean profiled) throws Exception {
    List<String> open = openTasks(side);
    Collections.shuffle(open);
    List<ConcurrentLinkedQueue<String>> shares = new ArrayList<>();
    for (int client = 0; client < concurrency; client++) {
      shares.add(new ConcurrentLinkedQueue<>());
    }
    for (int i = 0; i < open.size(); i++) {
      shares.get(i % concurrency).add(open.get(i));
    }
    DatabaseCounters.Snapshot before = null;
    if (profiled) {
      Thread.sleep(11_000); // pg_stat_database has every count of what came before (EngineThroughputBenchmark)
      before = side.counters.snapshot();
      side.counters.resetStatements();
      ownStatements.set(0);
    }
    Map<Kind, List<Long>> nanos = new EnumMap<>(Kind.class);
    for (Kind kind : Kind.values()) {
      nanos.put(kind, Collections.synchronizedList(new ArrayList<>()));
    }
    AtomicInteger windowCalls = new AtomicInteger();
    AtomicInteger windowTasks = new AtomicInteger();
    AtomicInteger allTasks = new AtomicInteger();
    AtomicReference<String> ranDry = new AtomicReference<>();
    long began = System.nanoTime();
    long windowStart = began + WARM_UP_MILLIS * 1_000_000;
    long windowEnd = windowStart + WINDOW_MILLIS * 1_000_000;
    ExecutorService clients = Executors.newFixedThreadPool(concurrency);
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int client = 0; client < concurrency; client++) {
        ConcurrentLinkedQueue<String> share = shares.get(client);
        running.add(clients.submit(() -> {
          while (System.nanoTime() < windowEnd) {
            String task = share.poll();
            if (task == null) {
              ranDry.set(side.name + " c=" + concurrency + ": a client ran out of tasks; raise -Dbench.queue");
              return null;
            }
            call(side, Kind.LIST, "GET", "/engine-rest/task?candidateUser=" + side.user + "&firstResult=0&maxResults=15",
                null, 200, windowStart, windowEnd, nanos, windowCalls);
            call(side, Kind.CLAIM, "POST", "/engine-rest/task/" + task + "/claim",
                "{\"userId\":\"" + side.user + "\"}", 204, windowStart, windowEnd, nanos, windowCalls);
            call(side, Kind.FORM, "GET", "/engine-rest/task/" + task + "/form-variables", null, 200, windowStart,
                windowEnd, nanos, windowCalls);
            long submitted = call(side, Kind.SUBMIT, "POST", "/engine-rest/task/" + task + "/submit-form", DECISION, 204,
                windowStart, windowEnd, nanos, windowCalls);
            allTasks.incrementAndGet();
            if (submitted >= windowStart && submitted <= windowEnd) {
              windowTasks.incrementAndGet();
            }
          }
          return null;
        }));
      }
      for (Future<?> client : running) {
        client.get();
      }
    } finally {
      clients.shutdownNow();
    }
    assertThat(ranDry.get()).as("tasks enough for the cell").isNull();
    String load = EngineThroughputBenchmark.load();
    Cell cell = new Cell(side.name, concurrency, repetition, windowCalls.get(), windowTasks.get(), WINDOW_MILLIS / 1000.0,
        nanos, load);
    if (profiled) {
      quiesce(side);
      Thread.sleep(11_000);
      List<DatabaseCounters.StatementKind> statements = side.counters.statements().stream()
          .filter(kind -> !kind.kind().startsWith("/*")).toList();
      DatabaseCounters.Snapshot after = side.counters.snapshot();
      long commits = after.commits() - before.commits() - ownStatements.get();
      profiles.add(new Profile(side.name, concurrency, allTasks.get(), commits,
          after.nextTransactionId() - before.nextTransactionId(), statements));
    }
    cells.add(cell);
    return cell;
  }

  /** One call; its duration is kept when it began and ended inside the window. Returns when it ended. */
  long call(Side side, Kind kind, String method, String path, String body, int expected, long windowStart,
      long windowEnd, Map<Kind, List<Long>> nanos, AtomicInteger windowCalls) throws Exception {
    long began = System.nanoTime();
    HttpResponse<String> response = send(side, method, path, body, null);
    long ended = System.nanoTime();
    if (response.statusCode() != expected) {
      throw new AssertionError(side.name + " " + method + " " + path + ": expected " + expected + ", answered "
          + response.statusCode() + " " + response.body());
    }
    if (began >= windowStart && ended <= windowEnd) {
      nanos.get(kind).add(ended - began);
    }
    if (ended >= windowStart && ended <= windowEnd) {
      windowCalls.incrementAndGet();
    }
    return ended;
  }

  /** An HTTP call as the side's staff user, or as {@code login} ({@code user:password}) when given. */
  static HttpResponse<String> send(Side side, String method, String path, String body, String login)
      throws IOException, InterruptedException {
    String authorization = login == null ? side.basic()
        : "Basic " + Base64.getEncoder().encodeToString(login.getBytes(StandardCharsets.UTF_8));
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + side.port + path))
        .timeout(Duration.ofSeconds(60))
        .header("Authorization", authorization).header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
        .build();
    return side.http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  // --- report ----------------------------------------------------------------------------------

  static void print(Cell cell) {
    System.out.printf("%-16s c=%d rep %d: %7.1f calls/s %6.1f tasks/s, call p50 %.1f p99 %.1f ms, load %s%n",
        cell.side(), cell.concurrency(), cell.repetition(), cell.callsPerSecond(), cell.tasksPerSecond(),
        Latencies.quantile(cell.all(), 0.5), Latencies.quantile(cell.all(), 0.99), cell.load());
  }

  static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n == 0 ? Double.NaN : n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  String report(String machine, String loadBefore, String loadAfter) {
    StringBuilder out = new StringBuilder();
    out.append(String.format("Machine: %s. Durable commits: %s. Load average before %s, after %s.%n", machine, DURABLE,
        loadBefore, loadAfter));
    out.append(String.format("Cells: warm-up %d ms, window %d ms, %d open intake tasks at the start of each; "
        + "%d repetitions.%s%n%n", WARM_UP_MILLIS, WINDOW_MILLIS, QUEUE, REPETITIONS,
        APP_ARGS.isBlank() ? "" : " Project arguments: `" + APP_ARGS + "`."));
    out.append("| application | c | rep | calls/s | tasks/s | p50 ms | p99 ms | list p50/p99 | claim p50/p99 "
        + "| form p50/p99 | submit p50/p99 | load (1, 5, 15 min) |\n|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|\n");
    for (Cell cell : cells) {
      out.append(String.format("| %s | %d | %d | %.1f | %.1f | %.1f | %.1f |", cell.side(), cell.concurrency(),
          cell.repetition(), cell.callsPerSecond(), cell.tasksPerSecond(), Latencies.quantile(cell.all(), 0.5),
          Latencies.quantile(cell.all(), 0.99)));
      for (Kind kind : Kind.values()) {
        out.append(String.format(" %.1f / %.1f |", Latencies.quantile(cell.nanos().get(kind), 0.5),
            Latencies.quantile(cell.nanos().get(kind), 0.99)));
      }
      out.append(" ").append(cell.load().split(" ")[0]).append(' ').append(cell.load().split(" ")[1]).append(' ')
          .append(cell.load().split(" ")[2]).append(" |\n");
    }
    out.append("\n| c | bare calls/s (median) | project calls/s (median) | project ÷ bare per repetition | median ratio "
        + "| bare p50 / p99 ms | project p50 / p99 ms |\n|--:|--:|--:|---|--:|--:|--:|\n");
    for (int concurrency : CONCURRENCY) {
      List<Double> bareRates = new ArrayList<>();
      List<Double> projectRates = new ArrayList<>();
      List<Double> ratios = new ArrayList<>();
      List<Long> bareAll = new ArrayList<>();
      List<Long> projectAll = new ArrayList<>();
      for (int repetition = 1; repetition <= REPETITIONS; repetition++) {
        Cell bareCell = find("bare Camunda", concurrency, repetition);
        Cell projectCell = find("obtaining-water", concurrency, repetition);
        bareRates.add(bareCell.callsPerSecond());
        projectRates.add(projectCell.callsPerSecond());
        ratios.add(projectCell.callsPerSecond() / bareCell.callsPerSecond());
        bareAll.addAll(bareCell.all());
        projectAll.addAll(projectCell.all());
      }
      out.append(String.format("| %d | %.1f | %.1f | %s | **%.2f** | %.1f / %.1f | %.1f / %.1f |%n", concurrency,
          median(bareRates), median(projectRates),
          ratios.stream().map(ratio -> String.format("%.2f", ratio)).collect(Collectors.joining(", ")), median(ratios),
          Latencies.quantile(bareAll, 0.5), Latencies.quantile(bareAll, 0.99), Latencies.quantile(projectAll, 0.5),
          Latencies.quantile(projectAll, 0.99)));
    }
    for (Profile profile : profiles) {
      double tasks = profile.tasks();
      out.append(String.format("%nPostgreSQL per task (4 calls), %s, c=%d, last repetition, warm-up and window, "
              + "%d tasks, background work after the window included: %.1f statements (%d kinds), %.2f ms execution, "
              + "%.1f commits (read-only included), %.1f writing transactions.%n",
          profile.side(), profile.concurrency(), profile.tasks(), profile.statementCalls() / tasks,
          profile.statements().size(), profile.statementMillis() / tasks, profile.commits() / tasks,
          profile.writeTransactions() / tasks));
      out.append("\n| statement kind | per task | ms per task |\n|---|--:|--:|\n");
      profile.statements().stream()
          .sorted(java.util.Comparator.comparingLong(DatabaseCounters.StatementKind::calls).reversed()).limit(20)
          .forEach(kind -> out.append(String.format("| `%s` | %.2f | %.3f |%n", kind.kind(), kind.calls() / tasks,
              kind.millis() / tasks)));
    }
    return out.toString();
  }

  Cell find(String side, int concurrency, int repetition) {
    return cells.stream().filter(cell -> cell.side().equals(side) && cell.concurrency() == concurrency
        && cell.repetition() == repetition).findFirst().orElseThrow();
  }
}
