package org.obtainingwater.identity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code obtaining-water.customers.*}: how long a verification code lives and how many tries it
 * allows, and how long a customer's session lasts (docs/adr/0025).
 */
@ConfigurationProperties("obtaining-water.customers")
public record CustomerIdentitySettings(
    @DefaultValue("PT5M") Duration codeLifetime,
    @DefaultValue("5") int codeTries,
    @DefaultValue("PT30M") Duration sessionLifetime) {
}
