package org.civicloop.platform.web;

import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.faces.event.PhaseId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;

/**
 * A form post whose view state is expired, forged or garbled is the client's problem, not the server's: it answers
 * 400 with the "page had expired, nothing was saved" page (web.xml maps 400 to expired.xhtml) instead of a 500. Only
 * failures while restoring the view are treated so; every other exception goes on to the default handling.
 */
public class StaleFormHandlerFactory extends ExceptionHandlerFactory {

    public StaleFormHandlerFactory(ExceptionHandlerFactory wrapped) {
        super(wrapped);
    }

    @Override
    public ExceptionHandler getExceptionHandler() {
        return new Handler(getWrapped().getExceptionHandler());
    }

    static final class Handler extends ExceptionHandlerWrapper {

        Handler(ExceptionHandler wrapped) {
            super(wrapped);
        }

        @Override
        public void handle() {
            FacesContext fc = FacesContext.getCurrentInstance();
            Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
            while (events.hasNext()) {
                var context = events.next().getContext();
                Throwable t = context.getException();
                boolean restoring = context.getPhaseId() == PhaseId.RESTORE_VIEW;
                if (isStale(t) || (restoring && isGarbled(t))) {
                    events.remove();
                    if (!fc.getExternalContext().isResponseCommitted()) {
                        fc.responseComplete();
                        try {
                            fc.getExternalContext().responseSendError(400, "The page had expired.");
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }
                }
            }
            if (FacesContext.getCurrentInstance() == null) {
                // The 400 error page was rendered at once, by a Faces request of its own that released this request's
                // context on its way out; MyFaces' own handler would fail on the missing context (a logged
                // NullPointerException for every stale post), and nothing is left for it to handle.
                return;
            }
            getWrapped().handle();
        }

        private static boolean isStale(Throwable t) {
            for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
                if (c instanceof ViewExpiredException) {
                    return true;
                }
            }
            return false;
        }

        /** A view state that cannot be decoded, or a session that belongs to somebody else. */
        private static boolean isGarbled(Throwable t) {
            for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
                if (c instanceof IllegalArgumentException || c instanceof IllegalStateException
                        || c.getClass().getName().endsWith("UnauthorizedSessionRequestException")) {
                    return true;
                }
            }
            return false;
        }
    }
}
