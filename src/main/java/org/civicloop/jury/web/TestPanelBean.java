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
import org.civicloop.jury.JuryDraws;
import org.civicloop.kernel.Result;
import org.civicloop.platform.web.Ui;
import org.civicloop.jury.JuryDrawRunner;

/**
 * Test panels on the officer's workspace: draw without recording, with each method, and compare them. Each is drawn on
 * the server's executor, off the request; the form polls until it is there.
 */
@Named
@ViewScoped
public class TestPanelBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    CurrentUser currentUser;
    @Inject
    JuryDrawRunner runner;

    private transient java.util.concurrent.CompletableFuture<Result<JuryDraws.TestPanel>> pending;

    private Long cycleId;
    private Integer size;
    private String method = "LEXIMIN";
    private final List<JuryDraws.TestPanel> tries = new ArrayList<>();

    @PostConstruct
    void init() {
        try {
            cycleId = Long.valueOf(FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap()
                    .getOrDefault("id", ""));
        } catch (NumberFormatException e) {
            cycleId = null;
        }
    }

    /** Starts a test panel on the server's executor; the form polls until it is there. One at a time. */
    public void draw() {
        if (isRunning()) {
            Ui.error("refused.jury.testRunning");
            return;
        }
        pending = runner.testPanel(currentUser.actor(), cycleId == null ? -1 : cycleId, size == null ? 0 : size,
                method);
        collect(java.time.Duration.ofMillis(1500));
    }

    /** Polled while a test panel is being drawn. */
    public void poll() {
        collect(java.time.Duration.ZERO);
    }

    private void collect(java.time.Duration patience) {
        if (pending == null) {
            return;
        }
        Result<JuryDraws.TestPanel> r;
        try {
            r = pending.get(patience.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (java.util.concurrent.ExecutionException e) {
            r = Result.refused("refused.jury.failed", String.valueOf(e.getCause()));
        }
        pending = null;
        if (Ui.report(r, null)) {
            tries.add(0, r.value());
        }
    }

    public boolean isRunning() {
        return pending != null && !pending.isDone();
    }

    public List<String> getMethods() {
        return List.of("LEXIMIN", "MAXIMIN", "LEGACY");
    }

    public List<JuryDraws.TestPanel> getTries() { return tries; }
    public Integer getSize() { return size; }
    public void setSize(Integer size) { this.size = size; }
    public String getMethod() { return method; }
    public void setMethod(String method) { this.method = method; }
}
