package org.civicloop.measure;

import java.math.BigDecimal;

/**
 * What an officer writes for an indicator: its type, unit, source and frequency, how it could be gamed and the
 * counter-indicator that would show the gaming; baseline and target figures are optional (they draw the chart's
 * reference lines).
 */
public record IndicatorDraft(String name, IndicatorKind kind, String unit, String source, Frequency frequency,
                             String gamingRisk, String counterIndicator, BigDecimal baseline, BigDecimal target) {
}
