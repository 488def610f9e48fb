package org.obtainingwater.adapters;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import org.obtainingwater.payment.PaymentRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * Demo profile only: the local payment adapter's stand-in for the gateway's cashier page (收银台). It shows the order
 * {@link RecordingPaymentGateway} recorded, clearly marked as a simulation, and its button does what the real gateway
 * does after a payment: it posts the notification to {@code POST /api/v1/payment-notifications} with the gateway's
 * credential, over HTTP to this application, so the demo goes through the same door and checks as production.
 * Nothing is collected. Outside the demo profile neither the page nor the door exists (docs/adr/0043).
 */
@RestController
@Profile("demo")
@ConditionalOnProperty(name = "obtaining-water.adapters.payment-gateway", havingValue = "recording", matchIfMissing = true)
class DemoPaymentGateway {

  static final String PATH = "/demo/payment-gateway";
  private static final String REFERENCE = "{reference:[A-Z]{2}-\\d{4}-\\d{6}-\\d{1,3}}";

  private final RecordingPaymentGateway gateway;
  private final Environment environment;
  private final String token;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  DemoPaymentGateway(RecordingPaymentGateway gateway, Environment environment,
      @Value("${obtaining-water.payment-gateway.notification-token:}") String token) {
    this.gateway = gateway;
    this.environment = environment;
    this.token = token;
  }

  @GetMapping(path = PATH + "/" + REFERENCE, produces = MediaType.TEXT_HTML_VALUE + ";charset=UTF-8")
  ResponseEntity<String> page(@PathVariable String reference) {
    PaymentRequest order = gateway.order(reference).orElse(null);
    if (order == null) {
      return ResponseEntity.status(HttpStatus.NOT_FOUND).body(page("没有这个支付单", "<p>本地模拟收银台没有支付单 "
          + HtmlUtils.htmlEscape(reference) + "。</p>"));
    }
    return ResponseEntity.ok(page("本地模拟收银台", """
        <p class="warn">演示环境：这是本地支付适配器的模拟收银台，不会真实扣款。</p>
        <dl><dt>支付单号</dt><dd id="reference">%s</dd><dt>申请编号</dt><dd>%s</dd><dt>金额</dt><dd id="amount">%s 元</dd>
        <dt>事项</dt><dd>%s</dd></dl>
        <form method="post" action="%s/%s/paid"><button type="submit">模拟付款成功</button></form>
        <p><a href="/">返回客户页面</a></p>""".formatted(HtmlUtils.htmlEscape(reference),
        HtmlUtils.htmlEscape(order.applicationNumber()), order.amount().toPlainString(),
        HtmlUtils.htmlEscape(order.description()), PATH, HtmlUtils.htmlEscape(reference))));
  }

  /** The simulated payment: the gateway's notification, sent as the gateway sends it. */
  @PostMapping(path = PATH + "/" + REFERENCE + "/paid", produces = MediaType.TEXT_HTML_VALUE + ";charset=UTF-8")
  ResponseEntity<String> paid(@PathVariable String reference) throws IOException, InterruptedException {
    PaymentRequest order = gateway.order(reference).orElse(null);
    if (order == null) {
      return ResponseEntity.status(HttpStatus.NOT_FOUND).body(page("没有这个支付单", "<p>没有这个支付单。</p>"));
    }
    String body = "{\"paymentReference\":\"%s\",\"amount\":%s,\"transactionId\":\"DEMO-%s\",\"paidAt\":\"%s\"}"
        .formatted(reference, order.amount().toPlainString(), UUID.randomUUID(), java.time.OffsetDateTime.now());
    HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://localhost:"
            + environment.getProperty("local.server.port") + "/api/v1/payment-notifications"))
        .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
        .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    boolean done = answer.statusCode() == 200;
    return ResponseEntity.status(done ? HttpStatus.OK : HttpStatus.BAD_GATEWAY).body(page(done ? "付款成功" : "付款通知未被接受",
        (done ? "<p id=\"result\">模拟付款成功，已通知供水服务系统。</p>"
            : "<p id=\"result\">供水服务系统未接受付款通知（" + answer.statusCode() + "）：" + HtmlUtils.htmlEscape(answer.body())
                + "</p>") + "<p><a href=\"/\">返回客户页面</a></p>"));
  }

  private static String page(String title, String content) {
    return """
        <!doctype html>
        <html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>%s</title>
        <style>body{font:16px/1.5 system-ui,sans-serif;margin:0 auto;max-width:40rem;padding:1rem;color:#1a1a1a}
        .warn{background:#fff3cd;border:1px solid #b58900;padding:.5rem}dt{font-weight:bold}
        button{font-size:16px;padding:.6rem 1rem;min-height:44px}</style></head>
        <body><main><h1>%s</h1>%s</main></body></html>""".formatted(title, title, content);
  }
}
