package org.obtainingwater.process;

import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The utility's local time zone ({@code obtaining-water.zone}, default Asia/Shanghai): the zone its
 * working days, due dates, application numbers and scorecard periods are counted in. One bean,
 * injected as {@link ZoneId} wherever a day is counted, so no two parts can disagree on it.
 */
@Configuration(proxyBeanMethods = false)
class ServiceZone {

  @Bean
  ZoneId zone(@Value("${obtaining-water.zone:Asia/Shanghai}") ZoneId zone) {
    return zone;
  }
}
