package org.obtainingwater.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.obtainingwater.ObtainingWaterApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.core.NestedExceptionUtils;

/** Outside the demo profile no administrator is created with a committed or empty password. */
class AdministratorPasswordCheckTests {

  @Test
  void withoutTheDemoProfile_theApplicationRefusesToStartWithoutAnAdministratorPassword() {
    SpringApplicationBuilder production = new SpringApplicationBuilder(ObtainingWaterApplication.class)
        .web(WebApplicationType.NONE)
        .profiles("test")
        .properties("camunda.bpm.admin-user.password=");

    // The platform and gateway tokens are there, so only the missing administrator password can stop the start.
    assertThatThrownBy(() -> production.run("--obtaining-water.permit-platform.callback-token=a-platform-token-from-the-environment",
        "--obtaining-water.payment-gateway.notification-token=a-payment-gateway-token-from-the-environment",
        "--obtaining-water.adapters.allow-recording=true"))
        .satisfies(failure -> assertThat(NestedExceptionUtils.getMostSpecificCause(failure))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("OW_ADMIN_PASSWORD"));
  }

  @Test
  void anAdministratorPasswordFromTheEnvironment_isAccepted() {
    assertThat(new AdministratorPasswordCheck("s3cret-from-vault")).isNotNull();
  }
}
