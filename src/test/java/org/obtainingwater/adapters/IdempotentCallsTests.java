package org.obtainingwater.adapters;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.obtainingwater.adapters.AdapterJournal.Entry;
import org.obtainingwater.adapters.AdapterJournal.Kind;

/** How the recording adapters' stand-in systems treat idempotency keys, within one life and across a restart. */
class IdempotentCallsTests {

  @TempDir
  Path directory;

  @Test
  void aRepeatedKey_getsTheFirstAnswer_andDoesNoWork() {
    AtomicInteger work = new AtomicInteger();
    IdempotentCalls calls = new AdapterJournal("", Duration.ZERO).calls("billing");

    IdempotentCalls.Answer first = calls.call("GW-2026-000001", () -> "YH" + work.incrementAndGet());
    IdempotentCalls.Answer again = calls.call("GW-2026-000001", () -> "YH" + work.incrementAndGet());
    IdempotentCalls.Answer other = calls.call("GW-2026-000002", () -> "YH" + work.incrementAndGet());

    assertThat(first).isEqualTo(new IdempotentCalls.Answer("YH1", false));
    assertThat(again).isEqualTo(new IdempotentCalls.Answer("YH1", true));
    assertThat(other).isEqualTo(new IdempotentCalls.Answer("YH2", false));
    assertThat(work).hasValue(2);
  }

  @Test
  void withAJournal_everyCallIsALine_andTheAnswersSurviveARestart() {
    Path file = directory.resolve("adapters.journal");
    IdempotentCalls firstLife = new AdapterJournal(file.toString(), Duration.ZERO).calls("permit-authority");
    firstLife.call("GW-2026-000001/road/1", () -> "ZD-GW-2026-000001-1");
    firstLife.call("GW-2026-000001/road/1", () -> "never");

    AtomicInteger work = new AtomicInteger();
    AdapterJournal restarted = new AdapterJournal(file.toString(), Duration.ZERO);
    IdempotentCalls.Answer afterRestart = restarted.calls("permit-authority")
        .call("GW-2026-000001/road/1", () -> "ZD-again-" + work.incrementAndGet());
    IdempotentCalls.Answer otherSystem = restarted.calls("billing")
        .call("GW-2026-000001/road/1", () -> "YH" + work.incrementAndGet());

    assertThat(afterRestart).isEqualTo(new IdempotentCalls.Answer("ZD-GW-2026-000001-1", true));
    assertThat(otherSystem.repeat()).as("keys are per system").isFalse();
    assertThat(work).hasValue(1);
    assertThat(AdapterJournal.read(file)).extracting(Entry::system, Entry::kind, Entry::key, Entry::answer).containsExactly(
        org.assertj.core.groups.Tuple.tuple("permit-authority", Kind.EFFECT, "GW-2026-000001/road/1", "ZD-GW-2026-000001-1"),
        org.assertj.core.groups.Tuple.tuple("permit-authority", Kind.REPEAT, "GW-2026-000001/road/1", "ZD-GW-2026-000001-1"),
        org.assertj.core.groups.Tuple.tuple("permit-authority", Kind.REPEAT, "GW-2026-000001/road/1", "ZD-GW-2026-000001-1"),
        org.assertj.core.groups.Tuple.tuple("billing", Kind.EFFECT, "GW-2026-000001/road/1", "YH1"));
    assertThat(AdapterJournal.read(file)).extracting(Entry::pid).containsOnly(ProcessHandle.current().pid());
  }

  @Test
  void theLineIsWrittenBeforeTheSlowAnswerReturns() {
    Path file = directory.resolve("slow.journal");
    IdempotentCalls slow = new AdapterJournal(file.toString(), Duration.ofMillis(200)).calls("sms-gateway");
    long started = System.nanoTime();

    slow.call("ow-notice-1", () -> "SMS-LOCAL-1");

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
    assertThat(AdapterJournal.read(file)).singleElement().extracting(Entry::kind).isEqualTo(Kind.EFFECT);
  }
}
