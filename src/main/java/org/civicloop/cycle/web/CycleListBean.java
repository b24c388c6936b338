package org.civicloop.cycle.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.civicloop.cycle.Cycle;
import org.civicloop.cycle.CycleService;

/** The home page's list of published cycles, and the officers' list of all of them. */
@Named
@RequestScoped
public class CycleListBean {

    @Inject
    CycleService cycles;

    private List<Cycle> published;
    private List<Cycle> all;

    public List<Cycle> getPublished() {
        if (published == null) {
            published = cycles.published();
        }
        return published;
    }

    public List<Cycle> getAll() {
        if (all == null) {
            all = cycles.all();
        }
        return all;
    }
}
