package org.obtainingwater.web;

import java.util.Set;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.obtainingwater.staff.StaffGroup;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Who may use which door ({@link Doors}), in one place. Staff authenticate with HTTP Basic against
 * the engine's identity service at every door that takes a staff login, by Camunda's own provider, verified
 * logins remembered briefly ({@link StaffLogins}, docs/adr/0030):
 * on engine-rest the engine's authorizations then apply (docs/adr/0003); the scorecard, which reads
 * every case's history without them, also requires supervisors or administrators. The permit
 * platform and the payment gateway each have their own bearer token and reach nothing else. A customer's cases need the customer's
 * own session or a trusted channel's credential ({@link CustomerAccess}, docs/adr/0025); asking for a
 * code and opening a session are open, within the abuse limits (docs/adr/0026). The actuator's health is
 * public, the rest of it for administrators ({@link ActuatorAccess}). The webapps under /camunda keep
 * Camunda's session login.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CustomerChannels.class)
class AccessGuards implements WebMvcConfigurer {

  private final PermitPlatformCredential platformCredential;
  private final PaymentGatewayCredential paymentCredential;
  private final CustomerAccess customerAccess;

  AccessGuards(PermitPlatformCredential platformCredential, PaymentGatewayCredential paymentCredential,
      CustomerAccess customerAccess) {
    this.platformCredential = platformCredential;
    this.paymentCredential = paymentCredential;
    this.customerAccess = customerAccess;
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
  FilterRegistrationBean<StaffGroupAccess> scorecardAccess(ProcessEngine engine, ObjectMapper json, StaffLogins logins) {
    return staffGroupDoor("scorecard-access", new StaffGroupAccess(engine, json, logins,
        Set.of(StaffGroup.SUPERVISORS.id(), Groups.CAMUNDA_ADMIN), "无权查看考核指标",
        "不属于服务督导（supervisors）或管理员（camunda-admin）组；考核指标只对这两个组开放"),
        Doors.SCORECARD_API + "/*", Doors.SCORECARD_PAGE + "*");
  }

  /** The supply contracts' staff door (docs/adr/0040): the counter, customer service, metering, supervisors. */
  @Bean
  FilterRegistrationBean<StaffGroupAccess> staffContractsAccess(ProcessEngine engine, ObjectMapper json,
      StaffLogins logins) {
    return staffGroupDoor("staff-contracts-access", new StaffGroupAccess(engine, json, logins,
        Set.of(StaffGroup.INTAKE.id(), StaffGroup.CUSTOMER_SERVICE.id(), StaffGroup.METERING.id(),
            StaffGroup.SUPERVISORS.id(), Groups.CAMUNDA_ADMIN), "无权查看供水合同",
        "不属于受理员、客服专员、装表员、服务督导或管理员组；供水合同只对这些组开放"), Doors.STAFF_CONTRACTS + "/*");
  }

  /** The quotes' staff door (docs/adr/0043): the counter, design, customer service, supervisors. */
  @Bean
  FilterRegistrationBean<StaffGroupAccess> staffQuotesAccess(ProcessEngine engine, ObjectMapper json, StaffLogins logins) {
    return staffGroupDoor("staff-quotes-access", new StaffGroupAccess(engine, json, logins,
        Set.of(StaffGroup.INTAKE.id(), StaffGroup.DESIGN.id(), StaffGroup.CUSTOMER_SERVICE.id(),
            StaffGroup.SUPERVISORS.id(), Groups.CAMUNDA_ADMIN), "无权查看或确认报价",
        "不属于受理员、设计员、客服专员、服务督导或管理员组；报价只对这些组开放"), Doors.STAFF_QUOTES + "/*");
  }

  /** Staff rescheduling visits (docs/adr/0042): the counter, survey, metering, customer service, supervisors. */
  @Bean
  FilterRegistrationBean<StaffGroupAccess> staffVisitsAccess(ProcessEngine engine, ObjectMapper json, StaffLogins logins) {
    return staffGroupDoor("staff-visits-access", new StaffGroupAccess(engine, json, logins,
        Set.of(StaffGroup.INTAKE.id(), StaffGroup.SURVEY.id(), StaffGroup.METERING.id(), StaffGroup.CUSTOMER_SERVICE.id(),
            StaffGroup.SUPERVISORS.id(), Groups.CAMUNDA_ADMIN), "无权改约上门时段",
        "不属于受理员、查勘员、装表员、客服专员、服务督导或管理员组；改约上门只对这些组开放"), Doors.STAFF_VISITS + "/*");
  }

  @Bean
  FilterRegistrationBean<ActuatorAccess> actuatorAccess(ProcessEngine engine, ObjectMapper json, StaffLogins logins) {
    FilterRegistrationBean<ActuatorAccess> registration =
        new FilterRegistrationBean<>(new ActuatorAccess(engine, json, logins));
    registration.setName("actuator-access");
    registration.addUrlPatterns(Doors.ACTUATOR, Doors.ACTUATOR + "/*");
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
  FilterRegistrationBean<StaffGroupAccess> demoSmsInboxAccess(ProcessEngine engine, ObjectMapper json,
      StaffLogins logins) {
    return staffGroupDoor("demo-sms-inbox-access", new StaffGroupAccess(engine, json, logins,
        Set.of(Groups.CAMUNDA_ADMIN), "无权查看演示短信收件箱", "不是管理员（camunda-admin）；演示短信收件箱只对管理员开放"),
        Doors.DEMO_SMS_INBOX, Doors.DEMO_SMS_INBOX + "/*");
  }

  /** A door that only members of some staff groups pass ({@link StaffGroupAccess}), on these paths. */
  private static FilterRegistrationBean<StaffGroupAccess> staffGroupDoor(String name, StaffGroupAccess guard,
      String... urlPatterns) {
    FilterRegistrationBean<StaffGroupAccess> registration = new FilterRegistrationBean<>(guard);
    registration.setName(name);
    registration.addUrlPatterns(urlPatterns);
    return registration;
  }

  /** Before the request's path and body are read: without the token, nothing else is answered. */
  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(platformCredential).addPathPatterns(Doors.PERMIT_DECISIONS + "/**");
    registry.addInterceptor(paymentCredential).addPathPatterns(Doors.PAYMENT_NOTIFICATIONS, Doors.PAYMENT_NOTIFICATIONS + "/**");
    // A customer's cases: their own session or a trusted channel's credential (docs/adr/0025).
    registry.addInterceptor(customerAccess).addPathPatterns(Doors.APPLICATIONS, Doors.APPLICATIONS + "/**");
  }
}
