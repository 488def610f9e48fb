package org.obtainingwater.benchmark;

import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * The engine's own count of its work: every top-level command (one engine transaction each: a start,
 * a task completion, a query, a job acquisition, a job execution) by class, with its count and the
 * time it took including the commit. Added to the benchmark's application as a process engine
 * plugin in front of the transaction interceptor; nested commands run inside their parent's
 * transaction and are not counted again.
 */
final class CommandProfile extends AbstractProcessEnginePlugin {

  record Entry(String command, long count, long nanos) {
  }

  private final Map<String, LongAdder[]> byCommand = new ConcurrentHashMap<>();
  private final ThreadLocal<int[]> depth = ThreadLocal.withInitial(() -> new int[1]);
  private final LongAdder total = new LongAdder();

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
      configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
    }
    configuration.getCustomPreCommandInterceptorsTxRequired().add(new Timing());
  }

  /** Top-level commands since the start, never reset: the engine's own count of its transactions. */
  long total() {
    return total.sum();
  }

  void reset() {
    byCommand.clear();
  }

  /** What was counted since the last reset, most expensive first. */
  java.util.List<Entry> entries() {
    return byCommand.entrySet().stream()
        .map(entry -> new Entry(entry.getKey(), entry.getValue()[0].sum(), entry.getValue()[1].sum()))
        .sorted(java.util.Comparator.comparingLong(Entry::nanos).reversed())
        .toList();
  }

  private final class Timing extends CommandInterceptor {

    @Override
    public <T> T execute(Command<T> command) {
      int[] level = depth.get();
      if (level[0]++ > 0) {
        try {
          return next.execute(command);
        } finally {
          level[0]--;
        }
      }
      long began = System.nanoTime();
      try {
        return next.execute(command);
      } finally {
        level[0]--;
        LongAdder[] counters = byCommand.computeIfAbsent(name(command), name -> new LongAdder[] {new LongAdder(), new LongAdder()});
        counters[0].increment();
        counters[1].add(System.nanoTime() - began);
        total.increment();
      }
    }
  }

  /** Queries are one class each (TaskQueryImpl, ...), commands too; anonymous classes by their enclosing class. */
  private static String name(Command<?> command) {
    Class<?> type = command.getClass();
    while (type.isAnonymousClass() || type.isSynthetic() && type.getEnclosingClass() != null) {
      type = type.getEnclosingClass();
    }
    return type.getSimpleName().isEmpty() ? type.getName() : type.getSimpleName();
  }
}
