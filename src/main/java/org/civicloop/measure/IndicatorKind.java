package org.civicloop.measure;

/**
 * What an indicator measures, from the work done to how it felt: outputs (things delivered), outcomes (change in
 * residents' lives), perception, trust, distribution (who benefits) and satisfaction.
 */
public enum IndicatorKind {
    OUTPUT, OUTCOME, PERCEPTION, TRUST, DISTRIBUTIONAL, SATISFACTION
}
