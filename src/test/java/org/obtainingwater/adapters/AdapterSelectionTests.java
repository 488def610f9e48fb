package org.obtainingwater.adapters;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.obtainingwater.metering.BillingSystem;
import org.obtainingwater.notification.NoticeType;
import org.obtainingwater.notification.SmsGateway;
import org.obtainingwater.payment.PaymentGateway;
import org.obtainingwater.permits.PermitAuthority;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Each port's property selects its adapter, and Spring can make the real ones from configuration alone. */
class AdapterSelectionTests {

  final ApplicationContextRunner adapters = new ApplicationContextRunner()
      // as in the application: durations in @Value converted the Boot way
      .withInitializer(context -> context.getBeanFactory().setConversionService(
          ApplicationConversionService.getSharedInstance()))
      .withBean(AdapterJournal.class, "", java.time.Duration.ZERO)
      .withUserConfiguration(RecordingSmsGateway.class, RecordingPermitAuthority.class, RecordingBillingSystem.class,
          RecordingPaymentGateway.class, AliyunSmsGateway.class, HttpPermitAuthority.class, HttpBillingSystem.class,
          HttpPaymentGateway.class);

  @Test
  void byDefault_everyPortRecords() {
    adapters.run(context -> {
      assertThat(context.getBean(SmsGateway.class)).isInstanceOf(RecordingSmsGateway.class);
      assertThat(context.getBean(PermitAuthority.class)).isInstanceOf(RecordingPermitAuthority.class);
      assertThat(context.getBean(BillingSystem.class)).isInstanceOf(RecordingBillingSystem.class);
      assertThat(context.getBean(PaymentGateway.class)).isInstanceOf(RecordingPaymentGateway.class);
    });
  }

  @Test
  void theRealAdapters_areMadeFromTheirProperties() {
    String[] templates = java.util.Arrays.stream(NoticeType.values())
        .map(type -> "obtaining-water.adapters.aliyun-sms.templates." + type + "=SMS_" + type.ordinal())
        .toArray(String[]::new);
    adapters.withPropertyValues("obtaining-water.adapters.sms-gateway=aliyun",
            "obtaining-water.adapters.permit-authority=http", "obtaining-water.adapters.billing=http",
            "obtaining-water.adapters.payment-gateway=http",
            "obtaining-water.adapters.http.payment-gateway.url=https://pay.example-water.cn/api/v1",
            "obtaining-water.adapters.http.permit-authority.url=https://permits.example.gov.cn/api/v1",
            "obtaining-water.adapters.http.billing.url=https://billing.example-water.cn/api/v1",
            "obtaining-water.adapters.aliyun-sms.access-key-id=id", "obtaining-water.adapters.aliyun-sms.access-key-secret=s",
            "obtaining-water.adapters.aliyun-sms.sign-name=某某供水")
        .withPropertyValues(templates)
        .run(context -> {
          assertThat(context).hasNotFailed();
          assertThat(context.getBean(SmsGateway.class)).isInstanceOf(AliyunSmsGateway.class);
          assertThat(context.getBean(PermitAuthority.class)).isInstanceOf(HttpPermitAuthority.class);
          assertThat(context.getBean(BillingSystem.class)).isInstanceOf(HttpBillingSystem.class);
          assertThat(context.getBean(PaymentGateway.class)).isInstanceOf(HttpPaymentGateway.class);
        });
  }
}
