package org.civicloop.feedback.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.civicloop.feedback.Notifications;
import org.civicloop.identity.CurrentUser;
import org.civicloop.platform.web.Ui;

/** The signed-in person's notifications page: the list, and the report-updates opt-in. */
@Named
@RequestScoped
public class NotificationsBean {

    @Inject
    Notifications notifications;
    @Inject
    CurrentUser currentUser;

    private Boolean reportUpdates;

    public List<Notifications.View> getItems() {
        return notifications.forUser(currentUser.getUsername());
    }

    public boolean isReportUpdates() {
        if (reportUpdates == null) {
            reportUpdates = notifications.wantsReportUpdates(currentUser.getUsername());
        }
        return reportUpdates;
    }

    public void setReportUpdates(boolean b) {
        this.reportUpdates = b;
    }

    public String save() {
        Ui.report(notifications.setReportUpdates(currentUser.actor(), isReportUpdates()), "fb.prefsSaved");
        return null;
    }

    public String read(long id) {
        notifications.markRead(currentUser.actor(), id);
        return null;
    }
}
