package org.obtainingwater.staff;

import org.obtainingwater.support.AppOnPostgres;

/** {@link EngineRestAccessMatrixContract} on a real PostgreSQL, with the postgres profile's settings. */
@AppOnPostgres
class EngineRestAccessMatrixPostgresTests extends EngineRestAccessMatrixContract {
}
