package org.obtainingwater.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
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
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.obtainingwater.staff.StaffGroup;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Guards a staff page or API that the engine's authorizations do not cover (the scorecard reads every case's
 * history without them; the demo SMS inbox): a staff login checked exactly as engine-rest checks it (Camunda's
 * HTTP Basic provider against the identity service, through {@link StaffLogins}' short cache), and then only
 * members of the door's groups ({@link AccessGuards} says which). 401 asks the browser for a login (the
 * scorecard page relies on that), 403 says which groups may see it; both as problem+json.
 */
class StaffGroupAccess implements Filter {

  private final ProcessEngine engine;
  private final ObjectMapper json;
  private final StaffLogins logins;
  private final HttpBasicAuthenticationProvider staffLogin;
  private final Set<String> allowedGroups;
  private final String forbiddenTitle;
  private final String forbiddenReason;

  /** {@code forbiddenReason} follows the user's id in the 403's detail. */
  StaffGroupAccess(ProcessEngine engine, ObjectMapper json, StaffLogins logins, Set<String> allowedGroups,
      String forbiddenTitle, String forbiddenReason) {
    this.engine = engine;
    this.json = json;
    this.logins = logins;
    this.staffLogin = new CachedBasicLogin(logins);
    this.allowedGroups = allowedGroups;
    this.forbiddenTitle = forbiddenTitle;
    this.forbiddenReason = forbiddenReason;
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
    HttpServletRequest request = (HttpServletRequest) req;
    HttpServletResponse response = (HttpServletResponse) res;
    AuthenticationResult login = staffLogin.extractAuthenticatedUser(request, engine);
    if (!login.isAuthenticated()) {
      response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"obtaining-water staff\", charset=\"UTF-8\"");
      refuse(json, response, HttpStatus.UNAUTHORIZED, "需要登录",
          "请用" + whoMay() + "的账号登录（与 Tasklist 相同的用户名和密码，HTTP Basic）");
      return;
    }
    String user = login.getAuthenticatedUser();
    List<String> groups = logins.groupsOf(engine, user);
    if (groups.stream().noneMatch(allowedGroups::contains)) {
      refuse(json, response, HttpStatus.FORBIDDEN, forbiddenTitle, "用户 " + user + " " + forbiddenReason);
      return;
    }
    chain.doFilter(new StaffUser(request, user, groups), response);
  }

  /** The door's groups as staff call them (受理员、服务督导或管理员). */
  private String whoMay() {
    List<String> names = new ArrayList<>();
    for (StaffGroup group : StaffGroup.values()) {
      if (allowedGroups.contains(group.id())) {
        names.add(group.title());
      }
    }
    if (allowedGroups.contains(Groups.CAMUNDA_ADMIN)) {
      names.add("管理员");
    }
    return names.size() == 1 ? names.get(0)
        : String.join("、", names.subList(0, names.size() - 1)) + "或" + names.get(names.size() - 1);
  }

  /** A refusal as problem+json (also used by {@link ActuatorAccess}). */
  static void refuse(ObjectMapper json, HttpServletResponse response, HttpStatus status, String title, String detail)
      throws IOException {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    json.writeValue(response.getOutputStream(), problem);
  }
}
