package org.obtainingwater.web;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinitionQuery;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.obtainingwater.staff.StaffGroup;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Staff write only what their task asks (docs/adr/0027-staff-write-only-their-form.md), on both doors to the
 * engine's REST API: {@code /engine-rest} (HTTP Basic) and {@code /camunda/api/engine} (Tasklist's session).
 * <ul>
 *   <li>Completing or submitting a task, starting or submitting a start form: only the variables of the
 *   deployed Camunda Form (its non-disabled fields' keys, which is what form-js and so Tasklist submit); any
 *   other variable is answered 400 naming it, for every caller.</li>
 *   <li>Everyone but the administrators: no variables set or deleted outside a form (task, process instance,
 *   execution), no candidate groups or users added or removed, no delegation: 403. The engine refuses most of
 *   these already (staff hold {@code TASK_WORK}, not {@code UPDATE}); this keeps supervisors, who may assign,
 *   from doing the rest.</li>
 *   <li>Supervisors may move a task's due and follow-up dates ({@code PUT /task/{id}} changing nothing else).
 *   They hold no {@code UPDATE} on tasks, which would also let them complete any task and set its variables,
 *   so the dates are saved here for them, as them: the engine's user operation log records who moved which
 *   date. Anything else in that body is 403.</li>
 *   <li>Staff give a task back ({@code unclaim}) with {@code TASK_WORK}, see {@link #unclaim}.</li>
 * </ul>
 * On the webapps' door this filter writes only for a request carrying the session's CSRF token.
 */
class StaffWrites extends OncePerRequestFilter {

  static final String ADMINISTRATORS = "camunda-admin";
  /** Path inside either door, after an optional {@code engine/{name}/} prefix (the webapps' API has one). */
  private static final Pattern ENGINE_PATH = Pattern.compile("^(?:/engine/[^/]+)?(/.*)$");
  private static final Pattern TASK_SUBMIT = Pattern.compile("^/task/([^/]+)/(complete|submit-form)$");
  private static final Pattern START = Pattern.compile(
      "^/process-definition/(?:key/([^/]+)(?:/tenant-id/([^/]+))?|([^/]+))/(start|submit-form)$");
  private static final Pattern VARIABLE_WRITE = Pattern.compile(
      "^/(task|process-instance|execution)/[^/]+/(variables|localVariables)(/.*)?$");
  private static final Pattern ASSIGNMENT_WRITE = Pattern.compile("^/task/[^/]+/(identity-links(/delete)?|delegate)$");
  private static final Pattern TASK_UPDATE = Pattern.compile("^/task/([^/]+)$");
  private static final Pattern UNCLAIM = Pattern.compile("^/task/([^/]+)/unclaim$");
  /** engine-rest's date format ({@code camunda.bpm.rest} default). */
  private static final String REST_DATE = "yyyy-MM-dd'T'HH:mm:ss.SSSZ";

  private final ProcessEngine engine;
  private final ObjectMapper json;
  private final String door;

  StaffWrites(ProcessEngine engine, ObjectMapper json, String door) {
    this.engine = engine;
    this.json = json;
    this.door = door;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String method = request.getMethod();
    Matcher inside = ENGINE_PATH.matcher(pathInside(request));
    if ("GET".equals(method) || "OPTIONS".equals(method) || "HEAD".equals(method) || !inside.matches()) {
      chain.doFilter(request, response);
      return;
    }
    String path = inside.group(1);
    Caller caller = caller(request);
    boolean administrator = caller != null && caller.groups().contains(ADMINISTRATORS);
    if (!administrator && caller != null) {
      if (VARIABLE_WRITE.matcher(path).matches()) {
        refuse(response, "只能通过任务表单提交办理结果，不能直接设置或删除案件数据。");
        return;
      }
      if (ASSIGNMENT_WRITE.matcher(path).matches()) {
        refuse(response, "任务的候选组、候选人和委托不能通过此接口修改；如需调整，请联系系统管理员。");
        return;
      }
      boolean supervisor = caller.groups().contains(StaffGroup.SUPERVISORS.id());
      Matcher task = TASK_UPDATE.matcher(path);
      if (task.matches() && ("DELETE".equals(method) || ("PUT".equals(method) && !supervisor))) {
        refuse(response, "任务的名称、到期日、负责人等只能由服务督导调整（改派、调整到期日），任务不能删除。");
        return;
      }
      Matcher unclaim = UNCLAIM.matcher(path);
      if ("POST".equals(method) && unclaim.matches() && mayWriteHere(request)) {
        unclaim(unclaim.group(1), caller, response);
        return;
      }
    }
    Matcher submit = TASK_SUBMIT.matcher(path);
    Matcher start = START.matcher(path);
    Matcher update = TASK_UPDATE.matcher(path);
    if ("POST".equals(method) && (submit.matches() || start.matches())) {
      CachedBody body = new CachedBody(request);
      Optional<Set<String>> allowed = submit.matches() ? taskFormFields(submit.group(1))
          : startFormFields(start.group(1), start.group(2), start.group(3));
      Set<String> extra = allowed.isEmpty() ? Set.of() : extraVariables(body.bytes(), allowed.get());
      if (!extra.isEmpty()) {
        tooMuch(response, extra);
        return;
      }
      chain.doFilter(body, response);
      return;
    }
    if ("PUT".equals(method) && update.matches() && mayWriteHere(request) && caller != null && !administrator
        && caller.groups().contains(StaffGroup.SUPERVISORS.id())) {
      moveDates(update.group(1), new CachedBody(request).bytes(), caller, response);
      return;
    }
    chain.doFilter(request, response);
  }

  /**
   * Whether this filter may write on the caller's behalf: on engine-rest always (Basic login, no cookies); on
   * the webapps' door only with the session's CSRF token, which Camunda's own filter checks too, but not
   * necessarily before this one.
   */
  private boolean mayWriteHere(HttpServletRequest request) {
    if (Doors.ENGINE_REST.equals(door)) {
      return true;
    }
    HttpSession session = request.getSession(false);
    Object token = session == null ? null : session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
    return token != null && token.equals(request.getHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME));
  }

  /**
   * Giving a task back ({@code unclaim}): engine-rest does it by setting the assignee to nobody, which needs
   * {@code TASK_ASSIGN}, the right to give the task to anyone. Staff hold {@code TASK_WORK}, with which the
   * engine lets them claim for nobody, as themselves: the same change, checked and logged by the engine.
   */
  private void unclaim(String taskId, Caller caller, HttpServletResponse response) throws IOException {
    engine.getIdentityService().setAuthentication(caller.user(), List.copyOf(caller.groups()));
    try {
      Task task = withoutAuthorization(() -> engine.getTaskService().createTaskQuery().taskId(taskId).singleResult());
      if (task == null) {
        answer(response, HttpServletResponse.SC_NOT_FOUND, "InvalidRequestException",
            "没有找到任务 " + taskId + "：它可能已办结或因案件撤回而取消，或编号有误。请刷新任务列表。");
        return;
      }
      if (task.getAssignee() != null && !task.getAssignee().equals(caller.user())
          && !caller.groups().contains(StaffGroup.SUPERVISORS.id())) {
        refuse(response, "此任务由 " + task.getAssignee() + " 办理，只有其本人或服务督导可以退回。");
        return;
      }
      engine.getTaskService().claim(taskId, null);
      response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    } catch (AuthorizationException refused) {
      refuse(response, refused.getMessage());
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  private String pathInside(HttpServletRequest request) {
    String uri = request.getRequestURI().substring(request.getContextPath().length());
    return uri.startsWith(door) ? uri.substring(door.length()) : "";
  }

  /** Who calls: engine-rest's Basic login (already authenticated by its filter) or the webapps' session. */
  private Caller caller(HttpServletRequest request) {
    Authentication current = engine.getIdentityService().getCurrentAuthentication();
    if (current != null && current.getUserId() != null) {
      return new Caller(current.getUserId(), Set.copyOf(orEmpty(current.getGroupIds())));
    }
    HttpSession session = request.getSession(false);
    Authentications authentications = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
    if (authentications == null) {
      return null;
    }
    return authentications.getAuthentications().stream()
        .filter(auth -> engine.getName().equals(auth.getProcessEngineName())).findFirst()
        .map(UserAuthentication.class::cast)
        .map(auth -> new Caller(auth.getIdentityId(), Set.copyOf(orEmpty(auth.getGroupIds())))).orElse(null);
  }

  private static List<String> orEmpty(List<String> list) {
    return list == null ? List.of() : list;
  }

  /** The task's form fields; empty when there is no such open task (engine-rest answers that itself). */
  private Optional<Set<String>> taskFormFields(String taskId) {
    try {
      return withoutAuthorization(() -> {
        if (engine.getTaskService().createTaskQuery().taskId(taskId).count() == 0) {
          return Optional.empty();
        }
        return Optional.of(fieldsOf(engine.getFormService().getDeployedTaskForm(taskId)));
      });
    } catch (RuntimeException failed) {
      // A failed engine call rolls back the command it ran in, so it is not caught inside: either a colleague
      // completed the task between the look-up and the form (a lost race, which engine-rest answers as for any task
      // already done), or the task has no deployed Camunda Form and asks for nothing. Asked again on its own.
      boolean open = withoutAuthorization(() -> engine.getTaskService().createTaskQuery().taskId(taskId).count() > 0);
      return open ? Optional.of(Set.of()) : Optional.empty();
    }
  }

  private Optional<Set<String>> startFormFields(String key, String tenantId, String definitionId) {
    try {
      return withoutAuthorization(() -> {
        String id = definitionId;
        if (key != null) {
          ProcessDefinitionQuery query = engine.getRepositoryService().createProcessDefinitionQuery()
              .processDefinitionKey(key).latestVersion();
          query = tenantId != null ? query.tenantIdIn(tenantId) : query.withoutTenantId();
          ProcessDefinition definition = query.singleResult();
          id = definition == null ? null : definition.getId();
        }
        if (id == null || engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionId(id).count() == 0) {
          return Optional.empty();
        }
        return Optional.of(fieldsOf(engine.getFormService().getDeployedStartForm(id)));
      });
    } catch (RuntimeException noForm) {
      // no deployed Camunda Form (not caught inside, as above): the start asks for nothing
      return Optional.of(Set.of());
    }
  }

  private Set<String> fieldsOf(InputStream form) {
    try (form) {
      return fields(form);
    } catch (IOException unreadable) {
      throw new UncheckedIOException(unreadable);
    }
  }

  /** The keys of every field a person can fill in: not disabled, in groups too. */
  private Set<String> fields(InputStream form) throws IOException {
    Set<String> keys = new LinkedHashSet<>();
    collect(json.readTree(form).path("components"), keys);
    return keys;
  }

  private static void collect(JsonNode components, Set<String> keys) {
    for (JsonNode field : components) {
      if (field.hasNonNull("key") && !field.path("disabled").asBoolean(false)) {
        keys.add(field.get("key").asText());
      }
      collect(field.path("components"), keys);
    }
  }

  private Set<String> extraVariables(byte[] body, Set<String> allowed) throws IOException {
    if (body.length == 0) {
      return Set.of();
    }
    JsonNode variables;
    try {
      variables = json.readTree(body).path("variables");
    } catch (IOException unreadable) {
      // engine-rest answers a body it cannot read itself.
      return Set.of();
    }
    Set<String> extra = new LinkedHashSet<>();
    for (Iterator<String> names = variables.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!allowed.contains(name)) {
        extra.add(name);
      }
    }
    return extra;
  }

  /**
   * A supervisor's {@code PUT /task/{id}}: saved when it changes nothing but the due and follow-up dates,
   * refused otherwise. Saved without authorization checks but as the supervisor, so the engine's user
   * operation log names them.
   */
  private void moveDates(String taskId, byte[] body, Caller caller, HttpServletResponse response) throws IOException {
    Task task = withoutAuthorization(() -> engine.getTaskService().createTaskQuery().taskId(taskId).singleResult());
    if (task == null) {
      answer(response, HttpServletResponse.SC_NOT_FOUND, "InvalidRequestException", "没有找到任务 " + taskId + "。");
      return;
    }
    JsonNode sent;
    Date due;
    Date followUp;
    try {
      sent = json.readTree(body);
      due = date(sent.path("due"));
      followUp = date(sent.path("followUp"));
    } catch (IOException | ParseException unreadable) {
      answer(response, HttpServletResponse.SC_BAD_REQUEST, "InvalidRequestException",
          "无法读取提交的任务内容：日期请用 yyyy-MM-dd'T'HH:mm:ss.SSSZ 格式。");
      return;
    }
    boolean onlyDates = same(sent, "name", task.getName()) && same(sent, "description", task.getDescription())
        && same(sent, "assignee", task.getAssignee()) && same(sent, "owner", task.getOwner())
        && same(sent, "parentTaskId", task.getParentTaskId())
        && (!sent.has("priority") || sent.path("priority").asInt() == task.getPriority());
    if (!onlyDates) {
      refuse(response, "服务督导只能调整任务的到期日和跟进日；改派请用“分配”，其他内容不能修改。");
      return;
    }
    engine.getIdentityService().setAuthentication(caller.user(), List.copyOf(caller.groups()));
    try {
      withoutAuthorization(() -> {
        task.setDueDate(due);
        task.setFollowUpDate(followUp);
        engine.getTaskService().saveTask(task);
        return null;
      });
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    response.setStatus(HttpServletResponse.SC_NO_CONTENT);
  }

  private static boolean same(JsonNode sent, String field, String current) {
    return !sent.has(field) || Objects.equals(sent.get(field).isNull() ? null : sent.get(field).asText(), current);
  }

  private static Date date(JsonNode value) throws ParseException {
    return value.isMissingNode() || value.isNull() ? null : new SimpleDateFormat(REST_DATE).parse(value.asText());
  }

  private <T> T withoutAuthorization(java.util.function.Supplier<T> call) {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    return configuration.getCommandExecutorTxRequired().execute(context -> context.runWithoutAuthorization(call::get));
  }

  private void tooMuch(HttpServletResponse response, Set<String> extra) throws IOException {
    Map<String, String> problems = new LinkedHashMap<>();
    extra.forEach(name -> problems.put(name, "此任务的表单没有这一项，不能提交"));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "InvalidRequestException");
    body.put("message", "只能提交本任务表单上的内容，以下变量不在表单中：" + String.join("、", extra)
        + "。请只填写表单上的字段后再提交。");
    body.put("problems", problems);
    write(response, HttpServletResponse.SC_BAD_REQUEST, body);
  }

  private void refuse(HttpServletResponse response, String message) throws IOException {
    answer(response, HttpServletResponse.SC_FORBIDDEN, "AuthorizationException", message);
  }

  private void answer(HttpServletResponse response, int status, String type, String message) throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type);
    body.put("message", message);
    write(response, status, body);
  }

  private void write(HttpServletResponse response, int status, Map<String, Object> body) throws IOException {
    response.setStatus(status);
    response.setContentType("application/json;charset=UTF-8");
    response.getOutputStream().write(json.writeValueAsBytes(body));
  }

  record Caller(String user, Set<String> groups) {
  }

  /** The request with its body read once, so it can be checked and then handed on unchanged. */
  static final class CachedBody extends HttpServletRequestWrapper {

    private final byte[] bytes;

    CachedBody(HttpServletRequest request) throws IOException {
      super(request);
      this.bytes = request.getInputStream().readAllBytes();
    }

    byte[] bytes() {
      return bytes;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(bytes);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
          return in.read(buffer, offset, length);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException();
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }
  }
}
