package org.obtainingwater.visits;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code obtaining-water.visits} (docs/operations.md): how far ahead a customer may book (working days), how much
 * notice the utility needs before a slot, where the afternoon begins, and how many visits of each kind one
 * half-day takes. Wrong values stop start-up with the entry named.
 */
@ConfigurationProperties("obtaining-water.visits")
public record VisitSettings(Integer windowWorkingDays, Duration minNotice, LocalTime afternoonStarts,
    Map<String, Integer> capacity) {

  public VisitSettings {
    windowWorkingDays = windowWorkingDays == null ? 10 : windowWorkingDays;
    minNotice = minNotice == null ? Duration.ofHours(2) : minNotice;
    afternoonStarts = afternoonStarts == null ? LocalTime.of(13, 0) : afternoonStarts;
    capacity = capacity == null ? Map.of() : Map.copyOf(capacity);
    if (windowWorkingDays < 1 || windowWorkingDays > 60) {
      throw new IllegalStateException("obtaining-water.visits.window-working-days must be 1 to 60, not " + windowWorkingDays);
    }
    if (minNotice.isNegative()) {
      throw new IllegalStateException("obtaining-water.visits.min-notice cannot be negative: " + minNotice);
    }
    for (VisitKind kind : VisitKind.values()) {
      Integer places = capacity.get(kind.path());
      if (places == null || places < 1) {
        throw new IllegalStateException("obtaining-water.visits.capacity." + kind.path()
            + " must name how many visits one half-day takes (1 or more), not " + places);
      }
    }
    for (String key : capacity.keySet()) {
      if (VisitKind.ofPath(key.toLowerCase(Locale.ROOT)).isEmpty()) {
        throw new IllegalStateException("obtaining-water.visits.capacity." + key + ": no such visit (survey, metering)");
      }
    }
  }

  public int capacity(VisitKind kind) {
    return capacity.get(kind.path());
  }
}
