package org.civicloop.platform.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PhaseId;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.primefaces.component.datatable.DataTable;

/**
 * #{tableRows}: the rows of a back-office list table (WEB-INF/tags/table.xhtml), held as one list per table while a
 * request is read and acted on, and one more while the answer is rendered. PrimeFaces sorts and filters the list it
 * is given in place and then reads the table's rows again; the beans' getters answer a fresh (often unmodifiable)
 * list at each call, so without this a sort would be lost between the two reads. Rendering reads afresh, so that
 * after an action the table shows what the action changed.
 */
@Named
@RequestScoped
public class TableRows {

    private final Map<String, Object> kept = new HashMap<>();

    public Object of(String table, Object rows) {
        if (!(rows instanceof Collection<?> list)) {
            return rows;
        }
        boolean rendering = FacesContext.getCurrentInstance().getCurrentPhaseId() == PhaseId.RENDER_RESPONSE;
        return kept.computeIfAbsent((rendering ? "render|" : "act|") + table, k -> new ArrayList<>(list));
    }

    /**
     * Before the CSV download (the button's first action listener, ahead of p:dataExporter): sorts and filters the
     * rows as the table shows them, which PrimeFaces' exporter does not do for rows it is handed afresh.
     */
    public void sortAndFilter(String tableId) {
        FacesContext fc = FacesContext.getCurrentInstance();
        UIComponent found = null;
        UIComponent button = UIComponent.getCurrentComponent(fc);
        if (button != null) {
            found = button.findComponent(tableId);
        } else {
            // The button that was pressed is named in the request: "<form>:<table>Csv".
            String suffix = tableId + "Csv";
            for (String name : fc.getExternalContext().getRequestParameterMap().keySet()) {
                if (name.endsWith(":" + suffix)) {
                    String clientId = name.substring(0, name.length() - suffix.length()) + tableId;
                    found = fc.getViewRoot().findComponent(":" + clientId);
                }
            }
        }
        if (found instanceof DataTable table) {
            table.filterAndSort();
        }
    }
}
