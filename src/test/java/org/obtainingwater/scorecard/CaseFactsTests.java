package org.obtainingwater.scorecard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The cost to the customer the scorecard counts (docs/adr/0043): what was paid, not what was quoted. */
class CaseFactsTests {

  @Test
  void aWaivedFee_costsNothing() {
    assertThat(facts(0.0, true, null, null).cost()).isZero();
  }

  @Test
  void aQuotedFee_costsWhatWasPaid_andNothingIsCountedWhileUnpaid() {
    assertThat(facts(86_000.0, false, 86_000.0, 86_000.0).cost()).isEqualTo(86_000.0);
    assertThat(facts(86_000.0, false, 86_000.0, 80_000.0).cost()).as("paid, not quoted").isEqualTo(80_000.0);
    assertThat(facts(86_000.0, false, 86_000.0, null).cost()).as("a credit connection within its term").isNull();
  }

  @Test
  void aCaseOfAVersionBeforeQuotes_keepsTheFeeDecisionsAmount() {
    assertThat(facts(12_000.0, false, null, null).cost()).isEqualTo(12_000.0);
  }

  private static CaseFacts facts(Double customerFee, boolean waived, Double quoted, Double paid) {
    Instant at = Instant.parse("2026-11-23T01:00:00Z");
    return new CaseFacts("GW-2026-000001", "pi", at, at, List.of(), customerFee, waived, List.of(), 1, null, Map.of(),
        quoted, paid);
  }
}
