package org.obtainingwater.web;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Guards Boot's actuator ({@link Doors#ACTUATOR}): health and its probes are public (load balancers and
 * Kubernetes call them without a login); everything else (metrics, Prometheus, info) is for administrators
 * ({@code camunda-admin}) with HTTP Basic, checked as engine-rest checks staff logins. An administrator's request
 * carries the user and the role {@code camunda-admin} into the actuator, which then shows the health details
 * ({@code management.endpoint.health.roles}); anyone else sees the statuses only.
 */
class ActuatorAccess implements Filter {

  private final ProcessEngine engine;
  private final ObjectMapper json;
  private final StaffLogins logins;
  private final CachedBasicLogin staffLogin;

  ActuatorAccess(ProcessEngine engine, ObjectMapper json, StaffLogins logins) {
    this.engine = engine;
    this.json = json;
    this.logins = logins;
    this.staffLogin = new CachedBasicLogin(logins);
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
    HttpServletRequest request = (HttpServletRequest) req;
    HttpServletResponse response = (HttpServletResponse) res;
    String path = request.getRequestURI().substring(request.getContextPath().length());
    boolean health = path.equals(Doors.ACTUATOR_HEALTH) || path.startsWith(Doors.ACTUATOR_HEALTH + "/");
    String admin = null;
    AuthenticationResult login = request.getHeader(HttpHeaders.AUTHORIZATION) == null
        ? AuthenticationResult.unsuccessful() : staffLogin.extractAuthenticatedUser(request, engine);
    if (login.isAuthenticated() && logins.groupsOf(engine, login.getAuthenticatedUser()).contains(Groups.CAMUNDA_ADMIN)) {
      admin = login.getAuthenticatedUser();
    }
    if (admin != null) {
      chain.doFilter(new StaffUser(request, admin, Set.of(Groups.CAMUNDA_ADMIN)), response);
      return;
    }
    if (health) {
      chain.doFilter(request, response);
      return;
    }
    if (!login.isAuthenticated()) {
      response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"obtaining-water operations\", charset=\"UTF-8\"");
      StaffGroupAccess.refuse(json, response, HttpStatus.UNAUTHORIZED, "需要登录",
          "运行监控接口只对管理员开放：请用管理员（camunda-admin）的账号登录（HTTP Basic）；健康检查 /actuator/health 无需登录");
      return;
    }
    StaffGroupAccess.refuse(json, response, HttpStatus.FORBIDDEN, "无权查看运行监控",
        "用户 " + login.getAuthenticatedUser() + " 不属于管理员组（camunda-admin）；运行监控接口只对管理员开放");
  }
}
