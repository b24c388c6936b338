package org.civicloop.platform.web;

import jakarta.faces.component.UIComponent;
import jakarta.faces.component.UIInput;
import jakarta.faces.component.UIMessage;
import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.SystemEvent;
import jakarta.faces.event.SystemEventListener;
import java.util.Iterator;
import java.util.Map;

/**
 * Ties each field to its inline message (an h:message for="field" next to it), on every page: while the field has
 * a message, the field says it is invalid (aria-invalid) and points at the message (aria-describedby), so a screen
 * reader reads the message with the field. Registered in faces-config.xml for PreRenderViewEvent. A field repeated
 * by ui:repeat is one component for every row, so it gets expressions instead, evaluated as each row is written: the
 * row's field with a message is marked (aria-invalid="true", aria-describedby the row's message), the others say
 * aria-invalid="false" with an empty aria-describedby (a pass-through attribute is always written).
 */
public class FieldMessages implements SystemEventListener {

    private static final String DESCRIBED_BY = "aria-describedby";
    private static final String INVALID = "aria-invalid";

    @Override
    public boolean isListenerForSource(Object source) {
        return source instanceof UIViewRoot;
    }

    @Override
    public void processEvent(SystemEvent event) {
        FacesContext fc = FacesContext.getCurrentInstance();
        walk(fc, (UIViewRoot) event.getSource(), false);
    }

    private static void walk(FacesContext fc, UIComponent component, boolean repeated) {
        if (component instanceof UIMessage message && message.getFor() != null) {
            link(fc, message, repeated);
        }
        if (component instanceof jakarta.faces.component.UIData) {
            return;
        }
        boolean inRepeat = repeated || component.getClass().getName().endsWith(".UIRepeat");
        for (Iterator<UIComponent> it = component.getFacetsAndChildren(); it.hasNext(); ) {
            walk(fc, it.next(), inRepeat);
        }
    }

    private static void link(FacesContext fc, UIMessage message, boolean repeated) {
        UIComponent target;
        try {
            target = message.findComponent(message.getFor());
        } catch (IllegalArgumentException e) {
            return;
        }
        if (!(target instanceof UIInput input)) {
            return;
        }
        if (repeated) {
            linkEachRow(fc, message, input);
            return;
        }
        Map<String, Object> attributes = input.getPassThroughAttributes(true);
        if (fc.getMessageList(input.getClientId(fc)).isEmpty()) {
            attributes.remove(DESCRIBED_BY);
            attributes.remove(INVALID);
            return;
        }
        if (message.getId() == null || message.getId().startsWith(UIViewRoot.UNIQUE_ID_PREFIX)) {
            message.setId(input.getId() + "-error");
        }
        attributes.put(DESCRIBED_BY, message.getClientId(fc));
        attributes.put(INVALID, "true");
    }

    /**
     * A field and its message in a ui:repeat row (one component each for all rows): expressions that look up the
     * messages of the row being written ({@code component} is then the field, its client id the row's). The message
     * must share the field's naming container, as an h:message beside its field does, so that the row's message id is
     * the field's client id with the field's id replaced by the message's.
     */
    private static void linkEachRow(FacesContext fc, UIMessage message, UIInput input) {
        if (message.getId() == null || message.getId().startsWith(UIViewRoot.UNIQUE_ID_PREFIX)) {
            message.setId(input.getId() + "-error");
        }
        if (container(message) != container(input)) {
            return;
        }
        String none = "facesContext.getMessageList(component.clientId).isEmpty()";
        String row = "component.clientId.substring(0, component.clientId.length() - " + input.getId().length() + ")";
        jakarta.el.ExpressionFactory el = fc.getApplication().getExpressionFactory();
        Map<String, Object> attributes = input.getPassThroughAttributes(true);
        attributes.put(INVALID, el.createValueExpression(fc.getELContext(), "#{" + none + " ? 'false' : 'true'}",
                String.class));
        attributes.put(DESCRIBED_BY, el.createValueExpression(fc.getELContext(), "#{" + none + " ? '' : " + row
                + ".concat('" + message.getId() + "')}", String.class));
    }

    private static UIComponent container(UIComponent c) {
        UIComponent p = c.getParent();
        while (p != null && !(p instanceof jakarta.faces.component.NamingContainer)) {
            p = p.getParent();
        }
        return p;
    }
}
