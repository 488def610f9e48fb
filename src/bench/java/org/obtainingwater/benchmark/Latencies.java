package org.obtainingwater.benchmark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Durations of one cell: each call that changes state (a start, a task completion, a filing), each
 * read a client makes while it waits for the next task, and each whole case. Thread-safe.
 */
final class Latencies {

  private final List<Long> calls = new ArrayList<>();
  private final List<Long> reads = new ArrayList<>();
  private final List<Long> cases = new ArrayList<>();

  <T> T call(Callable<T> call) {
    return timed(calls, call);
  }

  <T> T read(Callable<T> read) {
    return timed(reads, read);
  }

  void run(Runnable work) {
    long began = System.nanoTime();
    work.run();
    add(cases, System.nanoTime() - began);
  }

  void commit(long nanos) {
    add(calls, nanos);
  }

  private <T> T timed(List<Long> into, Callable<T> work) {
    long began = System.nanoTime();
    try {
      return work.call();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    } finally {
      add(into, System.nanoTime() - began);
    }
  }

  private synchronized void add(List<Long> into, long nanos) {
    into.add(nanos);
  }

  synchronized double callMillis(double quantile) {
    return quantile(calls, quantile);
  }

  synchronized double readMillis(double quantile) {
    return quantile(reads, quantile);
  }

  synchronized double caseMillis(double quantile) {
    return quantile(cases, quantile);
  }

  /** Nearest-rank quantile in milliseconds; NaN when nothing was measured. */
  static double quantile(List<Long> nanos, double quantile) {
    if (nanos.isEmpty()) {
      return Double.NaN;
    }
    long[] sorted = nanos.stream().mapToLong(Long::longValue).toArray();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(quantile * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
  }
}
