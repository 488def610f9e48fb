package org.obtainingwater.staff;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** Outside the demo profile: the staff groups, their rights and filters, one administrator, no demo users. */
@SpringBootTest(properties = {"camunda.bpm.admin-user.password=from-the-environment",
    "obtaining-water.permit-platform.callback-token=a-platform-token-from-the-environment"})
@ActiveProfiles("test")
class ProductionProfileTests {

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
  void theAdministratorHasThePasswordFromTheEnvironment() {
    assertThat(identity.createUserQuery().count()).isEqualTo(1);
    assertThat(identity.checkPassword("admin", "from-the-environment")).isTrue();
    assertThat(identity.checkPassword("admin", "demo")).isFalse();
  }
}
