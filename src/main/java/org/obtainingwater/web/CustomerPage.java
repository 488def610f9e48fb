package org.obtainingwater.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code /} is the customers' page (static/portal/index.html, issue 14). Camunda's own redirect of
 * {@code /} to its webapps stays configured as before; this filter answers {@code /} before it is reached.
 * Staff keep {@code /camunda/app/...} and find it through the page's 员工入口 link.
 */
class CustomerPage extends OncePerRequestFilter {

  static final String PAGE = "/portal/index.html";

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (("/".equals(path) || path.isEmpty()) && "GET".equals(request.getMethod())) {
      request.getRequestDispatcher(PAGE).forward(request, response);
      return;
    }
    chain.doFilter(request, response);
  }
}
