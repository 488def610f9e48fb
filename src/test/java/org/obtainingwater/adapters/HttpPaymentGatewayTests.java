package org.obtainingwater.adapters;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.obtainingwater.payment.PaymentRequest;
import org.obtainingwater.process.OutsideSystemException;
import org.obtainingwater.support.OutsideSystemStubs;

/**
 * The payment gateway's HTTP adapter against a stub answering as docs/contracts/payment-gateway.yaml says: the order
 * sent with the bearer token and the payment reference as idempotency key, the cashier's address answered; a
 * failure is the customer's to try again (docs/adr/0043), an answer without an address too.
 */
class HttpPaymentGatewayTests {

  @RegisterExtension
  static WireMockExtension stub = OutsideSystemStubs.stub();

  static final PaymentRequest ORDER = new PaymentRequest("ZF-2026-000123-1", "GW-2026-000123",
      new BigDecimal("86000.00"), "用水报装 GW-2026-000123 接水工程费用");

  HttpPaymentGateway gateway() {
    return new HttpPaymentGateway(new HttpJsonSystem.Settings(stub.baseUrl(), "a-token-from-the-environment",
        Duration.ofSeconds(2), Duration.ofSeconds(2)));
  }

  @Test
  void theOrderIsSentAsTheContractSays_andTheCashiersAddressIsWhereTheCustomerPays() {
    stub.stubFor(post(urlEqualTo("/orders"))
        .willReturn(OutsideSystemStubs.created("{\"payUrl\":\"https://pay.example-water.cn/cashier/ZF-2026-000123-1\"}")));

    assertThat(gateway().createOrder(ORDER)).isEqualTo("https://pay.example-water.cn/cashier/ZF-2026-000123-1");
    stub.verify(postRequestedFor(urlEqualTo("/orders"))
        .withHeader("Authorization", equalTo("Bearer a-token-from-the-environment"))
        .withHeader("Idempotency-Key", equalTo("ZF-2026-000123-1"))
        .withRequestBody(equalToJson("{\"paymentReference\":\"ZF-2026-000123-1\",\"applicationNumber\":\"GW-2026-000123\","
            + "\"amount\":86000.00,\"description\":\"用水报装 GW-2026-000123 接水工程费用\"}")));
  }

  @Test
  void anOrderMadeBefore_isAnsweredWithTheSameCashier() {
    stub.stubFor(post(urlEqualTo("/orders"))
        .willReturn(OutsideSystemStubs.repeated("{\"payUrl\":\"https://pay.example-water.cn/cashier/ZF-2026-000123-1\"}")));

    assertThat(gateway().createOrder(ORDER)).endsWith("/cashier/ZF-2026-000123-1");
  }

  @Test
  void aFailingGateway_orAnAnswerWithoutAddress_isUnavailable_forTheCustomerToTryAgain() {
    stub.stubFor(post(urlEqualTo("/orders")).willReturn(OutsideSystemStubs.problem(503, "Unavailable", "维护中")));
    assertThatThrownBy(() -> gateway().createOrder(ORDER)).isInstanceOf(OutsideSystemException.class);

    stub.stubFor(post(urlEqualTo("/orders")).willReturn(OutsideSystemStubs.created("{}")));
    assertThatThrownBy(() -> gateway().createOrder(ORDER)).isInstanceOf(OutsideSystemException.class)
        .hasMessageContaining("payUrl");
  }
}
