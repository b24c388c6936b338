package org.civicloop.measure;

/** How often an indicator is read. */
public enum Frequency {
    MONTHLY, QUARTERLY, TWICE_A_YEAR, ANNUAL
}
