package org.obtainingwater.scorecard;

import org.obtainingwater.support.AppOnH2;


/** The scorecard on the embedded default database, H2. */
@AppOnH2
class ScorecardH2Tests extends ScorecardContract {
}
