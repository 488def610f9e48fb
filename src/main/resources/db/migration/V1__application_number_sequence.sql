-- Application numbers (GW-<year>-<sequence>) come from this sequence; see ApplicationNumbers.
CREATE SEQUENCE application_number_seq START WITH 1 INCREMENT BY 1;
