package org.obtainingwater.staff;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo profile only: one user per staff group, so a newcomer can log into Tasklist as any role.
 * The password is {@code obtaining-water.demo.password} (default {@code demo}); never used outside
 * the demo profile. Runs after {@link StaffAccessSetup}, which creates the groups.
 */
@Component
@Profile("demo")
@Order(StaffAccessSetup.ORDER + 1)
public class DemoStaffSetup extends AbstractCamundaConfiguration {

  /**
   * A demo member of staff: login, full name as colleagues say it (family name first, no space), and
   * their group. The webapps show "first name + last name", which would print 娜 李; the full name is
   * therefore the first name and the last name stays empty.
   */
  public record DemoUser(String id, String name, StaffGroup group) {
  }

  public static final List<DemoUser> USERS = List.of(
      new DemoUser("lina", "李娜", StaffGroup.INTAKE),
      new DemoUser("wangqiang", "王强", StaffGroup.SURVEY),
      new DemoUser("zhaomin", "赵敏", StaffGroup.DESIGN),
      new DemoUser("chenjie", "陈杰", StaffGroup.PERMITS),
      new DemoUser("liuyang", "刘洋", StaffGroup.CONSTRUCTION),
      new DemoUser("sunhao", "孙浩", StaffGroup.METERING),
      new DemoUser("zhoufang", "周芳", StaffGroup.CUSTOMER_SERVICE),
      new DemoUser("wulei", "吴磊", StaffGroup.SUPERVISORS),
      new DemoUser("zhengli", "郑丽", StaffGroup.ACCOUNTS));

  private final String password;

  DemoStaffSetup(@Value("${obtaining-water.demo.password:demo}") String password) {
    this.password = password;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    StaffAccessSetup.oneNodeAtATime(engine, () -> createUsers(engine.getIdentityService()));
  }

  private void createUsers(IdentityService identity) {
    for (DemoUser demo : USERS) {
      if (identity.createUserQuery().userId(demo.id()).count() == 0) {
        User user = identity.newUser(demo.id());
        user.setFirstName(demo.name());
        user.setLastName("");
        user.setEmail(demo.id() + "@demo.obtainingwater.org");
        user.setPassword(password);
        identity.saveUser(user);
        identity.createMembership(demo.id(), demo.group().id());
      }
    }
  }
}
