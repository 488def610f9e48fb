package org.obtainingwater.api;

import io.swagger.v3.oas.annotations.media.Schema;

/** The customer's "ready" (条件已具备): nothing to say but that; an empty JSON object, so the request is JSON like every write. */
@Schema(description = "条件已具备，请继续办理：空对象 {}", example = "{}")
record ReadinessRequest() {
}
