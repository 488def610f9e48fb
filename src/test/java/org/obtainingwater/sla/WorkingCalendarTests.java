package org.obtainingwater.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Working-time arithmetic on the 2026 calendar as shipped (State Council notice of 2025-11-04). */
class WorkingCalendarTests {

  static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
  static final WorkingCalendar CALENDAR = new WorkingCalendar(new WorkingCalendarSettings(
      LocalTime.of(8, 30), LocalTime.of(17, 30),
      List.of("2026-01-01..2026-01-03", "2026-02-15..2026-02-23", "2026-04-04..2026-04-06",
          "2026-05-01..2026-05-05", "2026-06-19..2026-06-21", "2026-09-25..2026-09-27", "2026-10-01..2026-10-07"),
      List.of("2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10")), BEIJING);

  @ParameterizedTest(name = "{0} + {1} = {2}")
  @CsvSource({
      // a weekday: the next working day at the same office time
      "2026-11-24T10:00, P1D,  2026-11-25T10:00",
      // across a weekend
      "2026-11-27T10:00, P1D,  2026-11-30T10:00",
      "2026-11-27T10:00, P1W,  2026-12-04T10:00",
      // across the National Day holiday (1-7 October)
      "2026-09-30T10:00, P1D,  2026-10-08T10:00",
      // onto the adjusted working Saturday after it (调休上班 2026-10-10)
      "2026-10-09T10:00, P1D,  2026-10-10T10:00",
      "2026-10-10T10:00, P1D,  2026-10-12T10:00",
      // Spring Festival: the working Saturday before it, then nine days off
      "2026-02-13T10:00, P1D,  2026-02-14T10:00",
      "2026-02-13T10:00, P2D,  2026-02-24T10:00",
      // office hours: received in the evening, due at the end of the next working day
      "2026-11-27T20:00, P1D,  2026-11-30T17:30",
      "2026-11-30T07:00, PT1H, 2026-11-30T09:30",
      "2026-11-27T16:30, PT2H, 2026-11-30T09:30",
      "2026-11-24T10:00, P1DT4H, 2026-11-25T14:00",
      "2026-11-24T10:00, PT30M, 2026-11-24T10:30",
  })
  void addsWorkingTime(String start, String duration, String expected) {
    assertThat(CALENDAR.add(at(start), duration)).isEqualTo(at(expected));
  }

  @Test
  void weekendsAndHolidaysAreOff_adjustedWeekendDaysAreWorked() {
    assertThat(CALENDAR.isWorkingDay(LocalDate.parse("2026-11-28"))).as("Saturday").isFalse();
    assertThat(CALENDAR.isWorkingDay(LocalDate.parse("2026-10-05"))).as("National Day, a Monday").isFalse();
    assertThat(CALENDAR.isWorkingDay(LocalDate.parse("2026-10-10"))).as("调休 Saturday").isTrue();
    assertThat(CALENDAR.isWorkingDay(LocalDate.parse("2026-01-04"))).as("调休 Sunday").isTrue();
    assertThat(CALENDAR.isWorkingDay(LocalDate.parse("2026-11-26"))).as("Thursday").isTrue();
  }

  @ParameterizedTest(name = "{0} to {1} = {2} working days")
  @CsvSource({
      "2026-11-27T10:00, 2026-11-30T10:00, 1.0",
      "2026-09-30T08:30, 2026-10-08T17:30, 2.0",
      "2026-10-09T08:30, 2026-10-10T17:30, 2.0",
      "2026-11-28T09:00, 2026-11-29T18:00, 0.0",
      "2026-11-24T13:00, 2026-11-24T17:30, 0.5",
      "2026-11-24T19:00, 2026-11-25T08:00, 0.0",
      "2026-11-30T10:00, 2026-11-27T10:00, -1.0",
  })
  void countsWorkingDaysBetweenTwoInstants(String from, String to, double expected) {
    assertThat(CALENDAR.workingDaysBetween(at(from), at(to))).isEqualTo(expected);
  }

  @Test
  void addingAndCountingAgree() {
    Instant start = at("2026-09-29T15:45");
    Instant due = CALENDAR.add(start, "P3DT2H");
    assertThat(CALENDAR.workingTimeBetween(start, due)).isEqualTo(Duration.ofHours(3 * 9 + 2));
  }

  @ParameterizedTest
  @ValueSource(strings = {"P1M", "P1Y", "1D", "P", "PT", "P1DT", "-P1D", "P1.5D", "tomorrow"})
  void refusesDurationsWithoutAWorkingTimeMeaning(String duration) {
    assertThatThrownBy(() -> CALENDAR.add(at("2026-11-24T10:00"), duration))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is not a working-time duration");
  }

  @Test
  void refusesAWorkingWeekendDayThatIsAWeekday() {
    assertThatThrownBy(() -> new WorkingCalendar(new WorkingCalendarSettings(LocalTime.of(8, 30), LocalTime.of(17, 30),
        List.of(), List.of("2026-10-09")), BEIJING))
        .hasMessageContaining("2026-10-09 is a FRIDAY, not a weekend day");
  }

  @Test
  void refusesAHolidayRangeThatRunsBackwards_andADayThatIsBothOffAndWorked() {
    assertThatThrownBy(() -> new WorkingCalendar(new WorkingCalendarSettings(LocalTime.of(8, 30), LocalTime.of(17, 30),
        List.of("2026-10-07..2026-10-01"), List.of()), BEIJING))
        .hasMessageContaining("ascending range");
    assertThatThrownBy(() -> new WorkingCalendar(new WorkingCalendarSettings(LocalTime.of(8, 30), LocalTime.of(17, 30),
        List.of("2026-10-10"), List.of("2026-10-10")), BEIJING))
        .hasMessageContaining("both as a holiday and as a working weekend day");
    assertThatThrownBy(() -> new WorkingCalendar(new WorkingCalendarSettings(LocalTime.of(8, 30), LocalTime.of(17, 30),
        List.of("2026-13-01"), List.of()), BEIJING))
        .hasMessageContaining("is not a date");
  }

  static Instant at(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(BEIJING).toInstant();
  }
}
