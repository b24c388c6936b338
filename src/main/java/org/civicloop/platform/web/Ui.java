package org.civicloop.platform.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.util.Locale;
import org.civicloop.kernel.Messages;
import org.civicloop.kernel.Result;

/** Small helpers for backing beans: show a use case's refusal or success in the page's language. */
public final class Ui {

    private Ui() {
    }

    public static Locale locale() {
        FacesContext fc = FacesContext.getCurrentInstance();
        return fc == null || fc.getViewRoot() == null ? Locale.ENGLISH : fc.getViewRoot().getLocale();
    }

    public static String text(String key, Object... args) {
        return Messages.format(locale(), key, args);
    }

    /** Adds the refusal as an error message and answers false; answers true when the use case was done. */
    public static boolean report(Result<?> result, String successKey, Object... args) {
        FacesContext fc = FacesContext.getCurrentInstance();
        if (result instanceof Result.Refused<?> r) {
            fc.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, r.message(locale()), null));
            fc.validationFailed();
            return false;
        }
        if (successKey != null) {
            fc.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text(successKey, args), null));
        }
        return true;
    }

    /** Keeps this request's messages for the page a redirect leads to. Returns the outcome unchanged. */
    public static String redirect(String outcome) {
        FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
        return outcome;
    }

    /**
     * Answers the request with an error status and the error page, and stops the Faces lifecycle. The context is
     * taken first: the container renders the error page (itself a Faces request) inside sendError, and afterwards
     * FacesContext.getCurrentInstance() no longer answers this request's context.
     */
    public static void sendError(int status, String message) throws java.io.IOException {
        FacesContext fc = FacesContext.getCurrentInstance();
        fc.responseComplete();
        fc.getExternalContext().responseSendError(status, message);
    }

    public static void error(String key, Object... args) {
        FacesContext fc = FacesContext.getCurrentInstance();
        fc.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text(key, args), null));
        fc.validationFailed();
    }

    /** The page's {@code id} request parameter (the cycle a workspace shows), or -1 when it is missing or no number. */
    public static long pageId() {
        try {
            return Long.parseLong(FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap()
                    .getOrDefault("id", ""));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
