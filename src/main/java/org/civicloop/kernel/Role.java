package org.civicloop.kernel;

/** The roles of the brief. A juror is a resident drawn for a particular cycle's jury (see the jury capability). */
public enum Role {
    RESIDENT, JUROR, FACILITATOR, OFFICER, ADMIN;

    public static final String[] ALL = {"RESIDENT", "JUROR", "FACILITATOR", "OFFICER", "ADMIN"};
}
