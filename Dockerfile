# CivicLoop on the official Open Liberty image (pin the 26.0.0.5 tag your registry mirror carries).
# Build the WAR and JDBC drivers first:  mvn package   (then: docker build -t civicloop .)
FROM openliberty/open-liberty:full-java17-openj9-ubi-minimal

# Server configuration as kept in liberty/, the JDBC drivers next to it, the application in dropins.
COPY --chown=1001:0 liberty/server.xml liberty/jvm.options /config/
COPY --chown=1001:0 target/jdbc/h2.jar target/jdbc/postgresql.jar /config/lib/
COPY --chown=1001:0 target/civicloop.war /config/dropins/

# Production defaults: no demo data. Choose the database with CIVICLOOP_DB_URL, CIVICLOOP_DB_DATASOURCE,
# CIVICLOOP_DB_USER and CIVICLOOP_DB_PASSWORD, and the first administrator with CIVICLOOP_ADMIN_PASSWORD
# (see docs/operations.md). Without them the server keeps an H2 database under /opt/ol/wlp/output/.
# Liberty also needs secrets of its own, given at run time and never baked in: keystore_password and
# ltpa_keys_password (Liberty's sign-in tokens). Several servers behind one load balancer: the same
# CIVICLOOP_AUTH_SECRET on all, a different CIVICLOOP_SSO_COOKIE on each (docs/operations.md, "Several servers").
ENV CIVICLOOP_DEMO=false \
    CIVICLOOP_COOKIE_SECURE=true

EXPOSE 9080 9443
RUN configure.sh
