package org.obtainingwater.scorecard;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.obtainingwater.staff.StaffGroup;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Guards the scorecard API and page: HTTP Basic against the engine's identity service, as
 * {@code /engine-rest} authenticates (docs/adr/0003), and then only members of {@code supervisors} or
 * {@code camunda-admin}. The scorecard reads every case's history without the engine's
 * authorizations, so membership is checked here. 401 asks the browser for a login (the page relies
 * on that), 403 says which groups may see it; both as problem+json.
 */
public class ScorecardAccess implements Filter {

  /** The OpenAPI security scheme of the scorecard API: staff credentials, HTTP Basic. */
  public static final String SECURITY_SCHEME = "staffBasic";
  static final Set<String> ALLOWED_GROUPS = Set.of(StaffGroup.SUPERVISORS.id(), Groups.CAMUNDA_ADMIN);
  private static final String BASIC = "Basic ";

  private final IdentityService identity;
  private final ObjectMapper json;

  ScorecardAccess(IdentityService identity, ObjectMapper json) {
    this.identity = identity;
    this.json = json;
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
    HttpServletRequest request = (HttpServletRequest) req;
    HttpServletResponse response = (HttpServletResponse) res;
    String[] credentials = credentials(request.getHeader(HttpHeaders.AUTHORIZATION));
    if (credentials == null || !identity.checkPassword(credentials[0], credentials[1])) {
      response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"obtaining-water staff\", charset=\"UTF-8\"");
      refuse(response, HttpStatus.UNAUTHORIZED, "需要登录",
          "请用服务督导或管理员的账号登录（与 Tasklist 相同的用户名和密码，HTTP Basic）");
      return;
    }
    boolean allowed = identity.createGroupQuery().groupMember(credentials[0]).list().stream()
        .map(Group::getId).anyMatch(ALLOWED_GROUPS::contains);
    if (!allowed) {
      refuse(response, HttpStatus.FORBIDDEN, "无权查看考核指标",
          "用户 " + credentials[0] + " 不属于服务督导（supervisors）或管理员（camunda-admin）组；考核指标只对这两个组开放");
      return;
    }
    chain.doFilter(request, response);
  }

  /** User and password from a Basic header, or null when there is none or it cannot be read. */
  static String[] credentials(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
      return null;
    }
    try {
      String decoded = new String(Base64.getDecoder().decode(authorization.substring(BASIC.length()).strip()),
          StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      if (colon <= 0) {
        return null;
      }
      return new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
    } catch (IllegalArgumentException notBase64) {
      return null;
    }
  }

  private void refuse(HttpServletResponse response, HttpStatus status, String title, String detail) throws IOException {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    json.writeValue(response.getOutputStream(), problem);
  }
}
