package org.obtainingwater.web;

import java.util.Set;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Who may use which door ({@link Doors}), in one place. Staff authenticate with HTTP Basic against
 * the engine's identity service at every door that takes a staff login, by Camunda's own provider:
 * on engine-rest the engine's authorizations then apply (docs/adr/0003); the scorecard, which reads
 * every case's history without them, also requires supervisors or administrators. The permit
 * platform has its own bearer token and reaches nothing else. A customer's cases need the customer's
 * own session or a trusted channel's credential ({@link CustomerAccess}, docs/adr/0025); asking for a
 * code and opening a session are open, within the abuse limits (docs/adr/0026). The webapps under /camunda keep Camunda's session login.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CustomerChannels.class)
class AccessGuards implements WebMvcConfigurer {

  private final PermitPlatformCredential platformCredential;
  private final CustomerAccess customerAccess;

  AccessGuards(PermitPlatformCredential platformCredential, CustomerAccess customerAccess) {
    this.platformCredential = platformCredential;
    this.customerAccess = customerAccess;
  }

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("engine-rest-authentication");
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName());
    registration.addUrlPatterns(Doors.ENGINE_REST + "/*");
    return registration;
  }

  @Bean
  FilterRegistrationBean<ScorecardAccess> scorecardAccess(ProcessEngine engine, ObjectMapper json) {
    FilterRegistrationBean<ScorecardAccess> registration = new FilterRegistrationBean<>(new ScorecardAccess(engine, json));
    registration.setName("scorecard-access");
    registration.addUrlPatterns(Doors.SCORECARD_API + "/*", Doors.SCORECARD_PAGE + "*");
    return registration;
  }

  /** The customers' page at "/" (open to everyone; what it calls is guarded at the API). */
  @Bean
  FilterRegistrationBean<CustomerPage> customerPage() {
    FilterRegistrationBean<CustomerPage> registration = new FilterRegistrationBean<>(new CustomerPage());
    registration.setName("customer-page");
    registration.addUrlPatterns("/");
    return registration;
  }

  /** Demo profile only: the recording SMS adapter's inbox, for administrators (docs/adr/0025). */
  @Bean
  @Profile("demo")
  FilterRegistrationBean<ScorecardAccess> demoSmsInboxAccess(ProcessEngine engine, ObjectMapper json) {
    FilterRegistrationBean<ScorecardAccess> registration = new FilterRegistrationBean<>(new ScorecardAccess(engine, json,
        Set.of(Groups.CAMUNDA_ADMIN), "无权查看演示短信收件箱", "不是管理员（camunda-admin）；演示短信收件箱只对管理员开放"));
    registration.setName("demo-sms-inbox-access");
    registration.addUrlPatterns(Doors.DEMO_SMS_INBOX, Doors.DEMO_SMS_INBOX + "/*");
    return registration;
  }

  /** Before the request's path and body are read: without the token, nothing else is answered. */
  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(platformCredential).addPathPatterns(Doors.PERMIT_DECISIONS + "/**");
    // A customer's cases: their own session or a trusted channel's credential (docs/adr/0025).
    registry.addInterceptor(customerAccess).addPathPatterns(Doors.APPLICATIONS, Doors.APPLICATIONS + "/**");
  }
}
