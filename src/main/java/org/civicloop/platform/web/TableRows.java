package org.civicloop.platform.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PhaseId;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * #{tableRows}: the rows of a back-office list table (WEB-INF/tags/table.xhtml), one list per table for the whole of
 * a request phase. PrimeFaces sorts and filters the list it is given in place and then reads the table's rows again;
 * the beans' getters answer a fresh (often unmodifiable) list at each call, so without this a sort would be lost
 * between the two reads. A new phase reads afresh: after an action the table shows what the action changed.
 */
@Named
@RequestScoped
public class TableRows {

    private final Map<String, Object> kept = new HashMap<>();

    public Object of(String table, Object rows) {
        if (!(rows instanceof Collection<?> list)) {
            return rows;
        }
        PhaseId phase = FacesContext.getCurrentInstance().getCurrentPhaseId();
        return kept.computeIfAbsent(phase + "|" + table, k -> new ArrayList<>(list));
    }
}
