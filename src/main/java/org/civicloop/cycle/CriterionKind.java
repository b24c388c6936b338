package org.civicloop.cycle;

/**
 * What a success criterion measures. Outputs and satisfaction alone are not public value (Moore): a mandate whose
 * criteria are only those is refused at launch unless the officer records why.
 */
public enum CriterionKind {
    OUTCOME, OUTPUT, SATISFACTION, PERCEPTION, TRUST, DISTRIBUTIONAL;

    public boolean isOutputOrSatisfaction() {
        return this == OUTPUT || this == SATISFACTION;
    }
}
