package org.obtainingwater.web;

import java.util.Optional;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.obtainingwater.identity.CustomerSessions;
import org.obtainingwater.process.ApplicationRules;
import org.obtainingwater.process.InvalidInputException;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * The guard of a customer's cases (docs/adr/0025): filing, status, listing and withdrawal need either
 * the customer's own session (the cookie {@value #COOKIE} the page holds, or its token as
 * {@code Authorization: Bearer}) or a trusted channel's credential as {@code Authorization: Bearer} plus the
 * customer's phone in {@value #CONTACT_PHONE}. Anything else is refused with 401 before the request's
 * body is read. The phone alone proves nothing any more.
 */
@Component
public class CustomerAccess implements HandlerInterceptor {

  /** The session cookie of the customer page. */
  public static final String COOKIE = "OW_SESSION";
  /** The customer's phone, named by a trusted channel. */
  public static final String CONTACT_PHONE = "X-Contact-Phone";

  private final CustomerSessions sessions;
  private final CustomerChannels channels;

  CustomerAccess(CustomerSessions sessions, CustomerChannels channels) {
    this.sessions = sessions;
    this.channels = channels;
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
    if ("OPTIONS".equals(request.getMethod())) {
      return true;
    }
    request.setAttribute(CustomerPrincipal.ATTRIBUTE, principal(request));
    return true;
  }

  private CustomerPrincipal principal(HttpServletRequest request) {
    String bearer = BearerTokens.from(request.getHeader(HttpHeaders.AUTHORIZATION));
    if (bearer != null) {
      Optional<String> channel = channels.channelOf(bearer);
      if (channel.isPresent()) {
        String phone = request.getHeader(CONTACT_PHONE);
        if (phone == null || phone.isBlank()) {
          throw new InvalidInputException(CONTACT_PHONE, "渠道调用须在请求头 X-Contact-Phone 中提供客户已验证的手机号");
        }
        if (!phone.strip().matches(ApplicationRules.PHONE_PATTERN)) {
          throw new InvalidInputException(CONTACT_PHONE, "X-Contact-Phone 格式不正确：" + ApplicationRules.PHONE_HINT);
        }
        return new CustomerPrincipal(phone.strip(), channel.get());
      }
      return sessions.phoneOf(bearer).map(phone -> new CustomerPrincipal(phone, null))
          .orElseThrow(CustomerUnauthorizedException::new);
    }
    Cookie[] cookies = request.getCookies();
    if (cookies != null) {
      for (Cookie cookie : cookies) {
        if (COOKIE.equals(cookie.getName())) {
          return sessions.phoneOf(cookie.getValue()).map(phone -> new CustomerPrincipal(phone, null))
              .orElseThrow(CustomerUnauthorizedException::new);
        }
      }
    }
    throw new CustomerUnauthorizedException();
  }
}
