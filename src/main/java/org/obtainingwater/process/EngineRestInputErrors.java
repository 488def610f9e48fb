package org.obtainingwater.process;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * engine-rest answers {@link TaskInputRejectedException} with 400 for task completion and form
 * submission, but wraps it into a 500 when a case is started through {@code /process-definition/.../start}.
 * This mapper answers 400 wherever refused input is the cause, with the problems per field; every
 * other error keeps Camunda's own answer.
 */
@Configuration(proxyBeanMethods = false)
class EngineRestInputErrors {

  @Bean
  ResourceConfigCustomizer taskInputRejectionMapping() {
    return config -> config.register(TaskInputRejectionMapper.class);
  }

  /** Registered ahead of Camunda's {@link RestExceptionHandler} for the same exception type. */
  @Priority(1)
  public static class TaskInputRejectionMapper implements ExceptionMapper<RestException> {

    private final RestExceptionHandler camunda = new RestExceptionHandler();

    @Override
    public Response toResponse(RestException exception) {
      for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
        if (cause instanceof TaskInputRejectedException rejected) {
          Map<String, Object> body = new LinkedHashMap<>();
          body.put("type", TaskInputRejectedException.class.getSimpleName());
          body.put("message", rejected.getMessage());
          body.put("problems", rejected.problems());
          return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
        }
      }
      return camunda.toResponse(exception);
    }
  }
}
