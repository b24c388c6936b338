package org.civicloop.it;

import static org.civicloop.it.ItSupport.DEMO_PASSWORD;
import static org.civicloop.it.ItSupport.basic;
import static org.civicloop.it.ItSupport.get;
import static org.civicloop.it.ItSupport.postJson;
import static org.civicloop.it.ItSupport.put;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.civicloop.proposal.PhotoImageTest;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A photo on a proposal through the REST API: the proposer attaches a JPEG or a PNG (multipart), which is stored
 * re-encoded without its metadata (GPS position, text chunks) and served with its type, nosniff and cache headers;
 * the wrong kind, a file too large, a missing description, someone else than the proposer and a second photo are
 * refused with a clear message and change nothing; an officer hides a photo with a public reason and it is no longer
 * served, nor is the photo of a hidden proposal; every change is audited, the proposer as a pseudonym.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ProposalPhotoIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ItSupport.war();
    }

    @ArquillianResource
    URL base;

    private static final String OFFICER = basic("officer", DEMO_PASSWORD);
    /** HTTP/1.1 as ItSupport's client (the default client upgrades to cleartext HTTP/2, where a 304 never ends). */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(java.time.Duration.ofSeconds(30)).build();

    private static String as(String user) {
        return basic(user, DEMO_PASSWORD);
    }

    private String path(long cycle) {
        return "/api/v1/cycles/" + cycle + "/proposals";
    }

    private URI uri(String path) {
        String b = base.toString().endsWith("/") ? base.toString().substring(0, base.toString().length() - 1)
                : base.toString();
        return URI.create(b + path);
    }

    private long propose(long cycle, String user, String title) throws Exception {
        ItSupport.Reply r = postJson(base, path(cycle), "{\"title\":\"" + title + "\",\"description\":\"" + title
                + ", please\",\"district\":\"Old Town\",\"roughCost\":4000}", "Authorization", as(user));
        assertEquals(201, r.status(), r.body());
        return r.json().getJsonNumber("id").longValue();
    }

    /** PUT .../photo as multipart/form-data: the file (if any) as "photo", the description (if any) as "alt". */
    private HttpResponse<String> attach(long cycle, long pid, String user, byte[] file, String fileName,
                                        String declaredType, String alt) throws Exception {
        String boundary = "----civicloop" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (file != null) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"photo\"; filename=\""
                    + fileName + "\"\r\nContent-Type: " + declaredType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(file);
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        if (alt != null) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"alt\"\r\n"
                    + "Content-Type: text/plain; charset=UTF-8\r\n\r\n" + alt + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HTTP.send(HttpRequest.newBuilder(uri(path(cycle) + "/" + pid + "/photo"))
                .header("Authorization", as(user))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .timeout(java.time.Duration.ofSeconds(60))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<byte[]> fetch(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(java.time.Duration.ofSeconds(60)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private JsonObject listed(long cycle, long id) throws Exception {
        ItSupport.Reply r = get(base, path(cycle));
        assertEquals(200, r.status(), r.body());
        return r.array().getValuesAs(JsonObject.class).stream()
                .filter(p -> p.getJsonNumber("id").longValue() == id).findFirst().orElseThrow();
    }

    /** Whether a listed proposal shows a photo (a null field is left out of the JSON). */
    private static boolean hasPhoto(JsonObject p) {
        return p.containsKey("photo") && !p.isNull("photo");
    }

    private static void refused(HttpResponse<String> r, int status, String message) {
        assertEquals(status, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertTrue(r.body().contains(message), "says why: " + r.body());
    }

    private static int photoRows(long pid) throws Exception {
        try (Connection c = ItSupport.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT COUNT(*) FROM proposal_photo WHERE id = ?")) {
            ps.setLong(1, pid);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static byte[] storedImage(long pid) throws Exception {
        try (Connection c = ItSupport.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT image FROM proposal_photo_content WHERE photo_id = ?")) {
            ps.setLong(1, pid);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), "the bytes are stored");
                return rs.getBytes(1);
            }
        }
    }

    private static List<String[]> audit(long id) throws Exception {
        List<String[]> out = new ArrayList<>();
        try (Connection c = ItSupport.connect(); PreparedStatement ps = c.prepareStatement("SELECT actor, action,"
                + " detail FROM audit_entry WHERE entity_type = 'proposal_photo' AND entity_id = ? ORDER BY seq")) {
            ps.setString(1, Long.toString(id));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new String[]{rs.getString(1), rs.getString(2), rs.getString(3)});
                }
            }
        }
        return out;
    }

    @Test
    void aProposerAttachesAPhotoStrippedOfItsMetadataAndAnOfficerHidesIt() throws Exception {
        long cycle = ItSupport.recruitingCycle(base, OFFICER, "Proposal photos IT " + System.nanoTime(),
                "What should the river path have?", "Residents' ideas with photos.", 50_000,
                "Which ideas are funded", "Ideas delivered within a year");
        assertEquals(200, put(base, path(cycle) + "/settings", "{\"accepting\":true,\"districts\":\"Old Town\"}",
                "Authorization", OFFICER).status());
        long bench = propose(cycle, "resident06", "A bench by the weir");
        byte[] jpeg = PhotoImageTest.jpegWithExif(PhotoImageTest.image("jpeg", 2400, 1200), 1);
        assertTrue(PhotoImageTest.contains(jpeg, "GPS 51.5072N"), "the upload carries a position");
        String listBefore = get(base, path(cycle)).body();

        // refused, each with its reason, and nothing stored
        refused(attach(cycle, bench, "resident07", jpeg, "weir.jpg", "image/jpeg", "The weir"), 403,
                "Only the proposal's author");
        refused(attach(cycle, bench, "resident06", PhotoImageTest.image("gif", 60, 60), "weir.jpg", "image/jpeg",
                "The weir"), 400, "Only JPEG and PNG");
        refused(attach(cycle, bench, "resident06", "<svg onload=alert(1)></svg>".getBytes(StandardCharsets.UTF_8),
                "weir.png", "image/png", "The weir"), 400, "Only JPEG and PNG");
        byte[] webp = "RIFF\0\0\0\0WEBPVP8 xxxxxxxx".getBytes(StandardCharsets.ISO_8859_1);
        refused(attach(cycle, bench, "resident06", webp, "weir.webp", "image/webp", "The weir"), 400, "WebP");
        byte[] huge = new byte[5 * 1024 * 1024 + 10];
        System.arraycopy(jpeg, 0, huge, 0, jpeg.length);
        refused(attach(cycle, bench, "resident06", huge, "weir.jpg", "image/jpeg", "The weir"), 400, "at most 5 MB");
        refused(attach(cycle, bench, "resident06", jpeg, "weir.jpg", "image/jpeg", null), 400,
                "Describe the photo");
        refused(attach(cycle, bench, "resident06", jpeg, "weir.jpg", "image/jpeg", "   "), 400,
                "Describe the photo");
        assertEquals(0, photoRows(bench));
        assertEquals(listBefore, get(base, path(cycle)).body(), "refusals changed nothing");
        assertEquals(404, fetch(path(cycle) + "/" + bench + "/photo").statusCode());

        // the proposer attaches it: re-encoded, scaled, without its EXIF
        HttpResponse<String> done = attach(cycle, bench, "resident06", jpeg, "IMG_0042.JPG", "application/octet-stream",
                "The weir at dusk, with the grass bank where a bench could go");
        assertEquals(200, done.statusCode(), done.body());
        byte[] stored = storedImage(bench);
        assertFalse(PhotoImageTest.contains(stored, "Exif"), "no EXIF segment is stored");
        assertFalse(PhotoImageTest.contains(stored, "GPS"), "no position is stored");
        HttpResponse<byte[]> photo = fetch(path(cycle) + "/" + bench + "/photo");
        assertEquals(200, photo.statusCode());
        assertEquals("image/jpeg", photo.headers().firstValue("Content-Type").orElse(""));
        assertEquals("nosniff", photo.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertTrue(photo.headers().firstValue("Cache-Control").orElse("").contains("no-cache"));
        assertArrayEquals(stored, photo.body(), "the stored bytes are served");
        assertFalse(PhotoImageTest.contains(photo.body(), "GPS"));
        java.awt.image.BufferedImage served = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(
                photo.body()));
        assertEquals(1600, served.getWidth(), "scaled to 1,600 pixels a side");
        String etag = photo.headers().firstValue("ETag").orElseThrow();
        assertEquals(304, fetch(path(cycle) + "/" + bench + "/photo", "If-None-Match", etag).statusCode());
        HttpResponse<byte[]> thumb = fetch(path(cycle) + "/" + bench + "/photo/thumbnail");
        assertEquals(200, thumb.statusCode());
        assertEquals(480, javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(thumb.body())).getWidth());
        JsonObject l = listed(cycle, bench);
        assertEquals(path(cycle) + "/" + bench + "/photo", l.getJsonObject("photo").getString("url"));
        assertEquals("The weir at dusk, with the grass bank where a bench could go",
                l.getJsonObject("photo").getString("alt"));
        // one photo, and it cannot be changed
        refused(attach(cycle, bench, "resident06", jpeg, "again.jpg", "image/jpeg", "Again"), 409,
                "already has a photo");

        // a PNG keeps its kind and loses its text chunks
        long verge = propose(cycle, "resident08", "Wildflowers on the verge");
        byte[] png = PhotoImageTest.pngWithText(PhotoImageTest.image("png", 300, 200));
        assertEquals(200, attach(cycle, verge, "resident08", png, "verge.png", "image/png", "A grass verge")
                .statusCode());
        byte[] storedPng = storedImage(verge);
        assertFalse(PhotoImageTest.contains(storedPng, "tEXt"));
        assertFalse(PhotoImageTest.contains(storedPng, "Riverside 51.5072"));
        assertEquals("image/png", fetch(path(cycle) + "/" + verge + "/photo").headers().firstValue("Content-Type")
                .orElse(""));

        // audited: the proposer as a pseudonym, never by name
        List<String[]> trail = audit(bench);
        assertEquals(1, trail.size());
        assertEquals("proposal.photoAttached", trail.get(0)[1]);
        assertTrue(trail.get(0)[0].startsWith("resident:"), "the proposer is a pseudonym: " + trail.get(0)[0]);
        assertFalse(trail.get(0)[2].contains("resident06"));

        // an officer hides the photo alone, with a public reason: not served, the proposal stays
        assertEquals(400, postJson(base, path(cycle) + "/" + bench + "/photo/hide", "{\"reason\":\" \"}",
                "Authorization", OFFICER).status());
        assertEquals(403, postJson(base, path(cycle) + "/" + bench + "/photo/hide", "{\"reason\":\"Faces\"}",
                "Authorization", as("resident06")).status());
        ItSupport.Reply hidden = postJson(base, path(cycle) + "/" + bench + "/photo/hide",
                "{\"reason\":\"It shows people's faces\"}", "Authorization", OFFICER);
        assertEquals(200, hidden.status(), hidden.body());
        assertEquals(404, fetch(path(cycle) + "/" + bench + "/photo").statusCode());
        assertEquals(404, fetch(path(cycle) + "/" + bench + "/photo/thumbnail").statusCode());
        JsonObject after = listed(cycle, bench);
        assertFalse(hasPhoto(after), after.toString());
        assertEquals("It shows people's faces", after.getString("photoHiddenReason"));
        assertEquals("A bench by the weir", after.getString("title"));
        assertEquals(1, photoRows(bench), "nothing is deleted");
        List<String[]> trail2 = audit(bench);
        assertEquals("proposal.photoHidden", trail2.get(1)[1]);
        assertEquals("officer", trail2.get(1)[0]);

        // a hidden proposal's photo is hidden too
        assertEquals(200, postJson(base, path(cycle) + "/" + verge + "/hide", "{\"reason\":\"An advert\"}",
                "Authorization", OFFICER).status());
        assertEquals(404, fetch(path(cycle) + "/" + verge + "/photo").statusCode());
        assertFalse(hasPhoto(listed(cycle, verge)));
        JsonObject verdict = ItSupport.awaitChained(base);
        assertTrue(verdict.getBoolean("valid"), verdict.toString());
    }

    @Test
    void theDemoHasProposalsWithPhotos() throws Exception {
        long cycle = ItSupport.cycleTitled(base, "Neighbourhood ideas 2027");
        long withPhoto = get(base, path(cycle) + "?size=100").array().getValuesAs(JsonObject.class).stream()
                .filter(ProposalPhotoIT::hasPhoto).count();
        assertTrue(withPhoto >= 2, "the demo shows photos: " + withPhoto);
    }
}
