package org.obtainingwater.contract;

import org.obtainingwater.support.AppOnPostgres;

/** The supply contract on PostgreSQL, the production database. */
@AppOnPostgres
class SupplyContractPostgresTests extends SupplyContractContract {
}
