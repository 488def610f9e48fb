package org.obtainingwater.sla;

import java.time.LocalTime;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The utility's working calendar as configured under {@code obtaining-water.working-calendar}:
 * office hours, public holidays and the weekend days that are worked instead (调休上班).
 *
 * @param opens start of the office day, local time of {@code obtaining-water.zone}
 * @param closes end of the office day
 * @param holidays days off: single dates ({@code 2026-01-01}) or inclusive ranges
 *     ({@code 2026-02-15..2026-02-23}), weekend days absorbed into a holiday included
 * @param workingWeekendDays Saturdays and Sundays that are working days
 */
@ConfigurationProperties("obtaining-water.working-calendar")
record WorkingCalendarSettings(
    @DefaultValue("08:30") LocalTime opens,
    @DefaultValue("17:30") LocalTime closes,
    @DefaultValue List<String> holidays,
    @DefaultValue List<String> workingWeekendDays) {
}
