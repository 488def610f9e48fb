package org.obtainingwater.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The outermost filter: a request that fails because the database is out of reach, wherever it
 * fails (engine-rest's authentication, the webapps' session filters, Tasklist's API), is answered
 * 503 with Retry-After instead of Spring Boot's 500 error page. The customer API answers the same
 * itself (ApiProblems), as problem+json.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseOutageFilter {

  private static final Logger LOG = LoggerFactory.getLogger(DatabaseOutageFilter.class);

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> databaseOutageAnswer() {
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
      @Override
      protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws ServletException, IOException {
        try {
          chain.doFilter(request, response);
        } catch (ServletException | RuntimeException e) {
          if (!DatabaseOutage.causedBy(e) || response.isCommitted()) {
            throw e;
          }
          LOG.warn("Answering 503 to {} {}: the database is out of reach ({})", request.getMethod(),
              request.getRequestURI(), e.toString());
          response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
          response.setHeader("Retry-After", String.valueOf(DatabaseOutage.RETRY_AFTER_SECONDS));
          response.setContentType("application/json");
          response.setCharacterEncoding(StandardCharsets.UTF_8.name());
          response.getWriter().write("{\"type\":\"DatabaseUnavailable\",\"message\":\"" + DatabaseOutage.NOTHING_DONE + "\"}");
        }
      }
    });
    registration.setName("database-outage-answer");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }
}
