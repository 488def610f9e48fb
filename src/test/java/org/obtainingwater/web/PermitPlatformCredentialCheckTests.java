package org.obtainingwater.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.obtainingwater.ObtainingWaterApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.core.NestedExceptionUtils;

/** Outside the demo profile the permit platform's callback token comes from the environment, or nothing starts. */
class PermitPlatformCredentialCheckTests {

  @Test
  void withoutTheDemoProfile_theApplicationRefusesToStartWithoutACallbackToken() {
    SpringApplicationBuilder production = new SpringApplicationBuilder(ObtainingWaterApplication.class)
        .web(WebApplicationType.NONE)
        .profiles("test");

    // As the environment would set them (command-line arguments outrank application.yaml).
    assertThatThrownBy(() -> production.run("--camunda.bpm.admin-user.password=from-the-environment",
        "--obtaining-water.permit-platform.callback-token=", "--obtaining-water.payment-gateway.notification-token=a-payment-gateway-token-from-the-environment",
        "--obtaining-water.adapters.allow-recording=true"))
        .satisfies(failure -> assertThat(NestedExceptionUtils.getMostSpecificCause(failure))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("OW_PERMIT_CALLBACK_TOKEN"));
  }

  @Test
  void aShortTokenIsRefused_aLongOneAccepted() {
    assertThatThrownBy(() -> new PermitPlatformCredentialCheck("short")).hasMessageContaining("at least 32");
    assertThat(new PermitPlatformCredentialCheck("x".repeat(PermitPlatformCredentialCheck.MIN_LENGTH))).isNotNull();
  }

  @Test
  void onlyTheExactBearerTokenIsAccepted() {
    PermitPlatformCredential credential = new PermitPlatformCredential("the-token");
    assertThat(credential.accepts("Bearer the-token")).isTrue();
    assertThat(credential.accepts("bearer the-token")).isTrue();
    assertThat(credential.accepts("Bearer the-token2")).isFalse();
    assertThat(credential.accepts("Basic the-token")).isFalse();
    assertThat(credential.accepts(null)).isFalse();
    assertThat(new PermitPlatformCredential("").accepts("Bearer ")).isFalse();
  }
}
