package org.obtainingwater.adapters;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.obtainingwater.notification.NoticeType;
import org.obtainingwater.notification.SmsMessage;
import org.obtainingwater.process.OutsideSystemException;
import org.obtainingwater.support.OutsideSystemStubs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

/** The Aliyun SMS adapter: its signature as Aliyun documents it, and each kind of answer from a stub that gives them as Aliyun does. */
class AliyunSmsGatewayTests {

  @RegisterExtension
  static WireMockExtension aliyun = OutsideSystemStubs.stub();

  static final SmsMessage RECEIVED = new SmsMessage("13812345678", NoticeType.APPLICATION_RECEIVED,
      Map.of("number", "GW-2026-000123"), "【供水服务】您的用水报装申请已收到，申请编号 GW-2026-000123。");

  static AliyunSmsGateway.Settings settings(String endpoint, Duration readTimeout) {
    Map<NoticeType, String> templates = new EnumMap<>(NoticeType.class);
    for (NoticeType type : NoticeType.values()) {
      templates.put(type, "SMS_" + (100000 + type.ordinal()));
    }
    return new AliyunSmsGateway.Settings(endpoint, "testId", "testSecret", "cn-hangzhou", "某某供水", templates,
        Duration.ofSeconds(2), readTimeout);
  }

  AliyunSmsGateway gateway() {
    return new AliyunSmsGateway(settings(aliyun.baseUrl(), Duration.ofSeconds(2)));
  }

  @Test
  void theSignature_isAliyunsOwnDocumentedExample() {
    // Aliyun's documentation of the SMS API's signature (help.aliyun.com, 短信服务 "HTTP 协议及签名"): these
    // parameters, AccessKeySecret testSecret, method GET, give this signature.
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("SignatureMethod", "HMAC-SHA1");
    parameters.put("SignatureNonce", "45e25e9b-0a6f-4070-8c85-2956eda1b466");
    parameters.put("AccessKeyId", "testId");
    parameters.put("SignatureVersion", "1.0");
    parameters.put("Timestamp", "2017-07-12T02:42:19Z");
    parameters.put("Format", "XML");
    parameters.put("Action", "SendSms");
    parameters.put("Version", "2017-05-25");
    parameters.put("RegionId", "cn-hangzhou");
    parameters.put("PhoneNumbers", "15300000001");
    parameters.put("SignName", "阿里云短信测试专用");
    parameters.put("TemplateParam", "{\"customer\":\"test\"}");
    parameters.put("TemplateCode", "SMS_71390007");
    parameters.put("OutId", "123");

    assertThat(AliyunSmsGateway.signature("GET", parameters, "testSecret")).isEqualTo("zJDF+Lrzhj/ThnlvIToysFRq6t4=");
    assertThat(AliyunSmsGateway.encode("a b*c~d")).isEqualTo("a%20b%2Ac~d");
  }

  @Test
  void aSentMessage_isTheNoticesTemplateWithItsVariables_signed_andAnsweredWithAliyunsBizId() throws Exception {
    aliyun.stubFor(post(urlEqualTo("/")).willReturn(OutsideSystemStubs.aliyunSent("900619746936498440^0")));

    String reference = gateway().deliver("ow-notice-42", RECEIVED);

    assertThat(reference).isEqualTo("900619746936498440^0");
    LoggedRequest request = aliyun.findAll(postRequestedFor(urlEqualTo("/"))).get(0);
    Map<String, String> form = form(request.getBodyAsString());
    assertThat(form).containsEntry("Action", "SendSms").containsEntry("Version", "2017-05-25")
        .containsEntry("PhoneNumbers", "13812345678").containsEntry("SignName", "某某供水")
        .containsEntry("TemplateCode", "SMS_100000").containsEntry("OutId", "ow-notice-42")
        .containsEntry("AccessKeyId", "testId").containsEntry("SignatureMethod", "HMAC-SHA1");
    assertThat(new ObjectMapper().readTree(form.get("TemplateParam")).path("number").asText()).isEqualTo("GW-2026-000123");
    // Aliyun recomputes the signature from what arrived: so does the test.
    assertThat(form.get("Signature")).isEqualTo(AliyunSmsGateway.signature("POST", form, "testSecret"));
  }

  @Test
  void noAnswerInTime_isUnavailable() {
    aliyun.stubFor(post(urlEqualTo("/")).willReturn(OutsideSystemStubs.aliyunSent("1^0").withFixedDelay(1500)));
    AliyunSmsGateway slow = new AliyunSmsGateway(settings(aliyun.baseUrl(), Duration.ofMillis(300)));

    OutsideSystemException failure = catchThrowableOfType(OutsideSystemException.class,
        () -> slow.deliver("ow-notice-43", RECEIVED));
    assertThat(failure.kind()).isEqualTo(OutsideSystemException.Kind.UNAVAILABLE);
    assertThat(failure).hasMessageContaining("没有应答");
  }

  @Test
  void aSystemError_isUnavailable() {
    aliyun.stubFor(post(urlEqualTo("/")).willReturn(OutsideSystemStubs.aliyunError(500, "isp.SYSTEM_ERROR", "System error.")));

    assertThat(catchThrowableOfType(OutsideSystemException.class, () -> gateway().deliver("ow-notice-44", RECEIVED)).kind())
        .isEqualTo(OutsideSystemException.Kind.UNAVAILABLE);
  }

  @Test
  void theFlowControls_areThrottled_forTheirWindow() {
    aliyun.stubFor(post(urlEqualTo("/")).willReturn(OutsideSystemStubs.aliyunNotSent("isv.BUSINESS_LIMIT_CONTROL",
        "触发分钟级流控Permits:1")));
    OutsideSystemException minute = catchThrowableOfType(OutsideSystemException.class,
        () -> gateway().deliver("ow-notice-45", RECEIVED));
    assertThat(minute.kind()).isEqualTo(OutsideSystemException.Kind.THROTTLED);
    assertThat(minute.retryAfter()).isEqualTo(Duration.ofMinutes(1));

    aliyun.stubFor(post(urlEqualTo("/")).willReturn(OutsideSystemStubs.aliyunNotSent("isv.BUSINESS_LIMIT_CONTROL",
        "触发小时级流控Permits:5")));
    assertThat(catchThrowableOfType(OutsideSystemException.class, () -> gateway().deliver("ow-notice-45", RECEIVED))
        .retryAfter()).isEqualTo(Duration.ofHours(1));

    aliyun.stubFor(post(urlEqualTo("/")).willReturn(OutsideSystemStubs.aliyunNotSent("isv.BUSINESS_LIMIT_CONTROL",
        "触发天级流控Permits:10")));
    assertThat(catchThrowableOfType(OutsideSystemException.class, () -> gateway().deliver("ow-notice-45", RECEIVED))
        .retryAfter()).as("until just after midnight in Beijing").isBetween(Duration.ofMinutes(5), Duration.ofHours(24).plusMinutes(5));

    aliyun.stubFor(post(urlEqualTo("/")).willReturn(OutsideSystemStubs.aliyunError(400, "Throttling.User",
        "Request was denied due to user flow control.")));
    assertThat(catchThrowableOfType(OutsideSystemException.class, () -> gateway().deliver("ow-notice-45", RECEIVED))
        .kind()).isEqualTo(OutsideSystemException.Kind.THROTTLED);
  }

  @Test
  void aBadNumber_anUnknownTemplate_orAWrongKey_isRefused_withWhatToDo() {
    aliyun.stubFor(post(urlEqualTo("/")).willReturn(OutsideSystemStubs.aliyunNotSent("isv.MOBILE_NUMBER_ILLEGAL",
        "非法手机号")));
    OutsideSystemException badNumber = catchThrowableOfType(OutsideSystemException.class,
        () -> gateway().deliver("ow-notice-46", RECEIVED));
    assertThat(badNumber.kind()).isEqualTo(OutsideSystemException.Kind.REFUSED);
    assertThat(badNumber).hasMessageContaining("isv.MOBILE_NUMBER_ILLEGAL").hasMessageContaining("手机号码不正确");

    aliyun.stubFor(post(urlEqualTo("/")).willReturn(OutsideSystemStubs.aliyunNotSent("isv.SMS_TEMPLATE_ILLEGAL",
        "模板不合法(不存在或被拉黑)")));
    assertThat(catchThrowableOfType(OutsideSystemException.class, () -> gateway().deliver("ow-notice-47", RECEIVED)))
        .hasMessageContaining("短信模板").extracting(OutsideSystemException::kind).isEqualTo(OutsideSystemException.Kind.REFUSED);

    aliyun.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Signature="))
        .willReturn(OutsideSystemStubs.aliyunError(400, "SignatureDoesNotMatch", "Specified signature is not matched.")));
    assertThat(catchThrowableOfType(OutsideSystemException.class, () -> gateway().deliver("ow-notice-48", RECEIVED)))
        .hasMessageContaining("AccessKey").extracting(OutsideSystemException::kind).isEqualTo(OutsideSystemException.Kind.REFUSED);
  }

  @Test
  void aNoticeTypeWithoutTemplate_refusesTheStart_namingTheProperty() {
    AliyunSmsGateway.Settings complete = settings("http://localhost:1", Duration.ofSeconds(1));
    Map<NoticeType, String> templates = new EnumMap<>(complete.templates());
    templates.remove(NoticeType.WATER_ON);
    AliyunSmsGateway.Settings incomplete = new AliyunSmsGateway.Settings(complete.endpoint(), complete.accessKeyId(), "",
        complete.regionId(), complete.signName(), templates, complete.connectTimeout(), complete.readTimeout());

    assertThatThrownBy(() -> new AliyunSmsGateway(incomplete))
        .hasMessageContaining("obtaining-water.adapters.aliyun-sms.templates.WATER_ON")
        .hasMessageContaining("obtaining-water.adapters.aliyun-sms.access-key-secret");
  }

  @Test
  void theSettings_comeFromTheEnvironment_templatesByNoticeType() {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("OW_ALIYUN_SMS_ACCESS_KEY_ID", "LTAI-from-env");
    variables.put("OW_ALIYUN_SMS_ACCESS_KEY_SECRET", "secret-from-env");
    variables.put("OW_ALIYUN_SMS_SIGN_NAME", "某某供水");
    for (NoticeType type : NoticeType.values()) {
      if (type.toCustomer()) {
        variables.put("OBTAININGWATER_ADAPTERS_ALIYUNSMS_TEMPLATES_" + type.name(), "SMS_9" + type.ordinal());
      }
    }
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
        new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
    environment.getPropertySources().addLast(new MapPropertySource("application.yaml", Map.of(
        "obtaining-water.adapters.aliyun-sms.access-key-id", "${OW_ALIYUN_SMS_ACCESS_KEY_ID:}",
        "obtaining-water.adapters.aliyun-sms.access-key-secret", "${OW_ALIYUN_SMS_ACCESS_KEY_SECRET:}",
        "obtaining-water.adapters.aliyun-sms.sign-name", "${OW_ALIYUN_SMS_SIGN_NAME:}")));
    ConfigurationPropertySources.attach(environment);

    AliyunSmsGateway gateway = new AliyunSmsGateway(environment);

    assertThat(gateway.hasTemplate(NoticeType.WATER_ON)).isTrue();
    assertThat(gateway.hasTemplate(NoticeType.APPLICATION_RECEIVED)).isTrue();
    assertThat(gateway.hasTemplate(NoticeType.SUPERVISOR_OVERDUE)).isFalse();
  }

  static Map<String, String> form(String body) {
    return Arrays.stream(body.split("&")).map(pair -> pair.split("=", 2)).collect(Collectors.toMap(
        pair -> URLDecoder.decode(pair[0], StandardCharsets.UTF_8),
        pair -> URLDecoder.decode(pair[1], StandardCharsets.UTF_8)));
  }
}
