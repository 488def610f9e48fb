package org.obtainingwater.contract;

import org.obtainingwater.support.AppOnH2;

/** The supply contract on the embedded default database, H2. */
@AppOnH2
class SupplyContractH2Tests extends SupplyContractContract {
}
