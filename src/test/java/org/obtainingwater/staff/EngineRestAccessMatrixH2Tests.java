package org.obtainingwater.staff;

import org.obtainingwater.support.AppOnH2;

/** {@link EngineRestAccessMatrixContract} on the embedded H2 database. */
@AppOnH2
class EngineRestAccessMatrixH2Tests extends EngineRestAccessMatrixContract {
}
