package org.civicloop.deliberation.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.Collections;
import java.util.ResourceBundle;
import java.util.TreeMap;
import org.civicloop.deliberation.LiveViews;
import org.civicloop.kernel.Messages;
import org.civicloop.platform.web.Ui;

/** The live pages' texts (every "live.*" message in the page's language) as JSON for their scripts. */
@Named
@RequestScoped
public class LiveLabels {

    private String json;

    public String getJson() {
        if (json == null) {
            ResourceBundle bundle = ResourceBundle.getBundle(Messages.BUNDLE, Ui.locale());
            TreeMap<String, String> labels = new TreeMap<>();
            for (String key : Collections.list(bundle.getKeys())) {
                if (key.startsWith("live.")) {
                    // Scripts fill {0} themselves; MessageFormat's doubled apostrophes become single ones.
                    labels.put(key, bundle.getString(key).replace("''", "'"));
                }
            }
            json = LiveViews.toJson(labels);
        }
        return json;
    }
}
