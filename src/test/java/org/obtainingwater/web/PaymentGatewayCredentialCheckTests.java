package org.obtainingwater.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.obtainingwater.ObtainingWaterApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.core.NestedExceptionUtils;

/**
 * Outside the demo profile the payment gateway's notification token comes from the environment, or nothing starts
 * (docs/adr/0043), as the permit platform's callback token does.
 */
class PaymentGatewayCredentialCheckTests {

  @Test
  void withoutTheDemoProfile_theApplicationRefusesToStartWithoutANotificationToken() {
    SpringApplicationBuilder production = new SpringApplicationBuilder(ObtainingWaterApplication.class)
        .web(WebApplicationType.NONE)
        .profiles("test");

    assertThatThrownBy(() -> production.run("--camunda.bpm.admin-user.password=from-the-environment",
        "--obtaining-water.permit-platform.callback-token=a-platform-token-from-the-environment",
        "--obtaining-water.payment-gateway.notification-token=", "--obtaining-water.adapters.allow-recording=true"))
        .satisfies(failure -> assertThat(NestedExceptionUtils.getMostSpecificCause(failure))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("OW_PAYMENT_NOTIFICATION_TOKEN"));
  }

  @Test
  void aShortTokenIsRefused_aLongOneAccepted() {
    assertThatThrownBy(() -> new PaymentGatewayCredentialCheck("short")).hasMessageContaining("at least 32");
    assertThat(new PaymentGatewayCredentialCheck("x".repeat(BearerTokens.MIN_LENGTH))).isNotNull();
  }
}
