package org.obtainingwater.benchmark;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;

/**
 * A bare Camunda 7 Spring Boot application, the baseline of {@link StaffRestBenchmark}: the starters the
 * project uses (engine, engine-rest, webapps), authorizations on, HTTP Basic on {@code /engine-rest/*} through
 * Camunda's own {@link ProcessEngineAuthenticationFilter} as Camunda documents it (a password check, then the
 * user's groups and tenants, on every call), one demo user in one group, one process with one user task.
 * Nothing of the project: the benchmark starts it in a JVM of its own whose class path leaves out the
 * project's classes and configuration, with every setting given as an argument ({@link StaffRestBenchmark}).
 *
 * <p>Deliberately not a {@code @SpringBootApplication} or {@code @Configuration}: those are components, and the
 * project's application, which scans {@code org.obtainingwater} and runs in the other benchmarks' JVM, would
 * pick this class up as part of itself. As the primary source it is read all the same.
 */
@EnableAutoConfiguration
public class BareCamundaApplication {

  static final String PROCESS_KEY = "bareReviewTask";
  static final String TASK_KEY = "userTask_review";
  static final String USER = "demo";
  static final String PASSWORD = "demo";
  static final String GROUP = "intake";

  public static void main(String[] args) {
    SpringApplication.run(BareCamundaApplication.class, args);
  }

  /** Camunda's documented set-up of authentication for the REST API in Spring Boot. */
  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> processEngineAuthenticationFilter() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("camunda-auth");
    registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
    registration.addUrlPatterns("/engine-rest/*");
    return registration;
  }

  /** The process, the demo user in the candidate group, and the group's right to read the process. */
  @Bean
  ApplicationRunner bareSetUp(ProcessEngine engine) {
    return arguments -> {
      if (engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(PROCESS_KEY).count() == 0) {
        engine.getRepositoryService().createDeployment().name("bare").addClasspathResource("benchmark/bare-review-task.bpmn")
            .deploy();
      }
      IdentityService identity = engine.getIdentityService();
      if (identity.createGroupQuery().groupId(GROUP).count() == 0) {
        Group group = identity.newGroup(GROUP);
        group.setName("受理员");
        group.setType("WORKFLOW");
        identity.saveGroup(group);
        User user = identity.newUser(USER);
        user.setFirstName("Demo");
        user.setLastName("Demo");
        user.setPassword(PASSWORD);
        identity.saveUser(user);
        identity.createMembership(USER, GROUP);
        AuthorizationService authorizations = engine.getAuthorizationService();
        Authorization read = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        read.setGroupId(GROUP);
        read.setResource(Resources.PROCESS_DEFINITION);
        read.setResourceId(PROCESS_KEY);
        read.addPermission(Permissions.READ);
        authorizations.saveAuthorization(read);
      }
    };
  }
}
