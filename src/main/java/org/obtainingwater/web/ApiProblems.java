package org.obtainingwater.web;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.obtainingwater.cases.RequestRefusedException;
import org.obtainingwater.identity.TooManyRequestsException;
import org.obtainingwater.process.InvalidInputException;
import org.obtainingwater.process.OutsideSystemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Every error of the application's own HTTP APIs as {@code application/problem+json} (RFC 9457): a
 * title, a detail a person can act on, and for bad input an {@code errors} list naming each field.
 * Input a client can send never ends in a 500; a 500 means a fault of ours, and its body carries only
 * an id to find the logged cause, never a stack trace. (/engine-rest answers in its own format.)
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiProblems extends ResponseEntityExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ApiProblems.class);

  /** One field (or header, or path segment) that is wrong, and why. */
  record FieldProblem(String field, String message) {
  }

  static ProblemDetail problem(HttpStatusCode status, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    return problem;
  }

  private static ResponseEntity<Object> respond(ProblemDetail problem) {
    return respond(problem, new HttpHeaders());
  }

  private static ResponseEntity<Object> respond(ProblemDetail problem, HttpHeaders headers) {
    return ResponseEntity.status(problem.getStatus()).headers(headers).contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  private static ResponseEntity<Object> badInput(List<FieldProblem> problems) {
    ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "请求内容有误",
        problems.stream().map(p -> p.field() + "：" + p.message()).collect(Collectors.joining("；")));
    problem.setProperty("errors", problems);
    return respond(problem);
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
      HttpStatusCode status, WebRequest request) {
    List<FieldProblem> problems = new ArrayList<>();
    for (FieldError error : e.getBindingResult().getFieldErrors()) {
      problems.add(new FieldProblem(error.getField(), error.getDefaultMessage()));
    }
    e.getBindingResult().getGlobalErrors()
        .forEach(error -> problems.add(new FieldProblem(error.getObjectName(), error.getDefaultMessage())));
    problems.sort((a, b) -> a.field().compareTo(b.field()));
    return badInput(problems);
  }

  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    List<FieldProblem> problems = new ArrayList<>();
    e.getParameterValidationResults().forEach(result -> {
      if (result instanceof ParameterErrors body) {
        body.getFieldErrors().forEach(error -> problems.add(new FieldProblem(error.getField(), error.getDefaultMessage())));
        return;
      }
      String name = parameterName(result.getMethodParameter().getParameter());
      for (MessageSourceResolvable error : result.getResolvableErrors()) {
        problems.add(new FieldProblem(name, error.getDefaultMessage()));
      }
    });
    problems.sort((a, b) -> a.field().compareTo(b.field()));
    return badInput(problems);
  }

  /** Headers and path variables by the name the client uses. */
  private static String parameterName(java.lang.reflect.Parameter parameter) {
    var header = parameter.getAnnotation(org.springframework.web.bind.annotation.RequestHeader.class);
    if (header != null) {
      return !header.name().isEmpty() ? header.name() : header.value();
    }
    return parameter.getName();
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
      HttpStatusCode status, WebRequest request) {
    Throwable cause = e.getCause();
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof RequestTooLargeException tooLarge) {
        return respond(problem(HttpStatus.PAYLOAD_TOO_LARGE, "请求体过大", tooLarge.getMessage()));
      }
    }
    if (cause instanceof UnrecognizedPropertyException unknown) {
      return badInput(List.of(new FieldProblem(path(unknown), "没有这个字段；可用字段见接口文档 /swagger-ui.html")));
    }
    if (cause instanceof MismatchedInputException mismatch) {
      if (!mismatch.getPath().isEmpty()) {
        return badInput(List.of(new FieldProblem(path(mismatch), "类型不正确：应为" + expected(mismatch.getTargetType()))));
      }
      return badInput(List.of(new FieldProblem("body", "请求体应为一个 JSON 对象")));
    }
    if (cause instanceof JsonProcessingException json) {
      String where = json.getLocation() == null ? ""
          : "（第 " + json.getLocation().getLineNr() + " 行第 " + json.getLocation().getColumnNr() + " 列附近）";
      return badInput(List.of(new FieldProblem("body", "请求体不是有效的 JSON" + where)));
    }
    return badInput(List.of(new FieldProblem("body", "缺少请求体，或请求体无法读取；请发送 UTF-8 编码的 JSON 对象")));
  }

  private static String path(JsonMappingException e) {
    return e.getPath().stream()
        .map(reference -> reference.getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex() + "]")
        .collect(Collectors.joining(".")).replace(".[", "[");
  }

  private static String expected(Class<?> type) {
    if (type == null) {
      return "接口文档中的类型";
    }
    if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
      return "数字";
    }
    if (type == String.class) {
      return "文本（字符串）";
    }
    return "JSON 对象";
  }

  @Override
  protected ResponseEntity<Object> handleServletRequestBindingException(ServletRequestBindingException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    if (e instanceof MissingRequestHeaderException missing) {
      return badInput(List.of(new FieldProblem(missing.getHeaderName(), "缺少请求头 " + missing.getHeaderName())));
    }
    return respond(problem(HttpStatus.BAD_REQUEST, "请求内容有误", "请求缺少必需的参数"));
  }

  @Override
  protected ResponseEntity<Object> handleTypeMismatch(org.springframework.beans.TypeMismatchException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    return badInput(List.of(new FieldProblem(String.valueOf(e.getPropertyName()), "类型不正确：应为" + expected(e.getRequiredType()))));
  }

  @Override
  protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(HttpRequestMethodNotSupportedException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    HttpHeaders allow = new HttpHeaders();
    if (e.getSupportedHttpMethods() != null) {
      allow.setAllow(e.getSupportedHttpMethods());
    }
    return respond(problem(HttpStatus.METHOD_NOT_ALLOWED, "不支持的请求方法",
        "该地址不支持 " + e.getMethod() + "；支持的方法：" + String.join("、",
            e.getSupportedMethods() == null ? new String[0] : e.getSupportedMethods())), allow);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    return respond(problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "不支持的内容类型",
        "请以 Content-Type: application/json 发送 JSON 请求体"));
  }

  @Override
  protected ResponseEntity<Object> handleHttpMediaTypeNotAcceptable(HttpMediaTypeNotAcceptableException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    return respond(problem(HttpStatus.NOT_ACCEPTABLE, "无法提供所需的格式", "本接口只返回 application/json"));
  }

  @Override
  protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException e, HttpHeaders headers,
      HttpStatusCode status, WebRequest request) {
    return respond(problem(HttpStatus.NOT_FOUND, "地址不存在", "没有 /" + e.getResourcePath() + " 这个地址；接口文档见 /swagger-ui.html"));
  }

  @ExceptionHandler(InvalidInputException.class)
  ResponseEntity<Object> invalidInput(InvalidInputException e) {
    return badInput(e.problems().entrySet().stream().map(p -> new FieldProblem(p.getKey(), p.getValue())).toList());
  }

  @ExceptionHandler(RequestRefusedException.class)
  ResponseEntity<Object> refused(RequestRefusedException e) {
    return switch (e.reason()) {
      case NOT_FOUND -> respond(problem(HttpStatus.NOT_FOUND, "没有找到", e.getMessage()));
      case CONFLICT -> respond(problem(HttpStatus.CONFLICT, "当前状态不允许这样做", e.getMessage()));
      case UNPROCESSABLE -> respond(problem(HttpStatus.UNPROCESSABLE_ENTITY, "与先前的请求矛盾", e.getMessage()));
    };
  }

  @ExceptionHandler(BearerCredential.Missing.class)
  ResponseEntity<Object> unauthorized(BearerCredential.Missing e) {
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"" + e.realm() + "\"");
    return respond(problem(HttpStatus.UNAUTHORIZED, "需要认证", e.getMessage()), headers);
  }

  /**
   * An outside system the request itself waits on (the payment gateway, docs/adr/0043) did not answer usefully: the
   * caller tries again later (after the system's own pause when it gave one); the reason is logged, not shown.
   */
  @ExceptionHandler(OutsideSystemException.class)
  ResponseEntity<Object> outsideSystem(OutsideSystemException e) {
    LOG.warn("{} could not serve a request: {}", e.system(), e.getMessage());
    HttpHeaders headers = new HttpHeaders();
    long seconds = e.retryAfter() == null ? 60 : Math.max(1, e.retryAfter().toSeconds());
    headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
    String which = "payment-gateway".equals(e.system()) ? "支付平台" : "相关外部系统";
    return respond(problem(HttpStatus.SERVICE_UNAVAILABLE, "外部系统暂时无法使用",
        which + "暂时无法受理，请 " + seconds + " 秒后再试；如多次失败请到营业厅办理"), headers);
  }

  @ExceptionHandler(CustomerUnauthorizedException.class)
  ResponseEntity<Object> customerUnauthorized(CustomerUnauthorizedException e) {
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"customers\"");
    return respond(problem(HttpStatus.UNAUTHORIZED, "需要登录", e.getMessage()), headers);
  }

  /** An abuse limit is used up (docs/adr/0026): when to come back, in seconds and in words. */
  @ExceptionHandler(TooManyRequestsException.class)
  ResponseEntity<Object> tooManyRequests(TooManyRequestsException e) {
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
    ProblemDetail problem = problem(HttpStatus.TOO_MANY_REQUESTS, "请求过于频繁", e.getMessage());
    problem.setProperty("retryAfterSeconds", e.retryAfterSeconds());
    return respond(problem, headers);
  }

  /** Someone else changed the same case at the same moment; a retry sees the new state. */
  @ExceptionHandler({OptimisticLockingException.class, ConcurrencyFailureException.class})
  ResponseEntity<Object> concurrentChange(Exception e) {
    return respond(problem(HttpStatus.CONFLICT, "同时有其他操作", "这件申请刚刚被同时处理，请刷新后重试"));
  }

  /** A fault of ours: logged with an id; the client sees the id and no internals. */
  @ExceptionHandler(Exception.class)
  ResponseEntity<Object> unexpected(Exception e) {
    if (DatabaseOutage.causedBy(e)) {
      return databaseUnavailable(e);
    }
    if (ConcurrentChange.causedBy(e)) {
      return concurrentChange(e);
    }
    String id = UUID.randomUUID().toString();
    LOG.error("Unexpected error {} answering an API request", id, e);
    ProblemDetail problem = problem(HttpStatus.INTERNAL_SERVER_ERROR, "服务器内部错误",
        "请稍后重试；如果一直出现，请联系供水服务热线并提供错误编号 " + id);
    problem.setProperty("errorId", id);
    return respond(problem);
  }

  /**
   * The database is out of reach: nothing was done and nothing acknowledged, so the client may send
   * the same request again later (with the same Idempotency-Key, a filing is never doubled).
   */
  private ResponseEntity<Object> databaseUnavailable(Exception e) {
    LOG.warn("Answering 503: the database is out of reach ({})", e.toString());
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseOutage.RETRY_AFTER_SECONDS));
    return respond(problem(HttpStatus.SERVICE_UNAVAILABLE, "服务暂时不可用",
        DatabaseOutage.NOTHING_FILED), headers);
  }
}
