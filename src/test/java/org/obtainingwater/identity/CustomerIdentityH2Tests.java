package org.obtainingwater.identity;

import org.obtainingwater.support.AppOnH2;

/** The verified phone, sessions, channels and limits on the embedded default database, H2. */
@AppOnH2
class CustomerIdentityH2Tests extends CustomerIdentityContract {
}
