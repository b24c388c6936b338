package org.civicloop.measure;

/** Where the delivery of a funded option stands. */
public enum ProgressStatus {
    NOT_STARTED, ON_TRACK, DELAYED, AT_RISK, COMPLETED
}
