package org.obtainingwater.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.obtainingwater.process.InvalidInputException;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * engine-rest's answers where Camunda's own would be a 500 for something a member of staff or a
 * client can cause (docs/adr/0004). Every other error keeps Camunda's own answer
 * and body ({@code type}, {@code message}), which Tasklist shows to the user.
 *
 * <ul>
 *   <li>Refused task input ({@link InvalidInputException}) anywhere in the cause chain: 400
 *   with the problems per field; {@code /process-definition/.../start} would wrap it into a 500.</li>
 *   <li>Two people completing the same task at once: whatever the slower request trips over (a
 *   {@link ConcurrentChange}, the task or its authorizations gone, the next step's input check), when
 *   the task is no longer open but finished: 409, saying a colleague was first.</li>
 *   <li>A request that lost a race for the case otherwise, also to the overdue timer
 *   ({@link ConcurrentChange}: an optimistic-locking conflict or a database deadlock): 409.</li>
 *   <li>Claiming a task someone else holds ({@link TaskAlreadyClaimedException}): 409 naming the
 *   holder.</li>
 *   <li>A task id that does not exist: 404.</li>
 *   <li>The database out of reach ({@link DatabaseOutage}): 503 with Retry-After; nothing was done.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class EngineRestErrors {

  static final String COLLEAGUE_WAS_FIRST =
      "此任务已由其他人办理：同事先一步提交了它，您的提交未生效。请刷新任务列表查看案件的最新进展。";
  private static final Pattern TASK_PATH = Pattern.compile("^/?task/([^/]+)(/.*)?$");

  @Bean
  ResourceConfigCustomizer engineRestErrorMapping(ProcessEngine engine) {
    return config -> {
      config.register(new RestExceptionMapper(engine));
      config.register(new ProcessEngineExceptionMapper(engine));
      config.register(new RuntimeExceptionMapper(engine));
    };
  }

  /** Registered ahead of Camunda's {@link RestExceptionHandler} for the same exception type. */
  @Priority(1)
  public static class RestExceptionMapper implements ExceptionMapper<RestException> {

    private final RestExceptionHandler camunda = new RestExceptionHandler();
    private final Answers answers;
    @Context
    UriInfo request;

    RestExceptionMapper(ProcessEngine engine) {
      this.answers = new Answers(engine);
    }

    @Override
    public Response toResponse(RestException exception) {
      return answers.of(exception, request).orElseGet(() -> camunda.toResponse(exception));
    }
  }

  /** Registered ahead of Camunda's {@link ProcessEngineExceptionHandler} for the same exception type. */
  @Priority(1)
  public static class ProcessEngineExceptionMapper implements ExceptionMapper<ProcessEngineException> {

    private final ProcessEngineExceptionHandler camunda = new ProcessEngineExceptionHandler();
    private final Answers answers;
    @Context
    UriInfo request;

    ProcessEngineExceptionMapper(ProcessEngine engine) {
      this.answers = new Answers(engine);
    }

    @Override
    public Response toResponse(ProcessEngineException exception) {
      return answers.of(exception, request).orElseGet(() -> camunda.toResponse(exception));
    }
  }

  /**
   * The slower of two completions can also trip over a plain runtime exception inside the engine: when the
   * task is followed by an asynchronous step (关联提前办项目, the permit filings), it reads an execution that
   * waits for its job and has no activity instance (a NullPointerException). Same rule: a finished task is 409;
   * anything else keeps Camunda's generic answer.
   */
  @Priority(1)
  public static class RuntimeExceptionMapper implements ExceptionMapper<RuntimeException> {

    private final org.camunda.bpm.engine.rest.exception.ExceptionHandler camunda =
        new org.camunda.bpm.engine.rest.exception.ExceptionHandler();
    private final Answers answers;
    @Context
    UriInfo request;

    RuntimeExceptionMapper(ProcessEngine engine) {
      this.answers = new Answers(engine);
    }

    @Override
    public Response toResponse(RuntimeException exception) {
      return answers.of(exception, request).orElseGet(() -> camunda.toResponse(exception));
    }
  }

  /** The project's answer for an exception, when it has one. */
  static final class Answers {

    private final ProcessEngine engine;

    Answers(ProcessEngine engine) {
      this.engine = engine;
    }

    Optional<Response> of(Throwable exception, UriInfo request) {
      if (DatabaseOutage.causedBy(exception)) {
        Map<String, Object> body = body(exception, DatabaseOutage.NOTHING_DONE);
        return Optional.of(Response.status(Status.SERVICE_UNAVAILABLE).type(MediaType.APPLICATION_JSON_TYPE)
            .header("Retry-After", DatabaseOutage.RETRY_AFTER_SECONDS).entity(body).build());
      }
      Optional<String> taskId = taskOf(request);
      if (taskId.isPresent() && finishedTask(taskId.get())) {
        // Whatever this request tripped over (the task gone, its authorizations gone, the case already
        // at the next step's input check), a colleague completed the task first.
        return Optional.of(answer(Status.CONFLICT, body(exception, COLLEAGUE_WAS_FIRST)));
      }
      for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
        if (cause instanceof InvalidInputException rejected) {
          Map<String, Object> body = body(rejected, rejected.getMessage());
          body.put("problems", rejected.problems());
          return Optional.of(answer(Status.BAD_REQUEST, body));
        }
        if (ConcurrentChange.is(cause)) {
          return Optional.of(answer(Status.CONFLICT, body(cause, COLLEAGUE_WAS_FIRST)));
        }
        if (cause instanceof TaskAlreadyClaimedException claimed) {
          return Optional.of(answer(Status.CONFLICT, body(cause, "此任务已被 " + claimed.getTaskAssignee()
              + " 认领，不能重复认领；如需接手，请与其本人或服务督导联系。")));
        }
        if (cause instanceof NullValueException && taskId.isPresent() && !openTask(taskId.get())) {
          return Optional.of(answer(Status.NOT_FOUND, body(cause, "没有找到任务 " + taskId.get()
              + "：它可能已因案件撤回而取消，或编号有误。请刷新任务列表。")));
        }
      }
      return Optional.empty();
    }

    private boolean openTask(String taskId) {
      return engine.getTaskService().createTaskQuery().taskId(taskId).count() > 0;
    }

    /**
     * Completed by someone and no longer open; says nothing more, the caller may not see the task. The
     * history is read without the caller's authorizations: staff may work a task without the right to read
     * the case's history, and the answer only says that a colleague was first.
     */
    private boolean finishedTask(String taskId) {
      if (openTask(taskId)) {
        return false;
      }
      ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
      return configuration.getCommandExecutorTxRequired().execute(context -> context.runWithoutAuthorization(
          () -> engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(taskId).finished().count() > 0));
    }

    private static Optional<String> taskOf(UriInfo request) {
      Matcher path = request == null ? null : TASK_PATH.matcher(request.getPath());
      return path != null && path.matches() ? Optional.of(path.group(1)) : Optional.empty();
    }

    private static Map<String, Object> body(Throwable cause, String message) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("type", cause.getClass().getSimpleName());
      body.put("message", message);
      return body;
    }

    private static Response answer(Status status, Map<String, Object> body) {
      return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }
  }
}
