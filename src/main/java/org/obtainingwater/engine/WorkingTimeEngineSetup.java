package org.obtainingwater.engine;

import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DurationBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.MapBusinessCalendarManager;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.obtainingwater.sla.WorkingCalendar;
import org.springframework.stereotype.Component;

/**
 * Makes the engine count task due dates and timer durations in working time: {@code P1D} on a
 * task or a timer means one working day of the {@link WorkingCalendar}, not 24 hours
 * (docs/adr/0017-working-time.md). Repeating cycles keep the engine's own calendar.
 */
@Component
class WorkingTimeEngineSetup extends AbstractCamundaConfiguration {

  private final WorkingCalendar calendar;

  WorkingTimeEngineSetup(WorkingCalendar calendar) {
    this.calendar = calendar;
  }

  @Override
  public void preInit(SpringProcessEngineConfiguration configuration) {
    MapBusinessCalendarManager calendars = new MapBusinessCalendarManager();
    calendars.addBusinessCalendar(DueDateBusinessCalendar.NAME,
        new WorkingTimeBusinessCalendar(calendar, new DueDateBusinessCalendar()));
    calendars.addBusinessCalendar(DurationBusinessCalendar.NAME,
        new WorkingTimeBusinessCalendar(calendar, new DurationBusinessCalendar()));
    calendars.addBusinessCalendar(CycleBusinessCalendar.NAME, new CycleBusinessCalendar());
    configuration.setBusinessCalendarManager(calendars);
    calendar.warnIfHolidaysRunOut(ClockUtil.getCurrentTime().toInstant().atZone(calendar.zone()).toLocalDate());
  }
}
