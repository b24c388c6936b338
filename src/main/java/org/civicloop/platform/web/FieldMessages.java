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
 * reader reads the message with the field. Registered in faces-config.xml for PreRenderViewEvent. Fields repeated
 * by ui:repeat are left alone (one component serves every row).
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
        walk(fc, (UIViewRoot) event.getSource());
    }

    private static void walk(FacesContext fc, UIComponent component) {
        if (component instanceof UIMessage message && message.getFor() != null) {
            link(fc, message);
        }
        if (component instanceof jakarta.faces.component.UIData
                || component.getClass().getName().endsWith(".UIRepeat")) {
            return;
        }
        for (Iterator<UIComponent> it = component.getFacetsAndChildren(); it.hasNext(); ) {
            walk(fc, it.next());
        }
    }

    private static void link(FacesContext fc, UIMessage message) {
        UIComponent target;
        try {
            target = message.findComponent(message.getFor());
        } catch (IllegalArgumentException e) {
            return;
        }
        if (!(target instanceof UIInput input)) {
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
}
