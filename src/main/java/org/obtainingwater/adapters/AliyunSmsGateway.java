package org.obtainingwater.adapters;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.obtainingwater.notification.Masking;
import org.obtainingwater.notification.NoticeType;
import org.obtainingwater.notification.SmsGateway;
import org.obtainingwater.notification.SmsMessage;
import org.obtainingwater.process.OutsideSystemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Aliyun SMS (阿里云短信服务, dysmsapi {@code SendSms}, API version 2017-05-25) through its documented HTTP API with
 * the RPC signature (HMAC-SHA1 over the sorted, percent-encoded parameters), selected with
 * {@code obtaining-water.adapters.sms-gateway: aliyun} (docs/adr/0034). Aliyun sends reviewed templates only: each
 * notice type has its template code ({@code obtaining-water.adapters.aliyun-sms.templates.<TYPE>}), filled with the
 * notice's variables; the start is refused while a customer's notice type has none.
 *
 * <p>The answer's {@code Code} decides what the outbox does next: {@code OK} is sent (the {@code BizId} is the
 * reference); the flow controls ({@code isv.BUSINESS_LIMIT_CONTROL} per phone by minute, hour or day,
 * {@code isv.DAY_LIMIT_CONTROL}, {@code Throttling*}) are {@link OutsideSystemException.Kind#THROTTLED throttled}
 * until the limit's window passes; {@code isp.SYSTEM_ERROR}, {@code ServiceUnavailable}, 5xx and timeouts are
 * {@link OutsideSystemException.Kind#UNAVAILABLE unavailable}; every other code (a bad number, an unknown template,
 * a missing variable, no credit, a wrong key) is {@link OutsideSystemException.Kind#REFUSED refused}.
 *
 * <p>The message id goes as {@code OutId}, which ties Aliyun's delivery reports to the outbox entry; Aliyun does not
 * deduplicate by it, so a notice handed over again after a node died mid-delivery can reach the phone twice
 * (docs/adr/0034).
 */
@Component
@ConditionalOnProperty(name = "obtaining-water.adapters.sms-gateway", havingValue = "aliyun")
public class AliyunSmsGateway implements SmsGateway {

  static final String SYSTEM = "sms-gateway";
  static final String PREFIX = "obtaining-water.adapters.aliyun-sms";
  private static final Logger LOG = LoggerFactory.getLogger(AliyunSmsGateway.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
      .withZone(ZoneId.of("UTC"));
  private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
  private static final Set<String> UNAVAILABLE = Set.of("isp.SYSTEM_ERROR", "ServiceUnavailable", "InternalError",
      "isp.GATEWAY_ERROR");

  /**
   * How to reach Aliyun and what to send.
   *
   * @param endpoint {@code https://dysmsapi.aliyuncs.com}
   * @param signName the reviewed signature (短信签名), e.g. 某某供水
   * @param templates the reviewed template code of each notice type
   */
  public record Settings(String endpoint, String accessKeyId, String accessKeySecret, String regionId, String signName,
      Map<NoticeType, String> templates, Duration connectTimeout, Duration readTimeout) {
  }

  private final Settings settings;
  private final HttpClient client;

  @Autowired
  AliyunSmsGateway(Environment environment) {
    this(settings(Binder.get(environment)));
  }

  public AliyunSmsGateway(Settings settings) {
    List<String> missing = new java.util.ArrayList<>();
    for (String[] required : new String[][] {{"access-key-id", settings.accessKeyId()},
        {"access-key-secret", settings.accessKeySecret()}, {"sign-name", settings.signName()}}) {
      if (required[1] == null || required[1].isBlank()) {
        missing.add(PREFIX + "." + required[0]);
      }
    }
    for (NoticeType type : NoticeType.values()) {
      if (type.toCustomer() && !hasTemplate(settings, type)) {
        missing.add(PREFIX + ".templates." + type.name());
      }
    }
    if (!missing.isEmpty()) {
      throw new IllegalStateException("The SMS gateway is 'aliyun' but these settings are empty: "
          + String.join(", ", missing) + " (docs/operations.md, \"Outside systems and their adapters\").");
    }
    this.settings = settings;
    this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(settings.connectTimeout())
        .build();
  }

  private static Settings settings(Binder binder) {
    Map<String, String> codes = binder.bind(PREFIX + ".templates", Bindable.mapOf(String.class, String.class))
        .orElse(Map.of());
    Map<NoticeType, String> templates = new EnumMap<>(NoticeType.class);
    // A key from an environment variable (..._TEMPLATES_WATER_ON) arrives as water.on.
    codes.forEach((type, code) -> {
      String name = type.strip().toUpperCase().replaceAll("[-.]", "_");
      try {
        templates.put(NoticeType.valueOf(name), code);
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException(PREFIX + ".templates." + type + ": no such notice type (one of "
            + java.util.Arrays.toString(NoticeType.values()) + ")", e);
      }
    });
    return new Settings(
        binder.bind(PREFIX + ".endpoint", String.class).orElse("https://dysmsapi.aliyuncs.com"),
        binder.bind(PREFIX + ".access-key-id", String.class).orElse(""),
        binder.bind(PREFIX + ".access-key-secret", String.class).orElse(""),
        binder.bind(PREFIX + ".region-id", String.class).orElse("cn-hangzhou"),
        binder.bind(PREFIX + ".sign-name", String.class).orElse(""),
        templates,
        binder.bind(PREFIX + ".connect-timeout", Duration.class).orElse(Duration.ofSeconds(5)),
        binder.bind(PREFIX + ".read-timeout", Duration.class).orElse(Duration.ofSeconds(10)));
  }

  private static boolean hasTemplate(Settings settings, NoticeType type) {
    return !settings.templates().getOrDefault(type, "").isBlank();
  }

  /** Whether the notice type has a template (the supervisors' types are needed only with the SMS supervisor notifier). */
  boolean hasTemplate(NoticeType type) {
    return hasTemplate(settings, type);
  }

  @Override
  public String deliver(String messageId, SmsMessage message) {
    if (!hasTemplate(message.type())) {
      throw OutsideSystemException.refused(SYSTEM, "未配置短信模板：请设置 " + PREFIX + ".templates." + message.type()
          + " / no Aliyun template for " + message.type());
    }
    Map<String, String> parameters = new TreeMap<>();
    parameters.put("AccessKeyId", settings.accessKeyId());
    parameters.put("Action", "SendSms");
    parameters.put("Format", "JSON");
    parameters.put("RegionId", settings.regionId());
    parameters.put("SignatureMethod", "HMAC-SHA1");
    parameters.put("SignatureNonce", UUID.randomUUID().toString());
    parameters.put("SignatureVersion", "1.0");
    parameters.put("Timestamp", TIMESTAMP.format(Instant.now()));
    parameters.put("Version", "2017-05-25");
    parameters.put("PhoneNumbers", message.phone());
    parameters.put("SignName", settings.signName());
    parameters.put("TemplateCode", settings.templates().get(message.type()));
    parameters.put("TemplateParam", json(message.params()));
    parameters.put("OutId", messageId);
    parameters.put("Signature", signature("POST", parameters, settings.accessKeySecret()));
    HttpRequest request = HttpRequest.newBuilder(URI.create(settings.endpoint().replaceAll("/+$", "") + "/"))
        .timeout(settings.readTimeout())
        .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(canonical(parameters), StandardCharsets.UTF_8))
        .build();
    HttpResponse<String> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (HttpTimeoutException e) {
      throw OutsideSystemException.unavailable(SYSTEM, "阿里云短信在 " + settings.readTimeout().toMillis()
          + " 毫秒内没有应答 / Aliyun SMS did not answer in time", e);
    } catch (IOException e) {
      throw OutsideSystemException.unavailable(SYSTEM, "阿里云短信无法连接 / Aliyun SMS cannot be reached: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw OutsideSystemException.unavailable(SYSTEM, "Aliyun SMS call interrupted", e);
    }
    return answer(response, message);
  }

  private String answer(HttpResponse<String> response, SmsMessage message) {
    JsonNode body;
    try {
      body = JSON.readTree(response.body() == null || response.body().isBlank() ? "{}" : response.body());
    } catch (JsonProcessingException e) {
      body = JSON.createObjectNode();
    }
    String code = body.path("Code").asText("");
    String text = body.path("Message").asText("");
    if (response.statusCode() == 200 && "OK".equals(code)) {
      String reference = body.path("BizId").asText("");
      LOG.info("SMS {} ({}) to {} sent by Aliyun as {}", message.type(), settings.templates().get(message.type()),
          Masking.phone(message.phone()), reference);
      return reference;
    }
    String said = "阿里云短信 " + (code.isBlank() ? "HTTP " + response.statusCode() : code) + "（" + text + "）";
    if (code.equals("isv.BUSINESS_LIMIT_CONTROL") || code.equals("isv.DAY_LIMIT_CONTROL") || code.startsWith("Throttling")
        || response.statusCode() == 429) {
      Duration pause = pause(code, text);
      throw OutsideSystemException.throttled(SYSTEM, said + "：触发流控，" + pause.toMinutes() + " 分钟后再发 / "
          + "Aliyun SMS flow control; sent again in " + pause, pause);
    }
    if (UNAVAILABLE.contains(code) || response.statusCode() >= 500 || (code.isBlank() && response.statusCode() != 200)) {
      throw OutsideSystemException.unavailable(SYSTEM, said + "：平台暂时故障，稍后重试 / Aliyun SMS failed; retried later",
          null);
    }
    throw OutsideSystemException.refused(SYSTEM, said + "：" + advice(code) + " / Aliyun SMS refused the message");
  }

  /**
   * How long a flow control lasts: Aliyun limits one phone per minute, per hour and per day (the message says which:
   * 分钟级, 小时级, 天级), and an account per day; the day's limits reset at midnight Beijing time.
   */
  static Duration pause(String code, String text) {
    if (code.equals("isv.DAY_LIMIT_CONTROL") || text.contains("天级")) {
      Instant now = Instant.now();
      Instant midnight = LocalDate.now(BEIJING).plusDays(1).atStartOfDay(BEIJING).toInstant();
      return Duration.between(now, midnight).plusMinutes(5).truncatedTo(ChronoUnit.MINUTES);
    }
    if (text.contains("小时级")) {
      return Duration.ofHours(1);
    }
    return Duration.ofMinutes(1);
  }

  private static String advice(String code) {
    return switch (code) {
      case "isv.MOBILE_NUMBER_ILLEGAL" -> "手机号码不正确，请更正客户的联系电话";
      case "isv.SMS_TEMPLATE_ILLEGAL", "isv.SMS_TEMPLATE_NOT_EXIST" -> "短信模板不存在或未通过审核，请检查模板代码配置";
      case "isv.SMS_SIGNATURE_ILLEGAL", "isv.SMS_SIGNATURE_NOT_EXIST" -> "短信签名不存在或未通过审核，请检查签名配置";
      case "isv.TEMPLATE_MISSING_PARAMETERS", "isv.TEMPLATE_PARAMS_ILLEGAL" -> "模板变量与模板不符，请核对模板";
      case "isv.PARAM_LENGTH_LIMIT" -> "模板变量超长（如原因文字过长），请缩短后重发";
      case "isv.AMOUNT_NOT_ENOUGH", "isv.OUT_OF_SERVICE" -> "短信账户余额不足或已停机，请充值";
      case "SignatureDoesNotMatch", "InvalidAccessKeyId.NotFound", "InvalidAccessKeyId", "isp.RAM_PERMISSION_DENY" ->
          "AccessKey 凭据错误或无权限，请检查环境变量";
      case "isv.BLACK_KEY_CONTROL_LIMIT", "isv.MOBILE_COUNT_OVER_LIMIT" -> "号码或内容被平台拦截";
      default -> "平台拒绝发送，请按错误码排查";
    };
  }

  /**
   * The RPC signature (SignatureVersion 1.0): Base64(HMAC-SHA1(secret + "&", method + "&" + encode("/") + "&" +
   * encode(canonical query))), the canonical query being the parameters but {@code Signature}, sorted by name,
   * each name and value percent-encoded (RFC 3986: space as %20, {@code *} as %2A, {@code ~} kept).
   */
  static String signature(String method, Map<String, String> parameters, String secret) {
    Map<String, String> sorted = new TreeMap<>(parameters);
    sorted.remove("Signature");
    String stringToSign = method + "&" + encode("/") + "&" + encode(canonical(sorted));
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec((secret + "&").getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
      return Base64.getEncoder().encodeToString(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String canonical(Map<String, String> parameters) {
    return new TreeMap<>(parameters).entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
        .collect(Collectors.joining("&"));
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
  }

  private static String json(Map<String, String> params) {
    try {
      return JSON.writeValueAsString(new TreeMap<>(params));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
