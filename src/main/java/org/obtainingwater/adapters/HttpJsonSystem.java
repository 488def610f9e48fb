package org.obtainingwater.adapters;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

import org.obtainingwater.process.OutsideSystemException;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.core.env.PropertyResolver;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One outside system spoken to over HTTP/JSON as its contract in {@code docs/contracts/} says: a bearer credential,
 * an {@code Idempotency-Key} header per call, connect and read timeouts, and every answer sorted into what the next
 * attempt should do ({@link OutsideSystemException.Kind}): 2xx is the answer; 429 (and 503 with
 * {@code Retry-After}) is throttling; no answer, a timeout, 408 or another 5xx is unavailability; any other 4xx
 * is a refusal, whose problem+json {@code detail} goes into the message a person reads.
 */
final class HttpJsonSystem {

  /** How long to wait after a 429 without {@code Retry-After}. */
  static final Duration DEFAULT_RETRY_AFTER = Duration.ofMinutes(1);

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Where and how to reach the system.
   *
   * @param url the base URL, e.g. {@code https://permits.example.gov.cn/api/v1}
   * @param token the bearer credential (from the environment)
   */
  record Settings(String url, String token, Duration connectTimeout, Duration readTimeout) {

    /**
     * The system's settings as configured under {@code obtaining-water.adapters.http.<system>}: {@code url},
     * {@code token}, {@code connect-timeout} (default 5 s) and {@code read-timeout} (default 30 s).
     */
    static Settings of(PropertyResolver configuration, String system) {
      String prefix = "obtaining-water.adapters.http." + system + ".";
      return new Settings(configuration.getProperty(prefix + "url", ""), configuration.getProperty(prefix + "token", ""),
          DurationStyle.detectAndParse(configuration.getProperty(prefix + "connect-timeout", "PT5S")),
          DurationStyle.detectAndParse(configuration.getProperty(prefix + "read-timeout", "PT30S")));
    }
  }

  private final String system;
  private final String title;
  private final Settings settings;
  private final HttpClient client;

  /**
   * @param system the system's name in the configuration ({@code permit-authority}, {@code billing})
   * @param title how staff name it, in Chinese and English: {@code 许可审批平台 (permit platform)}
   */
  HttpJsonSystem(String system, String title, Settings settings) {
    if (settings.url() == null || settings.url().isBlank()) {
      throw new IllegalStateException("Set obtaining-water.adapters.http." + system + ".url: the " + system
          + " adapter is 'http' but has no address.");
    }
    this.system = system;
    this.title = title;
    this.settings = settings;
    this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(settings.connectTimeout())
        .followRedirects(HttpClient.Redirect.NEVER).build();
  }

  /**
   * POSTs {@code body} as JSON to {@code path} with the idempotency key; the answer's JSON, or an
   * {@link OutsideSystemException}.
   */
  JsonNode post(String path, String idempotencyKey, Object body) {
    HttpRequest request;
    try {
      request = HttpRequest.newBuilder(URI.create(settings.url().replaceAll("/+$", "") + path))
          .timeout(settings.readTimeout())
          .header("Content-Type", "application/json")
          .header("Accept", "application/json, application/problem+json")
          .header("Authorization", "Bearer " + settings.token())
          .header("Idempotency-Key", idempotencyKey)
          .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8))
          .build();
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
    HttpResponse<String> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (HttpTimeoutException e) {
      throw OutsideSystemException.unavailable(system, title + "在 " + settings.readTimeout().toMillis()
          + " 毫秒内没有应答，稍后自动重试。/ " + title + " did not answer in time; retried later.", e);
    } catch (IOException e) {
      throw OutsideSystemException.unavailable(system, title + "无法连接（" + e.getClass().getSimpleName()
          + "），稍后自动重试。/ " + title + " cannot be reached; retried later.", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw OutsideSystemException.unavailable(system, title + " call interrupted", e);
    }
    return answer(response);
  }

  private JsonNode answer(HttpResponse<String> response) {
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      try {
        return JSON.readTree(response.body());
      } catch (JsonProcessingException e) {
        throw OutsideSystemException.unavailable(system, title + "的应答不是 JSON（HTTP " + status + "）。/ "
            + title + " answered something other than JSON.", e);
      }
    }
    Optional<Duration> retryAfter = response.headers().firstValue("Retry-After").flatMap(HttpJsonSystem::seconds);
    if (status == 429 || (status == 503 && retryAfter.isPresent())) {
      Duration pause = retryAfter.orElse(DEFAULT_RETRY_AFTER);
      return throwing(OutsideSystemException.throttled(system, title + "限流（HTTP " + status + "），"
          + pause.toSeconds() + " 秒后自动重试。/ " + title + " asked to slow down; retried after " + pause.toSeconds()
          + " s.", pause));
    }
    String detail = detail(response.body());
    if (status == 408 || status >= 500) {
      return throwing(OutsideSystemException.unavailable(system, title + "暂时故障（HTTP " + status + "）" + detail
          + "，稍后自动重试。/ " + title + " failed (HTTP " + status + "); retried later.", null));
    }
    String advice = status == 401 || status == 403
        ? "请检查对接凭据（环境变量）。/ Check the credential in the environment."
        : "请核对申请资料，更正后在 Cockpit 中重试该作业。/ Check the case's data, correct it, then retry the job in Cockpit.";
    return throwing(OutsideSystemException.refused(system, title + "拒绝了请求（HTTP " + status + "）" + detail
        + "。" + advice + " / " + title + " refused the request (HTTP " + status + ")."));
  }

  private static JsonNode throwing(OutsideSystemException e) {
    throw e;
  }

  /** The problem+json {@code detail} (or {@code title}) of an error answer, as "：detail"; empty when there is none. */
  private static String detail(String body) {
    try {
      JsonNode problem = JSON.readTree(body == null || body.isBlank() ? "{}" : body);
      String text = problem.path("detail").asText(problem.path("title").asText(""));
      text = text.length() > 300 ? text.substring(0, 300) : text;
      return text.isBlank() ? "" : "：" + text;
    } catch (JsonProcessingException e) {
      return "";
    }
  }

  private static Optional<Duration> seconds(String value) {
    try {
      return Optional.of(Duration.ofSeconds(Long.parseLong(value.strip())));
    } catch (NumberFormatException e) {
      return Optional.empty(); // an HTTP date: the default pause
    }
  }
}
