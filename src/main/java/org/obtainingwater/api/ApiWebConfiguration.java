package org.obtainingwater.api;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The permit platform's credential guards its callback path, and only that. */
@Configuration(proxyBeanMethods = false)
class ApiWebConfiguration implements WebMvcConfigurer {

  private final PermitPlatformCredential platformCredential;

  ApiWebConfiguration(PermitPlatformCredential platformCredential) {
    this.platformCredential = platformCredential;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(platformCredential).addPathPatterns(PermitDecisionsController.PATH + "/**");
  }
}
