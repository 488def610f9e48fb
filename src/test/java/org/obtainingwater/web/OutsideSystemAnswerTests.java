package org.obtainingwater.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.obtainingwater.process.OutsideSystemException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * A request that waits on the payment gateway (the customer starting a payment, docs/adr/0043) and the gateway
 * failing: 503 with when to try again, in words the customer can act on, never a 500.
 */
class OutsideSystemAnswerTests {

  private final ApiProblems problems = new ApiProblems();

  @Test
  void theGatewayUnavailable_is503_tryAgainInAMinute_orAtTheCounter() {
    ResponseEntity<Object> answer = problems.outsideSystem(OutsideSystemException.unavailable("payment-gateway",
        "支付平台 (payment gateway) 无应答", null));

    assertThat(answer.getStatusCode().value()).isEqualTo(503);
    assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("60");
    assertThat(((ProblemDetail) answer.getBody()).getDetail()).contains("支付平台暂时无法受理", "60 秒后再试", "营业厅");
  }

  @Test
  void theGatewayThrottling_isAnsweredWithItsOwnPause() {
    ResponseEntity<Object> answer = problems.outsideSystem(OutsideSystemException.throttled("payment-gateway",
        "限流", Duration.ofSeconds(120)));

    assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("120");
  }
}
