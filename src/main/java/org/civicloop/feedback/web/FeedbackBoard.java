package org.civicloop.feedback.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.civicloop.cycle.CycleView;
import org.civicloop.feedback.FeedbackDashboard;
import org.civicloop.feedback.Notifications;
import org.civicloop.identity.CurrentUser;
import org.civicloop.platform.web.Ui;

/** The officers' promise-keeping dashboard (officer/feedback.xhtml) and the overdue alert. */
@Named
@RequestScoped
public class FeedbackBoard {

    @Inject
    FeedbackDashboard dashboard;
    @Inject
    Notifications notifications;
    @Inject
    CurrentUser currentUser;

    private FeedbackDashboard.Summary summary;

    public FeedbackDashboard.Summary getSummary() {
        if (summary == null) {
            summary = dashboard.summary(currentUser.actor()).value();
        }
        return summary;
    }

    public List<CycleView> getOverdue() {
        return dashboard.overdue();
    }

    public List<Notifications.Problem> getDeliveryProblems() {
        return notifications.deliveryProblems(currentUser.actor(), Ui.locale()).value();
    }
}
