package org.obtainingwater.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * A poor man's profiler for the profiled cells: every 20 ms the stacks of the threads that do the
 * work (load clients, job executor, web requests, outbox dispatcher) that are RUNNABLE in Java, i.e.
 * on the CPU or in a socket read. Counts, per sample, where a stack is (its top frame: "self") and
 * every method on it once ("inclusive"), so the share of samples a method accounts for shows what
 * costs the CPU and what waits for the database.
 */
final class StackSampler implements AutoCloseable {

  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private final Map<String, LongAdder> inclusive = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> self = new ConcurrentHashMap<>();
  private final LongAdder samples = new LongAdder();
  private final Thread sampler;

  StackSampler() {
    sampler = new Thread(this::sample, "stack-sampler");
    sampler.setDaemon(true);
    sampler.start();
  }

  private void sample() {
    while (!Thread.currentThread().isInterrupted()) {
      for (ThreadInfo info : threads.dumpAllThreads(false, false)) {
        if (info.getThreadState() != Thread.State.RUNNABLE || !working(info.getThreadName())) {
          continue;
        }
        StackTraceElement[] stack = info.getStackTrace();
        if (stack.length == 0) {
          continue;
        }
        samples.increment();
        self.computeIfAbsent(layer(stack), key -> new LongAdder()).increment();
        Set<String> seen = new HashSet<>();
        for (StackTraceElement element : stack) {
          String frame = frame(element);
          if (interesting(frame) && seen.add(frame)) {
            inclusive.computeIfAbsent(frame, key -> new LongAdder()).increment();
          }
        }
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** Layers by the package of the innermost frame that names one; the first match from the top of the stack wins. */
  private static final String[][] LAYERS = {
      {"java.net.", "waiting for PostgreSQL (socket read)"},
      {"sun.nio.ch.", "waiting for PostgreSQL (socket read)"},
      {"org.postgresql.", "PostgreSQL JDBC driver"},
      {"com.zaxxer.hikari.", "connection pool"},
      {"org.apache.ibatis.", "MyBatis (SQL mapping)"},
      {"org.springframework.expression.", "SpEL (event listener conditions, expressions)"},
      {"org.springframework.context.event.", "Spring application events"},
      {"org.springframework.jdbc.", "Spring JDBC"},
      {"org.springframework.transaction.", "Spring transactions"},
      {"com.fasterxml.jackson.", "JSON (Jackson)"},
      {"ch.qos.logback.", "logging"},
      {"org.slf4j.", "logging"},
      {"org.camunda.bpm.dmn.", "DMN decisions"},
      {"org.camunda.feel.", "DMN decisions"},
      {"org.camunda.bpm.impl.juel.", "JUEL expressions"},
      {"org.camunda.bpm.engine.impl.history.", "Camunda history events"},
      {"org.camunda.bpm.engine.impl.db.", "Camunda persistence (entity cache, flush)"},
      {"org.camunda.bpm.engine.impl.persistence.", "Camunda persistence (entity cache, flush)"},
      {"org.camunda.bpm.engine.rest.", "engine-rest"},
      {"org.camunda.bpm.engine.impl.digest.", "password hashing"},
      {"java.security.", "password hashing"},
      {"sun.security.", "password hashing"},
      {"org.camunda.bpm.engine.impl.form.", "Camunda forms"},
      {"org.camunda.bpm.engine.impl.variable.", "Camunda variables"},
      {"org.camunda.bpm.engine.variable.", "Camunda variables"},
      {"org.camunda.bpm.engine.impl.bpmn.", "Camunda BPMN behaviour"},
      {"org.camunda.bpm.engine.impl.pvm.", "Camunda execution tree (PVM)"},
      {"org.camunda.bpm.engine.impl.", "Camunda engine, other"},
      {"org.camunda.", "Camunda, other"},
      {"org.obtainingwater.benchmark.", "load driver"},
      {"org.obtainingwater.", "application code"},
      {"org.apache.catalina.", "Tomcat / servlet filters"},
      {"org.apache.tomcat.", "Tomcat / servlet filters"},
      {"org.apache.coyote.", "Tomcat / servlet filters"},
      {"org.springframework.web.", "Spring MVC"},
      {"org.springframework.", "Spring, other"},
      {"jdk.internal.net.http.", "load driver"},
  };

  private static String layer(StackTraceElement[] stack) {
    for (StackTraceElement element : stack) {
      for (String[] layer : LAYERS) {
        if (element.getClassName().startsWith(layer[0])) {
          return layer[1];
        }
      }
    }
    return "JDK, other";
  }

  /** Steps worth naming inclusively: the application's own code and the engine's big phases. */
  private static boolean interesting(String frame) {
    return frame.startsWith("org.obtainingwater.") && !frame.startsWith("org.obtainingwater.benchmark.")
        || frame.endsWith("DbEntityManager.flush")
        || frame.endsWith("SimpleApplicationEventMulticaster.multicastEvent")
        || frame.endsWith("ApplicationListenerMethodAdapter.shouldHandle")
        || frame.endsWith("DbHistoryEventHandler.handleEvent")
        || frame.endsWith("CompositeHistoryEventHandler.handleEvent")
        || frame.endsWith("TransactionContext.commit") || frame.endsWith("AbstractPlatformTransactionManager.commit")
        || frame.endsWith("ExecuteJobsCmd.execute") || frame.endsWith("AcquireJobsCmd.execute")
        || frame.endsWith("AuthorizationManager.checkAuthorization") || frame.endsWith("CheckPassword.execute")
        || frame.endsWith("ProcessEngineAuthenticationFilter.doFilter")
        || frame.endsWith("DefaultDmnEngine.evaluateDecision") || frame.endsWith("DefaultDmnEngine.evaluateDecisionTable");
  }

  private static boolean working(String thread) {
    return thread.startsWith("pool-") || thread.contains("TaskExecutor") || thread.startsWith("http-nio")
        || thread.startsWith("scheduling");
  }

  private static String frame(StackTraceElement element) {
    String type = element.getClassName();
    int dollar = type.indexOf("$$");
    if (dollar > 0) {
      type = type.substring(0, dollar);
    }
    return type + "." + element.getMethodName();
  }

  long samples() {
    return samples.sum();
  }

  /** Methods by share of samples, highest first, leaving out the frames every stack has. */
  List<Map.Entry<String, Long>> inclusive(int limit) {
    return top(inclusive, limit);
  }

  List<Map.Entry<String, Long>> self(int limit) {
    return top(self, limit);
  }

  private static List<Map.Entry<String, Long>> top(Map<String, LongAdder> counts, int limit) {
    return counts.entrySet().stream()
        .map(entry -> Map.entry(entry.getKey(), entry.getValue().sum()))
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(limit)
        .toList();
  }

  @Override
  public void close() {
    sampler.interrupt();
  }
}
