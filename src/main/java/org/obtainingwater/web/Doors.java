package org.obtainingwater.web;

/**
 * The application's HTTP doors, who may use each, and the name each credential has in the OpenAPI
 * document. The guards themselves are set up in {@link AccessGuards} (docs/adr/0009, docs/api.md).
 */
public final class Doors {

  /** Customers' channels: filing, status, withdrawal. */
  public static final String APPLICATIONS = "/api/v1/applications";

  /** The city's permit platform reporting decisions; its bearer token only ({@link PermitPlatformCredential}). */
  public static final String PERMIT_DECISIONS = "/api/v1/permit-decisions";

  /** The scorecard's JSON; supervisors and administrators, HTTP Basic ({@link ScorecardAccess}). */
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

  /** OpenAPI security scheme of staff logins (HTTP Basic, the same users as Tasklist). */
  public static final String STAFF_BASIC = "staffBasic";

  private Doors() {
  }
}
