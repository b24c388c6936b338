package org.civicloop.platform.web;

import jakarta.faces.component.UIViewParameter;
import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PhaseEvent;
import jakarta.faces.event.PhaseId;
import jakarta.faces.event.PhaseListener;
import jakarta.faces.view.ViewMetadata;

/**
 * A page whose view parameter cannot be read (an id that is no number, such as {@code /cycle.xhtml?id=abc} or
 * {@code /report.xhtml?cycle=abc}) names nothing: it answers 404 with the not-found page, as an unknown id does,
 * instead of rendering the page around nothing (its view action is skipped when a parameter fails conversion).
 * One listener for every page with view parameters.
 */
public class MalformedParameters implements PhaseListener {

    private static final long serialVersionUID = 1L;

    @Override
    public PhaseId getPhaseId() {
        return PhaseId.PROCESS_VALIDATIONS;
    }

    @Override
    public void beforePhase(PhaseEvent event) {
    }

    /** Only ids and other numbers: a text parameter that fails validation (e.g. too long) keeps its page. */
    private static boolean isNumber(FacesContext fc, UIViewParameter p) {
        jakarta.el.ValueExpression v = p.getValueExpression("value");
        if (v == null) {
            return false;
        }
        Class<?> type = v.getType(fc.getELContext());
        return type != null && (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class);
    }

    @Override
    public void afterPhase(PhaseEvent event) {
        FacesContext fc = event.getFacesContext();
        if (fc.isPostback() || !fc.isValidationFailed() || fc.getResponseComplete()) {
            return;
        }
        UIViewRoot root = fc.getViewRoot();
        if (root == null) {
            return;
        }
        for (UIViewParameter p : ViewMetadata.getViewParameters(root)) {
            if (!p.isValid() && isNumber(fc, p)) {
                // rendered here, in this request, with status 404: sending the error from inside the lifecycle
                // would render the error page as a nested request and leave this one without its Faces context
                for (var it = fc.getMessages(); it.hasNext(); ) {
                    it.next();
                    it.remove();
                }
                fc.getExternalContext().setResponseStatus(404);
                fc.setViewRoot(fc.getApplication().getViewHandler().createView(fc, "/error.xhtml"));
                fc.renderResponse();
                return;
            }
        }
    }
}
