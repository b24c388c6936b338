package org.civicloop.measure;

/** One commitment as the provider states it in its account, with what it says it delivered. */
public record PromiseDraft(ValueDimension dimension, String promise, String delivered) {
}
