package org.obtainingwater.api;

import java.time.Duration;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.obtainingwater.identity.CustomerSessions;
import org.obtainingwater.identity.CustomerSessions.Session;
import org.obtainingwater.identity.RateLimits;
import org.obtainingwater.identity.RateLimits.Limit;
import org.obtainingwater.identity.VerificationCodes;
import org.obtainingwater.web.CustomerAccess;
import org.obtainingwater.web.Doors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A verified phone (docs/adr/0025): a code by SMS, then a session. Both doors are open to anyone and
 * therefore limited per phone and per client address (docs/adr/0026). The code request answers 202
 * whatever the phone, so nobody learns which phones have cases.
 */
@RestController
@Tag(name = "客户登录", description = "手机号 + 短信验证码登录，得到客户会话")
class CustomerIdentityController {

  static final String MOBILE = "^1[3-9][0-9]{9}$";
  static final String MOBILE_MESSAGE = "请填写 11 位手机号（验证码通过短信发送）";

  private final VerificationCodes codes;
  private final CustomerSessions sessions;
  private final RateLimits limits;

  CustomerIdentityController(VerificationCodes codes, CustomerSessions sessions, RateLimits limits) {
    this.codes = codes;
    this.sessions = sessions;
    this.limits = limits;
  }

  @Operation(summary = "获取短信验证码", description = "向手机号发送 6 位验证码，5 分钟内有效，可输错 5 次。"
      + "无论手机号是否有过申请都返回 202。同一手机号每分钟 1 次、每天 20 次，同一网络地址每小时有上限，另有每个手机号每天的短信总量上限。")
  @ApiResponse(responseCode = "202", description = "验证码已安排发送")
  @ApiResponse(responseCode = "400", description = "手机号格式不正确",
      content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "429", description = "获取过于频繁或短信已达当日上限；Retry-After 给出秒数",
      content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
  @PostMapping(path = Doors.VERIFICATION_CODES, consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, Object>> sendCode(@Valid @RequestBody CodeRequest request, HttpServletRequest http) {
    String phone = request.phone().strip();
    limits.take(Limit.CODE_PER_ADDRESS, http.getRemoteAddr());
    limits.take(Limit.CODE_PER_PHONE, phone);
    limits.take(Limit.SMS_PER_PHONE, phone);
    codes.send(phone);
    Duration lifetime = sessions.settings().codeLifetime();
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("message", "验证码已发送，请查看短信",
        "expiresInSeconds", lifetime.toSeconds()));
  }

  @Operation(summary = "用验证码登录", description = "验证码正确时返回 201 和会话：token 用于 Authorization: Bearer，"
      + "同时设置页面使用的 HttpOnly、SameSite=Strict Cookie（HTTPS 下带 Secure）。会话默认 30 分钟有效。")
  @ApiResponse(responseCode = "201", description = "已登录")
  @ApiResponse(responseCode = "400", description = "验证码不正确（说明还可以试几次）或已失效（已使用、输错 5 次或超过 5 分钟），errors 指向 code",
      content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "429", description = "登录尝试过于频繁；Retry-After 给出秒数",
      content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
  @PostMapping(path = Doors.SESSIONS, consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<SessionReceipt> openSession(@Valid @RequestBody SessionRequest request, HttpServletRequest http) {
    String phone = request.phone().strip();
    limits.take(Limit.SESSION_PER_ADDRESS, http.getRemoteAddr());
    limits.take(Limit.SESSION_PER_PHONE, phone);
    codes.use(phone, request.code());
    Session session = sessions.open(phone);
    ResponseCookie cookie = ResponseCookie.from(CustomerAccess.COOKIE, session.token()).httpOnly(true)
        .sameSite("Strict").secure(http.isSecure()).path("/api/").maxAge(sessions.settings().sessionLifetime()).build();
    return ResponseEntity.status(HttpStatus.CREATED).header(HttpHeaders.SET_COOKIE, cookie.toString())
        .body(new SessionReceipt(session.token(), "Bearer", session.phone(), session.expiresAt()));
  }
}
