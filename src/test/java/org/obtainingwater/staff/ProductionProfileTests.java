package org.obtainingwater.staff;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.obtainingwater.support.Answer;
import org.obtainingwater.support.ApiClient;
import org.obtainingwater.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** Outside the demo profile: the staff groups, their rights and filters, one administrator, no demo users. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"camunda.bpm.admin-user.password=from-the-environment",
    "obtaining-water.permit-platform.callback-token=a-platform-token-from-the-environment",
    "obtaining-water.payment-gateway.notification-token=a-payment-gateway-token-from-the-environment",
    "obtaining-water.adapters.allow-recording=true"})
@ActiveProfiles("test")
class ProductionProfileTests {

  @LocalServerPort
  int port;
  @Autowired
  IdentityService identity;
  @Autowired
  FilterService filters;

  @Test
  void noDemoUserExists_butEveryStaffGroupWithItsQueueDoes() {
    for (DemoStaffSetup.DemoUser demo : DemoStaffSetup.USERS) {
      assertThat(identity.createUserQuery().userId(demo.id()).count()).as(demo.id()).isZero();
    }
    for (StaffGroup group : StaffGroup.values()) {
      assertThat(identity.createGroupQuery().groupId(group.id()).count()).as(group.id()).isEqualTo(1);
      assertThat(filters.createFilterQuery().filterName(group.filterName()).count()).as(group.filterName()).isEqualTo(1);
    }
  }

  @Test
  void theDemoSmsInbox_doesNotExist_evenForTheAdministrator() {
    for (String path : new String[] {"/demo/sms-inbox?phone=13812345678", "/demo/sms-inbox/page"}) {
      assertThat(Staff.app(port).as("admin:from-the-environment").get(path).status()).as(path).isEqualTo(404);
    }
  }

  @Test
  void theDemoChannelCredential_opensNothing() {
    Answer answer = new ApiClient(port).mine();
    assertThat(answer.status()).as(answer.body()).isEqualTo(401);
  }

  @Test
  void theAdministratorHasThePasswordFromTheEnvironment() {
    assertThat(identity.createUserQuery().count()).isEqualTo(1);
    assertThat(identity.checkPassword("admin", "from-the-environment")).isTrue();
    assertThat(identity.checkPassword("admin", "demo")).isFalse();
  }
}
