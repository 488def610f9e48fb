package org.obtainingwater.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.StandardEnvironment;

/** Phone and ID numbers never reach the log in full, whoever logs them. */
@ExtendWith(OutputCaptureExtension.class)
class PersonalDataMaskingTests {

  @Test
  void phoneAndIdNumbers_areMasked_otherNumbersAreNot() {
    assertThat(PersonalDataMasking.mask("联系电话 13812345678，备用 0731-22881234"))
        .isEqualTo("联系电话 138****5678，备用 0731-****1234");
    assertThat(PersonalDataMasking.mask("身份证 43020319900101123X 已核验")).isEqualTo("身份证 430203********123X 已核验");
    assertThat(PersonalDataMasking.mask("GW-2026-000123 pipe 180 m, job 12345678901234567890"))
        .isEqualTo("GW-2026-000123 pipe 180 m, job 12345678901234567890");
  }

  @Test
  void theApplicationsLogConfiguration_masksWhatAnyLoggerWrites(CapturedOutput output) {
    LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
    logging.beforeInitialize();
    logging.initialize(new LoggingInitializationContext(new StandardEnvironment()), "classpath:logback-spring.xml", null);

    LoggerFactory.getLogger("some.library").warn("Could not deliver to {} for ID {}", "13812345678", "430203199001011234");

    assertThat(output.getOut()).contains("138****5678", "430203********1234").doesNotContain("13812345678");
  }
}
