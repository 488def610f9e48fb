package org.obtainingwater.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which years the working calendar knows officially, the provisional year after them, and a year's notice loaded
 * from the notices directory while the application runs (docs/operations.md). The 2027 notice here is test data
 * shaped like a State Council notice, not the real one.
 */
class WorkingCalendarYearsTests {

  @TempDir
  Path notices;

  static WorkingCalendar shipped2026() {
    return new WorkingCalendar(new WorkingCalendarSettings(LocalTime.of(8, 30), LocalTime.of(17, 30),
        List.of("2026-01-01..2026-01-03", "2026-02-15..2026-02-23", "2026-04-04..2026-04-06",
            "2026-05-01..2026-05-05", "2026-06-19..2026-06-21", "2026-09-25..2026-09-27", "2026-10-01..2026-10-07"),
        List.of("2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10")),
        WorkingCalendarTests.BEIJING);
  }

  static Instant beijing(String localTime) {
    return LocalDateTime.parse(localTime).atZone(WorkingCalendarTests.BEIJING).toInstant();
  }

  @Test
  void theYearAfterTheLastNotice_isProvisional_statutoryHolidaysOnly_andFlagged() {
    WorkingCalendar calendar = shipped2026();
    assertThat(calendar.officialYears()).containsExactly(2026);
    assertThat(calendar.provisionalYears()).containsExactly(2027);
    assertThat(calendar.lastCoveredDay()).contains(LocalDate.of(2026, 12, 31));

    // 春节 2027: 除夕 5 February to 初三 8 February; no bridging day, no 调休
    assertThat(calendar.isWorkingDay(LocalDate.of(2027, 2, 5))).isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.of(2027, 2, 8))).isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.of(2027, 2, 9))).isTrue();
    assertThat(calendar.isWorkingDay(LocalDate.of(2027, 1, 1))).as("元旦").isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.of(2027, 4, 5))).as("清明").isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.of(2027, 5, 3))).as("劳动节 is two days").isTrue();
    assertThat(calendar.isWorkingDay(LocalDate.of(2027, 6, 9))).as("端午").isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.of(2027, 9, 15))).as("中秋").isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.of(2027, 10, 1))).as("国庆").isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.of(2027, 10, 4))).as("国庆 is three days").isTrue();
    assertThat(calendar.add(beijing("2027-02-04T10:00"), "P1D")).isEqualTo(beijing("2027-02-09T10:00"));

    assertThat(calendar.isWorkingDay(LocalDate.of(2028, 1, 26))).as("only one provisional year").isTrue();
  }

  @Test
  void loadingANewYearsNotice_changesDueDatesComputedAfterIt_andMakesTheYearOfficial() throws IOException {
    WorkingCalendar calendar = shipped2026();
    WorkingCalendarNotices directory = new WorkingCalendarNotices(calendar, notices);
    Instant arrived = beijing("2027-02-04T10:00");
    assertThat(calendar.add(arrived, "P1D")).isEqualTo(beijing("2027-02-09T10:00"));

    Files.writeString(notices.resolve("2027.txt"), """
        # test notice for 2027 (not the State Council's text)
        holiday: 2027-01-01..2027-01-03
        holiday: 2027-02-05..2027-02-12   # 春节
        workday: 2027-02-20
        """);
    assertThat(directory.reload()).isEqualTo(1);

    assertThat(calendar.add(arrived, "P1D")).isEqualTo(beijing("2027-02-15T10:00"));
    assertThat(calendar.isWorkingDay(LocalDate.of(2027, 2, 20))).as("调休上班 Saturday").isTrue();
    assertThat(calendar.isWorkingDay(LocalDate.of(2027, 6, 9))).as("the notice replaces the provisional year")
        .isTrue();
    assertThat(calendar.officialYears()).containsExactly(2026, 2027);
    assertThat(calendar.provisionalYears()).containsExactly(2028);
    assertThat(calendar.lastCoveredDay()).contains(LocalDate.of(2027, 12, 31));
    assertThat(directory.reload()).as("an unchanged file is not loaded again").isZero();
  }

  @Test
  void aNoticeThatCannotBeRead_leavesTheCalendarAsItWas() throws IOException {
    WorkingCalendar calendar = shipped2026();
    WorkingCalendarNotices directory = new WorkingCalendarNotices(calendar, notices);
    Files.writeString(notices.resolve("2027.txt"), "holiday: 2027-02-05..2027-02-12\nholiday: 2028-01-01\n");
    Files.writeString(notices.resolve("2028.txt"), "holiday: 2028-01-01\nworkday: 2028-01-03\n"); // a Monday

    assertThat(directory.reload()).isZero();
    assertThat(calendar.officialYears()).containsExactly(2026);
    assertThat(calendar.isWorkingDay(LocalDate.of(2027, 2, 10))).isTrue();
  }
}
