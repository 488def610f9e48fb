package org.obtainingwater.adapters;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.obtainingwater.adapters.AdapterJournal.Kind;

/**
 * How a system outside the utility treats an idempotency key, as the recording adapters play it: the
 * first call with a key does the work and its answer is remembered; a later call with the same key gets
 * that answer again and does nothing (docs/adr/0021). Every call is written to the {@link AdapterJournal}
 * when it is on.
 */
final class IdempotentCalls {

  /** The answer to a call, and whether it repeated an earlier call with the same key. */
  public record Answer(String value, boolean repeat) {
  }

  /** Keys remembered; older ones are forgotten, as a real system keeps keys for a while, not forever. */
  private static final int REMEMBERED = 100_000;

  private final String system;
  private final Map<String, String> answers;
  private final AdapterJournal journal;
  private final Duration latency;

  IdempotentCalls(String system, Map<String, String> answered, AdapterJournal journal, Duration latency) {
    this.system = system;
    this.answers = new LinkedHashMap<>(answered);
    this.journal = journal;
    this.latency = latency;
  }

  /** How many keys it remembers answering with an effect, from this life of the application and the journal's earlier ones. */
  public synchronized int effects() {
    return answers.size();
  }

  /** Calls with {@code key}: the first one runs {@code work} and remembers its answer, later ones get it again. */
  public Answer call(String key, Supplier<String> work) {
    Answer answer;
    synchronized (this) {
      String earlier = answers.get(key);
      if (earlier != null) {
        journal.append(system, Kind.REPEAT, key, earlier);
        answer = new Answer(earlier, true);
      } else {
        String value = work.get();
        if (answers.size() == REMEMBERED) {
          answers.remove(answers.keySet().iterator().next());
        }
        answers.put(key, value);
        journal.append(system, Kind.EFFECT, key, value);
        answer = new Answer(value, false);
      }
    }
    if (!latency.isZero()) {
      try {
        Thread.sleep(latency.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(system + " call interrupted", e);
      }
    }
    return answer;
  }
}
