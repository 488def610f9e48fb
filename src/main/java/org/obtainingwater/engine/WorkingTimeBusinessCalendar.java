package org.obtainingwater.engine;

import java.util.Date;

import org.camunda.bpm.engine.impl.calendar.BusinessCalendar;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.obtainingwater.sla.WorkingCalendar;

/**
 * The engine's business calendar for task due dates ({@code camunda:dueDate}) and timer durations
 * ({@code timeDuration}): an ISO-8601 duration counts working time of the {@link WorkingCalendar};
 * anything else (a date, an expression's {@link Date}, a repeating cycle) is left to the engine's
 * own calendar for that use.
 */
class WorkingTimeBusinessCalendar implements BusinessCalendar {

  private final WorkingCalendar calendar;
  private final BusinessCalendar engineDefault;

  WorkingTimeBusinessCalendar(WorkingCalendar calendar, BusinessCalendar engineDefault) {
    this.calendar = calendar;
    this.engineDefault = engineDefault;
  }

  @Override
  public Date resolveDuedate(String duedate) {
    return resolveDuedate(duedate, (Date) null);
  }

  @Override
  public Date resolveDuedate(String duedate, Task task) {
    return resolveDuedate(duedate, (Date) null);
  }

  @Override
  public Date resolveDuedate(String duedate, Date startDate) {
    if (duedate == null || !duedate.trim().startsWith("P")) {
      return engineDefault.resolveDuedate(duedate, startDate);
    }
    Date start = startDate != null ? startDate : ClockUtil.getCurrentTime();
    return Date.from(calendar.add(start.toInstant(), duedate.trim()));
  }
}
