package org.civicloop.jury.selection;

/** Thrown when no panel meets the quotas; carries the diagnosis. */
public class InfeasibleQuotasException extends RuntimeException {

    private final transient Infeasibility infeasibility;

    public InfeasibleQuotasException(Infeasibility infeasibility) {
        super(infeasibility.message());
        this.infeasibility = infeasibility;
    }

    public Infeasibility infeasibility() {
        return infeasibility;
    }
}
