package org.obtainingwater.staff;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.obtainingwater.ObtainingWaterApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** Demo users never reach a real database by accident. */
class DemoProfileGuardTests {

  @Test
  void withoutAChosenProfile_aNonH2DatabaseStopsTheStart() {
    SpringApplicationBuilder forgotTheProfile = new SpringApplicationBuilder(ObtainingWaterApplication.class)
        .web(WebApplicationType.NONE);

    assertThatThrownBy(() -> forgotTheProfile.run(
        "--spring.datasource.url=jdbc:postgresql://db.example:5432/obtaining_water?sslmode=require"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("SPRING_PROFILES_ACTIVE")
        .hasMessageContaining("jdbc:postgresql://db.example:5432/obtaining_water")
        .hasMessageNotContaining("sslmode");
  }
}
