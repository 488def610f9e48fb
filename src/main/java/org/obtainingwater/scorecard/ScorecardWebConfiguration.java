package org.obtainingwater.scorecard;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The scorecard's access rule on its API and page, and the page at {@code /scorecard/}. */
@Configuration(proxyBeanMethods = false)
class ScorecardWebConfiguration implements WebMvcConfigurer {

  static final String PAGE = "/scorecard/";

  @Bean
  FilterRegistrationBean<ScorecardAccess> scorecardAccess(ProcessEngine engine, ObjectMapper json) {
    FilterRegistrationBean<ScorecardAccess> registration =
        new FilterRegistrationBean<>(new ScorecardAccess(engine.getIdentityService(), json));
    registration.setName("scorecard-access");
    registration.addUrlPatterns(ScorecardController.PATH + "/*", "/scorecard/*");
    return registration;
  }

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addRedirectViewController("/scorecard", PAGE);
    registry.addViewController(PAGE).setViewName("forward:" + PAGE + "index.html");
  }
}
