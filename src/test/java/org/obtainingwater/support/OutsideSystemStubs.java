package org.obtainingwater.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import java.util.UUID;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

/**
 * Answers of the outside systems as they give them, for a WireMock stub standing in for each (the adapters'
 * tests): the permit platform and billing by their contracts in {@code docs/contracts/} (JSON; problem+json for
 * errors; 429 with {@code Retry-After}), Aliyun SMS by its documented {@code SendSms} answers ({@code Code},
 * {@code Message}, {@code RequestId}, {@code BizId}; flow control and refusals as a {@code Code} other than OK).
 */
public final class OutsideSystemStubs {

  /** A stub on a free local port, reset after each test. */
  public static WireMockExtension stub() {
    return WireMockExtension.newInstance().options(WireMockConfiguration.wireMockConfig().dynamicPort()).build();
  }

  /** 201 Created with a JSON body: the contract's first answer to a new idempotency key. */
  public static ResponseDefinitionBuilder created(String json) {
    return aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody(json);
  }

  /** 200 with a JSON body: the contract's answer to a key it has seen (the first answer again, nothing done). */
  public static ResponseDefinitionBuilder repeated(String json) {
    return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(json);
  }

  /** An error answer as problem+json (RFC 9457), with a Chinese detail. */
  public static ResponseDefinitionBuilder problem(int status, String title, String detail) {
    return aResponse().withStatus(status).withHeader("Content-Type", "application/problem+json")
        .withBody("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\""
            + detail + "\"}");
  }

  /** 429 Too Many Requests with {@code Retry-After} in seconds. */
  public static ResponseDefinitionBuilder throttled(int retryAfterSeconds) {
    return problem(429, "Too Many Requests", "请求过于频繁").withHeader("Retry-After", String.valueOf(retryAfterSeconds));
  }

  /** Aliyun SendSms accepted the message. */
  public static ResponseDefinitionBuilder aliyunSent(String bizId) {
    return aResponse().withStatus(200).withHeader("Content-Type", "application/json;charset=utf-8")
        .withBody("{\"Message\":\"OK\",\"RequestId\":\"" + UUID.randomUUID() + "\",\"Code\":\"OK\",\"BizId\":\""
            + bizId + "\"}");
  }

  /** Aliyun SendSms did not send: a business code, answered with HTTP 200 as Aliyun does for them. */
  public static ResponseDefinitionBuilder aliyunNotSent(String code, String message) {
    return aliyunError(200, code, message);
  }

  /** Aliyun's gateway-level errors (signature, throttling of the API, system errors) come with an HTTP error status. */
  public static ResponseDefinitionBuilder aliyunError(int status, String code, String message) {
    return aResponse().withStatus(status).withHeader("Content-Type", "application/json;charset=utf-8")
        .withBody("{\"Message\":\"" + message + "\",\"RequestId\":\"" + UUID.randomUUID() + "\",\"Code\":\"" + code
            + "\"}");
  }

  private OutsideSystemStubs() {
  }
}
