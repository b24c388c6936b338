package org.civicloop.jury.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.civicloop.identity.CurrentUser;
import org.civicloop.jury.JuryService;
import org.civicloop.kernel.Result;
import org.civicloop.platform.web.Ui;

/** Test panels on the officer's workspace: draw without recording, with each method, and compare them. */
@Named
@ViewScoped
public class TestPanelBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    JuryService jury;
    @Inject
    CurrentUser currentUser;

    private Long cycleId;
    private Integer size;
    private String method = "LEXIMIN";
    private final List<JuryService.TestPanel> tries = new ArrayList<>();

    @PostConstruct
    void init() {
        try {
            cycleId = Long.valueOf(FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap()
                    .getOrDefault("id", ""));
        } catch (NumberFormatException e) {
            cycleId = null;
        }
    }

    public void draw() {
        Result<JuryService.TestPanel> r = jury.testPanel(currentUser.actor(), cycleId == null ? -1 : cycleId,
                size == null ? 0 : size, method);
        if (Ui.report(r, null)) {
            tries.add(0, r.value());
        }
    }

    public List<String> getMethods() {
        return List.of("LEXIMIN", "MAXIMIN", "LEGACY");
    }

    public List<JuryService.TestPanel> getTries() { return tries; }
    public Integer getSize() { return size; }
    public void setSize(Integer size) { this.size = size; }
    public String getMethod() { return method; }
    public void setMethod(String method) { this.method = method; }
}
