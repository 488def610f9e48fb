package org.obtainingwater.support;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.net.URLEncoder;

/**
 * Staff and the utility's systems calling the application with HTTP Basic, as Tasklist and REST clients
 * do: {@code Staff.engineRest(port).as("lina").get("/task")}, {@code Staff.app(port).as("wulei").get("/api/scorecard")}.
 * A login is a demo user (password {@value #DEMO_PASSWORD}) or {@code user:password}. Every call sends
 * {@code Content-Type: application/json}; more headers with {@link Call#header}.
 */
public final class Staff {

  public static final String DEMO_PASSWORD = "demo";

  private final Http http;
  private final String base;

  private Staff(Http http, String base) {
    this.http = http;
    this.base = base;
  }

  /** Paths below {@code /engine-rest}. */
  public static Staff engineRest(int port) {
    return engineRest(Http.to(port));
  }

  public static Staff engineRest(Http http) {
    return new Staff(http, "/engine-rest");
  }

  /** The application's own paths ({@code /api/scorecard}, {@code /engine-rest/...}). */
  public static Staff app(int port) {
    return app(Http.to(port));
  }

  public static Staff app(Http http) {
    return new Staff(http, "");
  }

  /** The engine's REST API as Tasklist calls it ({@code /camunda/api/engine/engine/default/...}), with {@link #session}. */
  public static Staff tasklist(int port) {
    return new Staff(Http.to(port), "/camunda/api/engine/engine/default");
  }

  /**
   * Calls as Tasklist makes them after this login: the session cookie and the CSRF token Camunda's webapps
   * ask of every change ({@code X-XSRF-TOKEN} echoing the {@code XSRF-TOKEN} cookie).
   */
  public Call session(String login) {
    String user = login.contains(":") ? login.substring(0, login.indexOf(':')) : login;
    String password = login.contains(":") ? login.substring(login.indexOf(':') + 1) : DEMO_PASSWORD;
    Answer page = http.send("GET", "/camunda/app/tasklist/default/", null);
    Map<String, String> cookies = cookies(page, new LinkedHashMap<>());
    Answer login_ = http.send("POST", "/camunda/api/admin/auth/user/default/login/tasklist",
        "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
            + URLEncoder.encode(password, StandardCharsets.UTF_8),
        "Content-Type", "application/x-www-form-urlencoded", "Cookie", cookieHeader(cookies),
        "X-XSRF-TOKEN", cookies.getOrDefault("XSRF-TOKEN", ""));
    if (login_.status() != 200) {
      throw new IllegalStateException("Tasklist login of " + user + ": " + login_.status() + " " + login_.body());
    }
    cookies(login_, cookies);
    // The login starts a new session; its CSRF token comes with the next read.
    cookies(http.send("GET", base + "/task/count", null, "Cookie", cookieHeader(cookies)), cookies);
    return anonymous().header("Cookie", cookieHeader(cookies)).header("X-XSRF-TOKEN", cookies.get("XSRF-TOKEN"));
  }

  private static Map<String, String> cookies(Answer answer, Map<String, String> cookies) {
    String set = answer.header("set-cookie");
    if (set != null) {
      for (String cookie : set.split(",")) {
        String pair = cookie.split(";")[0].trim();
        int equals = pair.indexOf('=');
        if (equals > 0) {
          cookies.put(pair.substring(0, equals), pair.substring(equals + 1));
        }
      }
    }
    return cookies;
  }

  private static String cookieHeader(Map<String, String> cookies) {
    return cookies.entrySet().stream().map(cookie -> cookie.getKey() + "=" + cookie.getValue())
        .collect(java.util.stream.Collectors.joining("; "));
  }

  /** Calls with this login: a demo user's id, or {@code user:password}. */
  public Call as(String login) {
    return anonymous().header("Authorization", basic(login));
  }

  /** Calls without credentials. */
  public Call anonymous() {
    return new Call(List.of("Content-Type", "application/json"));
  }

  /** The {@code Authorization} header for the login: a demo user's id, or {@code user:password}. */
  public static String basic(String login) {
    String credentials = login.contains(":") ? login : login + ":" + DEMO_PASSWORD;
    return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
  }

  /** Calls with a set of headers; each method answers the response, whatever its status. */
  public final class Call {

    private final List<String> headers;

    private Call(List<String> headers) {
      this.headers = headers;
    }

    /** The same calls with one more header (an {@code Authorization} given here replaces the login's). */
    public Call header(String name, String value) {
      List<String> more = new ArrayList<>();
      for (int i = 0; i < headers.size(); i += 2) {
        if (!headers.get(i).equalsIgnoreCase(name)) {
          more.add(headers.get(i));
          more.add(headers.get(i + 1));
        }
      }
      more.add(name);
      more.add(value);
      return new Call(List.copyOf(more));
    }

    public Answer get(String path) {
      return send("GET", path, null);
    }

    /** POST with a body: a string as it is, anything else as JSON. */
    public Answer post(String path, Object body) {
      return send("POST", path, body);
    }

    public Answer put(String path, Object body) {
      return send("PUT", path, body);
    }

    public Answer delete(String path) {
      return send("DELETE", path, null);
    }

    public Answer send(String method, String path, Object body) {
      return http.send(method, base + path, Http.body(body), headers.toArray(String[]::new));
    }
  }
}
