package org.obtainingwater.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.obtainingwater.staff.StaffGroup;
import org.obtainingwater.support.AppOnH2;
import org.obtainingwater.support.DefaultEngine;
import org.obtainingwater.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Verified staff logins are remembered for the cache time and no longer (docs/adr/0030): against the context's
 * real identity service, with the cache's clock in the test's hand. A password change, a locked user and a new
 * group membership take effect once the cache time has passed; a wrong password is never remembered.
 */
@AppOnH2
class StaffLoginsTests {

  static final String USER = "cacheprobe";
  static final Duration TTL = Duration.ofSeconds(30);

  @Autowired
  ProcessEngine engine;
  @LocalServerPort
  int port;

  final AtomicLong nanos = new AtomicLong();
  StaffLogins logins;
  IdentityService identity;

  @BeforeEach
  void user() {
    DefaultEngine.use(engine);
    identity = engine.getIdentityService();
    User user = identity.newUser(USER);
    user.setFirstName("缓存");
    user.setLastName("测试");
    user.setPassword("first-password");
    identity.saveUser(user);
    identity.createMembership(USER, StaffGroup.INTAKE.id());
    logins = new StaffLogins(TTL, nanos::get);
  }

  @AfterEach
  void removeUser() {
    identity.deleteUser(USER);
  }

  void passTime(Duration duration) {
    nanos.addAndGet(duration.toNanos());
  }

  @Test
  void passwordChange_takesEffectWhenTheCacheTimeHasPassed() {
    assertThat(logins.verify(engine, USER, "first-password")).isTrue();
    User user = identity.createUserQuery().userId(USER).singleResult();
    user.setPassword("second-password");
    identity.saveUser(user);

    passTime(TTL.minusSeconds(1));
    assertThat(logins.verify(engine, USER, "first-password")).as("still remembered").isTrue();
    assertThat(logins.verify(engine, USER, "second-password")).as("the new one is checked by the engine").isTrue();
    passTime(Duration.ofSeconds(2));
    assertThat(logins.verify(engine, USER, "first-password")).as("forgotten after the cache time").isFalse();
    assertThat(logins.verify(engine, USER, "second-password")).isTrue();
  }

  @Test
  void expiredEntries_areDropped_whenTheCacheGrowsPastItsSweepSize() {
    for (int i = 0; i <= StaffLogins.SWEEP_ABOVE; i++) {
      logins.groupsOf(engine, "former-clerk-" + i);
    }
    assertThat(logins.rememberedEntries()).isEqualTo(StaffLogins.SWEEP_ABOVE + 1);
    passTime(TTL.plusSeconds(1));

    logins.groupsOf(engine, USER);

    assertThat(logins.rememberedEntries()).as("only the fresh entry stays").isEqualTo(1);
  }

  @Test
  void lockedUser_isRefusedWhenTheCacheTimeHasPassed() {
    assertThat(logins.verify(engine, USER, "first-password")).isTrue();
    for (int attempt = 0; attempt < 12; attempt++) {
      assertThat(logins.verify(engine, USER, "guessed-" + attempt)).as("a wrong password is never remembered").isFalse();
    }
    assertThat(identity.checkPassword(USER, "first-password")).as("the engine has locked the user").isFalse();
    assertThat(logins.verify(engine, USER, "first-password")).as("within the cache time").isTrue();

    passTime(TTL.plusSeconds(1));
    assertThat(logins.verify(engine, USER, "first-password")).isFalse();
    identity.unlockUser(USER);
    assertThat(logins.verify(engine, USER, "first-password")).isTrue();
  }

  @Test
  void groupMembership_isReadAgainWhenTheCacheTimeHasPassed() {
    assertThat(logins.groupsOf(engine, USER)).containsExactly(StaffGroup.INTAKE.id());
    identity.createMembership(USER, StaffGroup.SURVEY.id());
    assertThat(logins.groupsOf(engine, USER)).containsExactly(StaffGroup.INTAKE.id());
    passTime(TTL.plusSeconds(1));
    assertThat(logins.groupsOf(engine, USER)).containsExactlyInAnyOrder(StaffGroup.INTAKE.id(), StaffGroup.SURVEY.id());
  }

  @Test
  void engineRest_usesTheCache_andStillRefusesAWrongPassword() {
    Staff rest = Staff.engineRest(port);
    assertThat(rest.as(USER + ":first-password").get("/task").status()).isEqualTo(200);
    User user = identity.createUserQuery().userId(USER).singleResult();
    user.setPassword("second-password");
    identity.saveUser(user);
    assertThat(rest.as(USER + ":second-password").get("/task").status()).isEqualTo(200);
    assertThat(rest.as(USER + ":wrong").get("/task").status()).isEqualTo(401);
  }
}
