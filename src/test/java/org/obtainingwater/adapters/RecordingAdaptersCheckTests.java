package org.obtainingwater.adapters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.obtainingwater.ObtainingWaterApplication;
import org.obtainingwater.adapters.RecordingAdaptersCheck.RecordingAdaptersRefusedException;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.NestedExceptionUtils;

/**
 * Outside the demo profile the application refuses to start while a port is on its recording stand-in, says which
 * port and which property, and starts when every port has a real adapter or is named in the permission.
 */
class RecordingAdaptersCheckTests {

  final ApplicationContextRunner check = new ApplicationContextRunner().withUserConfiguration(RecordingAdaptersCheck.class);

  @Test
  void withoutTheDemoProfile_theApplicationRefusesToStart_namingEveryRecordingPort_andWhatToSet() {
    SpringApplicationBuilder production = new SpringApplicationBuilder(ObtainingWaterApplication.class)
        .web(WebApplicationType.NONE)
        .profiles("test");

    // Everything else a production start needs is there, as the environment would set it.
    assertThatThrownBy(() -> production.run("--camunda.bpm.admin-user.password=from-the-environment",
        "--obtaining-water.permit-platform.callback-token=a-platform-token-from-the-environment",
        "--obtaining-water.payment-gateway.notification-token=a-payment-gateway-token-from-the-environment"))
        .satisfies(failure -> {
          Throwable cause = NestedExceptionUtils.getMostSpecificCause(failure);
          assertThat(cause).isInstanceOf(RecordingAdaptersRefusedException.class)
              .hasMessageContaining("obtaining-water.adapters.sms-gateway")
              .hasMessageContaining("obtaining-water.adapters.permit-authority")
              .hasMessageContaining("obtaining-water.adapters.billing")
              .hasMessageContaining("obtaining-water.adapters.supervisor-notifier")
              .hasMessageContaining("obtaining-water.adapters.payment-gateway")
              .hasMessageContaining("obtaining-water.adapters.allow-recording");
          FailureAnalysis analysis = new RecordingAdaptersFailureAnalyzer().analyze(failure);
          assertThat(analysis.getDescription()).contains("obtaining-water.adapters.sms-gateway=recording",
              "real adapter: aliyun", "obtaining-water.adapters.billing=recording  (real adapter: http)",
              "obtaining-water.adapters.payment-gateway=recording  (real adapter: http)");
          assertThat(analysis.getAction()).contains("obtaining-water.adapters.allow-recording", "OW_ALLOW_RECORDING");
        });
  }

  @Test
  void aPortNamedInThePermission_mayStayOnRecording_theOthersMayNot() {
    check.withPropertyValues("obtaining-water.adapters.sms-gateway=aliyun",
            "obtaining-water.adapters.permit-authority=http", "obtaining-water.adapters.payment-gateway=http",
            "obtaining-water.adapters.allow-recording=supervisor-notifier")
        .run(context -> assertThat(context).getFailure().isInstanceOf(RecordingAdaptersRefusedException.class)
            .hasMessageContaining("obtaining-water.adapters.billing")
            .hasMessageNotContaining("obtaining-water.adapters.supervisor-notifier,")
            .hasMessageNotContaining("sms-gateway"));

    check.withPropertyValues("obtaining-water.adapters.sms-gateway=aliyun",
            "obtaining-water.adapters.permit-authority=http", "obtaining-water.adapters.billing=http",
            "obtaining-water.adapters.payment-gateway=http", "obtaining-water.adapters.allow-recording=supervisor-notifier")
        .run(context -> assertThat(context).hasNotFailed());
  }

  @Test
  void trueAllowsEveryPort_forATestOrTrainingSystem() {
    check.withPropertyValues("obtaining-water.adapters.allow-recording=true")
        .run(context -> assertThat(context).hasNotFailed());
  }

  @Test
  void inTheDemoProfile_recordingIsTheDefault_andNothingIsRefused() {
    check.withInitializer(context -> context.getEnvironment().setActiveProfiles("demo"))
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(RecordingAdaptersCheck.class));
  }
}
