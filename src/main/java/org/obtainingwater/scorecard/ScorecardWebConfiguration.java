package org.obtainingwater.scorecard;

import org.obtainingwater.web.Doors;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The scorecard's page at {@code /scorecard/}; its guard is with the others (web.AccessGuards). */
@Configuration(proxyBeanMethods = false)
class ScorecardWebConfiguration implements WebMvcConfigurer {

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addRedirectViewController("/scorecard", Doors.SCORECARD_PAGE);
    registry.addViewController(Doors.SCORECARD_PAGE).setViewName("forward:" + Doors.SCORECARD_PAGE + "index.html");
  }
}
