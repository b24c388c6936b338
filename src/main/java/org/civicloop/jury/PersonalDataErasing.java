package org.civicloop.jury;

import org.civicloop.kernel.Actor;

/**
 * Fired in the retention transaction just before a closed cycle's jury personal data is deleted (volunteers
 * unlinked from their accounts, imported rows gone), so that another capability can first freeze the figures that
 * need it. Observers run in the same transaction: if one fails, nothing is deleted.
 */
public record PersonalDataErasing(Actor actor, long cycleId) {
}
