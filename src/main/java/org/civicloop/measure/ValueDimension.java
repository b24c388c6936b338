package org.civicloop.measure;

/** The three kinds of commitment in a provider's public value account. */
public enum ValueDimension {
    SOCIAL, ECONOMIC, ENVIRONMENTAL
}
