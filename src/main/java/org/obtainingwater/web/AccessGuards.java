package org.obtainingwater.web;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Who may use which door ({@link Doors}), in one place. Staff authenticate with HTTP Basic against
 * the engine's identity service at every door that takes a staff login, by Camunda's own provider, verified
 * logins remembered briefly ({@link StaffLogins}, docs/adr/0030):
 * on engine-rest the engine's authorizations then apply (docs/adr/0003); the scorecard, which reads
 * every case's history without them, also requires supervisors or administrators. The permit
 * platform has its own bearer token and reaches nothing else. The customer API takes no login
 * (docs/adr/0009). The actuator's health is public, the rest of it for administrators ({@link ActuatorAccess}).
 * The webapps under /camunda keep Camunda's session login.
 */
@Configuration(proxyBeanMethods = false)
class AccessGuards implements WebMvcConfigurer {

  private final PermitPlatformCredential platformCredential;

  AccessGuards(PermitPlatformCredential platformCredential) {
    this.platformCredential = platformCredential;
  }

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication(StaffLogins logins) {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new EngineRestLogin(logins));
    registration.setName("engine-rest-authentication");
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName());
    registration.addUrlPatterns(Doors.ENGINE_REST + "/*");
    // Before StaffWrites, which reads who is calling.
    registration.setOrder(Ordered.LOWEST_PRECEDENCE - 1);
    return registration;
  }

  /** Staff write only what their task asks, through either door to the engine (docs/adr/0027). */
  @Bean
  FilterRegistrationBean<StaffWrites> engineRestStaffWrites(ProcessEngine engine, ObjectMapper json) {
    FilterRegistrationBean<StaffWrites> registration =
        new FilterRegistrationBean<>(new StaffWrites(engine, json, Doors.ENGINE_REST));
    registration.setName("engine-rest-staff-writes");
    registration.addUrlPatterns(Doors.ENGINE_REST + "/*");
    registration.setOrder(Ordered.LOWEST_PRECEDENCE);
    return registration;
  }

  @Bean
  FilterRegistrationBean<StaffWrites> webappStaffWrites(ProcessEngine engine, ObjectMapper json) {
    FilterRegistrationBean<StaffWrites> registration =
        new FilterRegistrationBean<>(new StaffWrites(engine, json, Doors.WEBAPP_ENGINE_API));
    registration.setName("webapp-staff-writes");
    registration.addUrlPatterns(Doors.WEBAPP_ENGINE_API + "/*");
    registration.setOrder(Ordered.LOWEST_PRECEDENCE);
    return registration;
  }

  @Bean
  FilterRegistrationBean<ScorecardAccess> scorecardAccess(ProcessEngine engine, ObjectMapper json, StaffLogins logins) {
    FilterRegistrationBean<ScorecardAccess> registration =
        new FilterRegistrationBean<>(new ScorecardAccess(engine, json, logins));
    registration.setName("scorecard-access");
    registration.addUrlPatterns(Doors.SCORECARD_API + "/*", Doors.SCORECARD_PAGE + "*");
    return registration;
  }

  @Bean
  FilterRegistrationBean<ActuatorAccess> actuatorAccess(ProcessEngine engine, ObjectMapper json, StaffLogins logins) {
    FilterRegistrationBean<ActuatorAccess> registration =
        new FilterRegistrationBean<>(new ActuatorAccess(engine, json, logins));
    registration.setName("actuator-access");
    registration.addUrlPatterns(Doors.ACTUATOR, Doors.ACTUATOR + "/*");
    return registration;
  }

  /** Before the request's path and body are read: without the token, nothing else is answered. */
  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(platformCredential).addPathPatterns(Doors.PERMIT_DECISIONS + "/**");
  }
}
