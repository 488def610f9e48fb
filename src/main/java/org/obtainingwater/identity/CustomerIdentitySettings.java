package org.obtainingwater.identity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code obtaining-water.customers.*}: how long a verification code lives and how many tries it
 * allows, how long a customer's session lasts (docs/adr/0025), and how long a dead code is kept for
 * support's questions ("I never got a code") before housekeeping removes it.
 */
@ConfigurationProperties("obtaining-water.customers")
public record CustomerIdentitySettings(
    @DefaultValue("PT5M") Duration codeLifetime,
    @DefaultValue("5") int codeTries,
    @DefaultValue("PT30M") Duration sessionLifetime,
    @DefaultValue("P30D") Duration codeRetention) {
}
