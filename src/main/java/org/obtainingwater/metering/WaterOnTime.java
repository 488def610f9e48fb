package org.obtainingwater.metering;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * The water-on time as the meter form submits it: Camunda Forms' datetime field sends an ISO date
 * time with the browser's offset ({@code 2026-03-01T10:30+08:00}); REST clients may omit the offset,
 * which then means the utility's time zone ({@code obtaining-water.zone}) wherever it is converted.
 */
final class WaterOnTime {

  /** Whether the text is an ISO date time, with or without offset. */
  public static boolean isDateTime(String value) {
    try {
      OffsetDateTime.parse(value);
      return true;
    } catch (DateTimeParseException withoutOffset) {
      try {
        LocalDateTime.parse(value);
        return true;
      } catch (DateTimeParseException neither) {
        return false;
      }
    }
  }

  /** The time, in the utility's zone when the text has no offset. */
  static OffsetDateTime at(String value, ZoneId zone) {
    try {
      return OffsetDateTime.parse(value);
    } catch (DateTimeParseException withoutOffset) {
      return LocalDateTime.parse(value).atZone(zone).toOffsetDateTime();
    }
  }

  private WaterOnTime() {
  }
}
