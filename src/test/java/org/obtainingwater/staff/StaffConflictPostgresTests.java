package org.obtainingwater.staff;

import org.obtainingwater.support.AppOnPostgres;
import org.obtainingwater.support.WithJobExecutor;


/** The same races on PostgreSQL, whose locking and isolation differ from H2's. */
@AppOnPostgres
@WithJobExecutor
class StaffConflictPostgresTests extends StaffConflictTests {
}
