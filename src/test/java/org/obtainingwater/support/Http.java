package org.obtainingwater.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Plain HTTP to the application on localhost, as an outside client sends it: raw bodies, chosen
 * headers. The one place the tests build an {@link HttpClient}; {@link ApiClient} and {@link Staff}
 * speak through it. A lost connection is an {@link UncheckedIOException}.
 */
public final class Http {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient client;
  private final int port;
  private final Duration requestTimeout;

  private Http(HttpClient client, int port, Duration requestTimeout) {
    this.client = client;
    this.port = port;
    this.requestTimeout = requestTimeout;
  }

  /** The application on this port, with the JDK client's defaults (no timeouts). */
  public static Http to(int port) {
    return new Http(HttpClient.newHttpClient(), port, null);
  }

  /** Gives up connecting after {@code connect}, waiting for an answer after {@code request}: for a server that may die. */
  public Http withTimeouts(Duration connect, Duration request) {
    return new Http(HttpClient.newBuilder().connectTimeout(connect).build(), port, request);
  }

  /** HTTP/1.1 only, without the JDK client's attempt to upgrade to HTTP/2 (for measurements). */
  public Http http11() {
    return new Http(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(), port, requestTimeout);
  }

  public int port() {
    return port;
  }

  public URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  /** A request to the path, for the rare body a string cannot give (e.g. one without a declared length). */
  public HttpRequest.Builder request(String path) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
    if (requestTimeout != null) {
      request.timeout(requestTimeout);
    }
    return request;
  }

  /** Sends the method to the path with the body (none when null) and the headers, given as name, value, name, value. */
  public Answer send(String method, String path, String body, String... headers) {
    HttpRequest.Builder request = request(path).method(method, body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return send(request.build());
  }

  public Answer send(HttpRequest request) {
    try {
      HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
      Map<String, String> headers = new LinkedHashMap<>();
      response.headers().map().forEach((name, values) -> headers.put(name.toLowerCase(), String.join(",", values)));
      return new Answer(response.statusCode(), headers, response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(request.method() + " " + request.uri(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The object as a JSON body; a string is taken as the body itself. */
  static String body(Object body) {
    if (body == null || body instanceof String) {
      return (String) body;
    }
    try {
      return JSON.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
