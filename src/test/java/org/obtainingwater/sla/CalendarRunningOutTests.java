package org.obtainingwater.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.obtainingwater.adapters.RecordingSupervisorNotifier;
import org.obtainingwater.support.AppOnH2;
import org.obtainingwater.support.CaseDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Supervisors hear once that the official working calendar (2026 as shipped) runs out: not before 60 days ahead,
 * then one notice about 2027 however often it is checked, with a record that stops other nodes and restarts.
 */
@AppOnH2
class CalendarRunningOutTests {

  @Autowired
  CalendarRunningOut check;
  @Autowired
  RecordingSupervisorNotifier supervisors;
  @Autowired
  JdbcTemplate jdbc;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void sixtyDaysBeforeTheCalendarEnds_supervisorsAreToldOnce() {
    CaseDriver.clockAt("2026-11-01T09:00"); // 60 days later is 2026-12-31, still covered
    assertThat(check.check()).isFalse();
    assertThat(notices2027()).isEmpty();

    CaseDriver.clockAt("2026-11-03T09:00");
    assertThat(check.check()).isTrue();
    CaseDriver.clockAt("2026-11-20T09:00");
    assertThat(check.check()).isFalse();
    assertThat(check.check()).isFalse();

    assertThat(notices2027()).singleElement().satisfies(notice -> {
      assertThat(notice.officialUntil()).hasToString("2026-12-31");
      assertThat(notice.provisional()).isTrue();
      assertThat(notice.supervisor().name()).isEqualTo("吴磊（服务督导）");
      assertThat(notice.text()).contains("2027", "2026-12-31", "法定节假日");
    });
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM working_calendar_warning WHERE calendar_year = 2027",
        Integer.class)).isEqualTo(1);
  }

  List<CalendarNotice> notices2027() {
    return supervisors.calendarNotices().stream().filter(notice -> notice.missingYear() == 2027).toList();
  }
}
