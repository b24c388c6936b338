package org.civicloop.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.spi.Container;
import org.jboss.arquillian.container.spi.client.deployment.Deployment;
import org.jboss.arquillian.container.spi.client.deployment.DeploymentDescription;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.arquillian.container.spi.context.annotation.DeploymentScoped;
import org.jboss.arquillian.container.spi.event.DeployDeployment;
import org.jboss.arquillian.container.spi.event.UnDeployDeployment;
import org.jboss.arquillian.core.api.Event;
import org.jboss.arquillian.core.api.InstanceProducer;
import org.jboss.arquillian.core.api.annotation.Inject;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.core.spi.EventContext;
import org.jboss.arquillian.core.spi.LoadableExtension;
import org.jboss.arquillian.test.spi.event.suite.AfterSuite;
import org.jboss.arquillian.test.spi.event.suite.BeforeClass;
import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.api.ArchivePath;
import org.jboss.shrinkwrap.api.Node;

/**
 * One deployment of the application per integration-test run (per database) instead of one per test class, still
 * through Arquillian's managed Liberty container: deploying and undeploying the 45 MB WAR took about 10 s a class.
 *
 * <p>The first class deploys as usual. A later class whose {@code @Deployment} archive has the same content, on the
 * same container, is not deployed again: its deployment is marked deployed and given the first deployment's protocol
 * metadata, so {@code @ArquillianResource URL} injection works as before. The undeploy at the end of a class is
 * skipped for the shared deployment; it is undeployed when the run ends ({@link AfterSuite}), before Arquillian stops
 * the server. A class marked {@link OwnDeployment} (or one with a different archive) gets a deployment of its own:
 * the shared one is undeployed first and deployed again by the next class that shares it.
 *
 * <p>The database was already shared by every class of a run; what is now shared too is the application's memory
 * (rate-limit buckets, the audit verifier's progress, caches). A class that needs that fresh says so with
 * {@link OwnDeployment}. Registered with Arquillian in META-INF/services (a {@link LoadableExtension}).
 */
public class SharedDeployment {

    /** The Arquillian extension that registers {@link SharedDeployment}. */
    public static final class Extension implements LoadableExtension {
        @Override
        public void register(ExtensionBuilder builder) {
            builder.observer(SharedDeployment.class);
        }
    }

    /** The deployment classes share: where it runs, the archive's content digest, and how to reach it. */
    private record Shared(Container container, Deployment deployment, String digest, ProtocolMetaData metaData,
                          long deployedAt) {
    }

    /**
     * A shared deployment older than this is deployed again before the next class: the application's hourly jobs
     * (the audit checkpoint) never ran inside a per-class deployment, and a class that compares the whole database
     * before and after must not meet them now.
     */
    private static final long RENEW_AFTER_NANOS = TimeUnit.MINUTES.toNanos(45);

    @Inject
    @DeploymentScoped
    private InstanceProducer<DeploymentDescription> descriptionInContext;

    @Inject
    @DeploymentScoped
    private InstanceProducer<Deployment> deploymentInContext;

    @Inject
    @DeploymentScoped
    private InstanceProducer<ProtocolMetaData> protocolMetaData;

    @Inject
    private Event<UnDeployDeployment> undeploy;

    /** The deployments of later classes that stand for the shared one (not deployed by themselves). */
    private final Set<Deployment> standIns = Collections.newSetFromMap(new IdentityHashMap<>());
    private Class<?> testClass;
    private Shared shared;
    private boolean releasing;

    /** Notes the class about to deploy (before Arquillian's own BeforeClass observer deploys it). */
    public void classStarts(@Observes(precedence = 100) BeforeClass event) {
        testClass = event.getTestClass().getJavaClass();
    }

    /**
     * Runs inside Arquillian's deployment context for the deployment (lower precedence than the handler that
     * activates it), so the protocol metadata set here is the one the class's resource injection reads.
     */
    public void deploy(@Observes(precedence = -100) EventContext<DeployDeployment> context) {
        DeployDeployment event = context.getEvent();
        Deployment deployment = event.getDeployment();
        boolean own = testClass != null && testClass.isAnnotationPresent(OwnDeployment.class);
        String digest = own ? null : digest(deployment.getDescription());
        if (shared != null && digest != null && shared.container() == event.getContainer()
                && digest.equals(shared.digest()) && System.nanoTime() - shared.deployedAt() < RENEW_AFTER_NANOS) {
            descriptionInContext.set(deployment.getDescription());
            deploymentInContext.set(deployment);
            protocolMetaData.set(shared.metaData());
            deployment.deployed();
            standIns.add(deployment);
            note("uses the shared deployment");
            return;
        }
        release();
        context.proceed();
        if (digest != null && deployment.isDeployed() && !deployment.hasDeploymentError()) {
            shared = new Shared(event.getContainer(), deployment, digest, protocolMetaData.get(), System.nanoTime());
            note("deployed the application; later classes with the same archive share it");
        } else {
            note("deployed the application for itself");
        }
    }

    /** Keeps the shared deployment when a class ends; other deployments are undeployed as usual. */
    public void undeploy(@Observes(precedence = -100) EventContext<UnDeployDeployment> context) {
        Deployment deployment = context.getEvent().getDeployment();
        boolean keep = !releasing && (standIns.remove(deployment)
                || shared != null && deployment == shared.deployment());
        if (keep) {
            deployment.undeployed();
            return;
        }
        context.proceed();
    }

    /** Undeploys the shared deployment before Arquillian stops the server (its observer has precedence 0). */
    public void runEnds(@Observes(precedence = 100) AfterSuite event) {
        release();
    }

    private void release() {
        Shared s = shared;
        if (s == null) {
            return;
        }
        shared = null;
        if (s.container().getState() != Container.State.STARTED) {
            return;
        }
        releasing = true;
        try {
            note("undeploys the shared deployment");
            undeploy.fire(new UnDeployDeployment(s.container(), s.deployment()));
        } finally {
            releasing = false;
        }
    }

    private void note(String what) {
        System.out.println("[SharedDeployment] " + (testClass == null ? "" : testClass.getSimpleName() + " ") + what);
    }

    /**
     * The SHA-256 of a managed archive deployment's name, paths and bytes (null for anything else): classes share a
     * deployment only when they would have deployed exactly the same archive.
     */
    private String digest(DeploymentDescription description) {
        if (!description.isArchiveDeployment() || !description.managed()) {
            return null;
        }
        Archive<?> archive = description.getTestableArchive() != null
                ? description.getTestableArchive() : description.getArchive();
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(archive.getName().getBytes(StandardCharsets.UTF_8));
            Map<String, Node> byPath = new TreeMap<>();
            for (Map.Entry<ArchivePath, Node> e : archive.getContent().entrySet()) {
                byPath.put(e.getKey().get(), e.getValue());
            }
            byte[] buffer = new byte[1 << 16];
            for (Map.Entry<String, Node> e : byPath.entrySet()) {
                sha.update((e.getKey() + "\n").getBytes(StandardCharsets.UTF_8));
                if (e.getValue().getAsset() != null) {
                    try (InputStream in = e.getValue().getAsset().openStream()) {
                        for (int n; (n = in.read(buffer)) > 0; ) {
                            sha.update(buffer, 0, n);
                        }
                    }
                }
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the archive " + archive.getName(), e);
        }
    }
}
