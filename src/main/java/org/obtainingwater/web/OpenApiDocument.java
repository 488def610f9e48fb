package org.obtainingwater.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document of the application's own APIs, served at {@code /v3/api-docs} and browsable at
 * {@code /swagger-ui.html} (springdoc, limited to {@code /api/**} in application.yaml). The engine's
 * REST API is Camunda's and documented by Camunda.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiDocument {

  @Bean
  OpenAPI obtainingWaterApi() {
    return new OpenAPI()
        .info(new Info().title("获得用水 obtaining-water API").version("v1")
            .description("""
                客户渠道（App、微信、热线系统、网站）24 小时提交用水报装申请、查询进度、撤回申请；
                城市审批平台回报许可审批结果；支付平台通知付款结果；服务督导查看获得用水考核指标。所有错误都以 application/problem+json（RFC 9457）返回，
                其中 detail 说明原因，errors 列出每个有误的字段。"""))
        .components(new Components().addSecuritySchemes(Doors.PLATFORM_TOKEN, new SecurityScheme()
            .type(SecurityScheme.Type.HTTP).scheme("bearer")
            .description("审批平台的回调凭证（OW_PERMIT_CALLBACK_TOKEN），由供水企业发给审批平台"))
            .addSecuritySchemes(Doors.PAYMENT_TOKEN, new SecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme("bearer")
                .description("支付平台的付款通知凭证（OW_PAYMENT_NOTIFICATION_TOKEN），由供水企业发给支付平台"))
            .addSecuritySchemes(Doors.STAFF_BASIC, new SecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme("basic")
                .description("员工账号（与 Tasklist 相同），须属于 supervisors 或 camunda-admin 组"))
            .addSecuritySchemes(Doors.CUSTOMER_SESSION, new SecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme("bearer")
                .description("客户会话：POST /api/v1/sessions 返回的 token，有效期默认 30 分钟"))
            .addSecuritySchemes(Doors.CUSTOMER_COOKIE, new SecurityScheme()
                .type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.COOKIE).name(CustomerAccess.COOKIE)
                .description("客户页面的会话 Cookie（HttpOnly、SameSite=Strict），由 POST /api/v1/sessions 设置"))
            .addSecuritySchemes(Doors.CHANNEL_TOKEN, new SecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme("bearer")
                .description("受信任渠道（供水企业自己的 App、微信后台）的凭证（OW_CHANNEL_<渠道>_TOKEN），"
                    + "须同时在 X-Contact-Phone 请求头中提供渠道已验证的客户手机号")));
  }
}
