package org.obtainingwater.scorecard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.obtainingwater.process.InvalidInputException;

class ScorecardPeriodTests {

  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  static final LocalDate TODAY = LocalDate.of(2026, 1, 15);

  @Test
  void withoutDates_thePeriodIsTheLastCalendarMonth_evenAcrossTheYear() {
    ScorecardPeriod period = ScorecardPeriod.parse(null, "", SHANGHAI, TODAY);
    assertThat(period.from()).isEqualTo("2025-12-01");
    assertThat(period.to()).isEqualTo("2025-12-31");
    assertThat(period.start()).isEqualTo("2025-11-30T16:00:00Z");
    assertThat(period.end()).isEqualTo("2025-12-31T16:00:00Z");
  }

  @Test
  void oneDate_meansThatDatesMonth() {
    assertThat(ScorecardPeriod.parse("2026-02-10", null, SHANGHAI, TODAY).to()).isEqualTo("2026-02-28");
    assertThat(ScorecardPeriod.parse(null, "2026-02-10", SHANGHAI, TODAY).from()).isEqualTo("2026-02-01");
  }

  @Test
  void wrongDates_nameTheParameter() {
    assertThatThrownBy(() -> ScorecardPeriod.parse("2026-02-30", null, SHANGHAI, TODAY))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("from"));
    assertThatThrownBy(() -> ScorecardPeriod.parse("2026-03-01", "2026-02-01", SHANGHAI, TODAY))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("to"));
    assertThat(ScorecardPeriod.parse("2025-01-01", "2025-12-31", SHANGHAI, TODAY).days()).isEqualTo(365);
  }
}
