package org.civicloop.jury.web;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.civicloop.platform.web.Ui;

/** What the jury's workspace beans share: the cycle id of the page, a CSV file uploaded, a CSV file downloaded. */
final class CsvTransfer {

    private CsvTransfer() {
    }

    /** The page's {@code id} parameter, or -1. */
    static long cycleIdOfPage() {
        try {
            return Long.parseLong(FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap()
                    .getOrDefault("id", ""));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * The uploaded file as UTF-8 text, or null after showing the refusal {@code refusalKey} (no file, larger than
     * {@code maxMegabytes}, unreadable).
     */
    static String read(Part upload, int maxMegabytes, String refusalKey) {
        if (upload == null || upload.getSize() == 0) {
            Ui.error(refusalKey, "no file chosen");
            return null;
        }
        if (upload.getSize() > maxMegabytes * 1024L * 1024L) {
            Ui.error(refusalKey, "larger than " + maxMegabytes + " MB");
            return null;
        }
        try (InputStream in = upload.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            Ui.error(refusalKey, e.getMessage());
            return null;
        }
    }

    /** Answers the request with a CSV attachment that no cache keeps (personal data). */
    static void send(String filename, String csv) throws IOException {
        FacesContext fc = FacesContext.getCurrentInstance();
        ExternalContext ec = fc.getExternalContext();
        ec.responseReset();
        ec.setResponseContentType("text/csv;charset=UTF-8");
        ec.setResponseHeader("Content-Disposition", "attachment; filename=\"" + filename + "\"");
        ec.setResponseHeader("Cache-Control", "no-store");
        ec.getResponseOutputWriter().write(csv);
        fc.responseComplete();
    }

    /** Column names typed as a comma-separated list ("address, postcode"), blanks dropped; none for null. */
    static java.util.List<String> columns(String typed) {
        return typed == null ? java.util.List.of()
                : java.util.Arrays.stream(typed.split(",")).map(String::strip).filter(c -> !c.isEmpty()).toList();
    }
}
