package org.civicloop.jury.selection;

import org.civicloop.jury.selection.model.Panel;

/** One panel of a distribution with its probability. */
public record WeightedPanel(Panel panel, double probability) {
}
