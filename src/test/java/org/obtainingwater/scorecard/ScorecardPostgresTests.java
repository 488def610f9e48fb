package org.obtainingwater.scorecard;

import org.obtainingwater.support.AppOnPostgres;


/** The scorecard on a real PostgreSQL, with the postgres profile's settings. */
@AppOnPostgres
class ScorecardPostgresTests extends ScorecardContract {
}
