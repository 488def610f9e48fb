package org.obtainingwater.cases;

import java.util.Locale;

import org.obtainingwater.process.ApplicationRules;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The case counters of the operations dashboard (docs/operations.md): cases started per channel
 * ({@code ow_cases_started_total{channel}}) and finished per outcome ({@code ow_cases_finished_total{outcome}}).
 * Counted when the engine's transaction commits, so a filing that rolls back (a racing retry with the
 * same Idempotency-Key, a failed start) is not counted. Every channel and outcome is registered at zero at
 * start, so a dashboard sees each series before its first case.
 */
@Component
public class CaseMeters {

  public static final String STARTED = "ow.cases.started";
  public static final String FINISHED = "ow.cases.finished";

  private final MeterRegistry registry;

  CaseMeters(MeterRegistry registry) {
    this.registry = registry;
    ApplicationRules.CHANNELS.forEach(channel -> started(channel));
    for (Outcome outcome : Outcome.values()) {
      finished(outcome);
    }
  }

  void countStarted(String channel) {
    afterCommit(() -> started(channel).increment());
  }

  void countFinished(Outcome outcome) {
    afterCommit(() -> finished(outcome).increment());
  }

  private Counter started(String channel) {
    return Counter.builder(STARTED).description("Cases filed, per customer channel")
        .tag("channel", channel == null ? "unknown" : channel).register(registry);
  }

  private Counter finished(Outcome outcome) {
    return Counter.builder(FINISHED).description("Cases ended, per outcome")
        .tag("outcome", outcome.name().toLowerCase(Locale.ROOT)).register(registry);
  }

  private static void afterCommit(Runnable count) {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          count.run();
        }
      });
    } else {
      count.run();
    }
  }
}
