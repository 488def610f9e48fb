package org.obtainingwater.metering;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The water-on time as the meter form submits it: Camunda Forms' datetime field sends an ISO date
 * time with the browser's offset ({@code 2026-03-01T10:30+08:00}); REST clients may omit the offset,
 * which then means the utility's time zone.
 */
public final class WaterOnTime {

  private static final ZoneId UTILITY_ZONE = ZoneId.of("Asia/Shanghai");

  public static Optional<OffsetDateTime> parse(String value) {
    try {
      return Optional.of(OffsetDateTime.parse(value));
    } catch (DateTimeParseException withOffset) {
      try {
        return Optional.of(LocalDateTime.parse(value).atZone(UTILITY_ZONE).toOffsetDateTime());
      } catch (DateTimeParseException withoutOffset) {
        return Optional.empty();
      }
    }
  }

  private WaterOnTime() {
  }
}
