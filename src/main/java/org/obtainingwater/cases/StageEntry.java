package org.obtainingwater.cases;

import java.time.OffsetDateTime;

/** One stage a case went through; {@code leftAt} is null for the stage it is in now. */
public record StageEntry(Stage stage, OffsetDateTime enteredAt, OffsetDateTime leftAt) {
}
