package org.obtainingwater.web;


/**
 * The application's HTTP doors, who may use each, and the name each credential has in the OpenAPI
 * document. The guards themselves are set up in {@link AccessGuards} (docs/adr/0009, docs/api.md).
 */
public final class Doors {

  /** Customers' cases: filing, listing, status, withdrawal; a session or a channel credential ({@link CustomerAccess}). */
  public static final String APPLICATIONS = "/api/v1/applications";

  /** Anyone: a one-time code by SMS to a phone (docs/adr/0025), within the abuse limits. */
  public static final String VERIFICATION_CODES = "/api/v1/verification-codes";

  /** Anyone with a phone's current code: a customer session (cookie and bearer token). */
  public static final String SESSIONS = "/api/v1/sessions";

  /** Demo profile only: what the recording SMS adapter sent; administrators, HTTP Basic. */
  public static final String DEMO_SMS_INBOX = "/demo/sms-inbox";

  /** OpenAPI security scheme of a customer's session token (bearer) or cookie. */
  public static final String CUSTOMER_SESSION = "customerSession";

  /** OpenAPI security scheme of the session cookie the customer page holds. */
  public static final String CUSTOMER_COOKIE = "customerSessionCookie";

  /** OpenAPI security scheme of a trusted channel's credential (with X-Contact-Phone). */
  public static final String CHANNEL_TOKEN = "channelToken";

  /** The city's permit platform reporting decisions; its bearer token only ({@link PermitPlatformCredential}). */
  public static final String PERMIT_DECISIONS = "/api/v1/permit-decisions";

  /** The payment gateway reporting payments (docs/adr/0043); its bearer token only ({@link PaymentGatewayCredential}). */
  public static final String PAYMENT_NOTIFICATIONS = "/api/v1/payment-notifications";

  /** Staff's side of the quotes: read any, record an acceptance at the counter ({@link StaffGroupAccess}). */
  public static final String STAFF_QUOTES = "/api/v1/staff/quotes";

  /** Staff's side of the supply contracts: read any, record a counter signature ({@link StaffGroupAccess}). */
  public static final String STAFF_CONTRACTS = "/api/v1/staff/contracts";

  /** Staff rescheduling a customer's visit (docs/adr/0042) ({@link StaffGroupAccess}). */
  public static final String STAFF_VISITS = "/api/v1/staff/visits";

  /** The scorecard's JSON; supervisors and administrators, HTTP Basic ({@link StaffGroupAccess}). */
  public static final String SCORECARD_API = "/api/scorecard";

  /** The scorecard's page; the same guard as its JSON. */
  public static final String SCORECARD_PAGE = "/scorecard/";

  /** Camunda's REST API; every staff login, with that user's authorizations. */
  public static final String ENGINE_REST = "/engine-rest";
  /** The engine's REST API as the webapps (Tasklist, Cockpit) call it, with their session login. */
  public static final String WEBAPP_ENGINE_API = "/camunda/api/engine";

  /** Boot's actuator: health public, metrics and the rest for administrators ({@link ActuatorAccess}). */
  public static final String ACTUATOR = "/actuator";

  /** Health and its probes ({@code /liveness}, {@code /readiness}): public, statuses only. */
  public static final String ACTUATOR_HEALTH = ACTUATOR + "/health";

  /** OpenAPI security scheme of the permit platform's bearer token. */
  public static final String PLATFORM_TOKEN = "permitPlatformToken";

  /** OpenAPI security scheme of the payment gateway's bearer token. */
  public static final String PAYMENT_TOKEN = "paymentGatewayToken";

  /** OpenAPI security scheme of staff logins (HTTP Basic, the same users as Tasklist). */
  public static final String STAFF_BASIC = "staffBasic";

  private Doors() {
  }
}
