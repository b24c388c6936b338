package org.civicloop.jury;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/**
 * The status of a cycle's latest jury draw, in the database so that every server answers it: which server (node)
 * runs it, its progress and heartbeat, and how it ended. Operational state, not part of the draw's record (the draw
 * itself is {@link JuryDraw}, audited).
 */
@Entity
@Table(name = "jury_draw_run")
public class JuryDrawRun {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "jury_draw_run_seq")
    @SequenceGenerator(name = "jury_draw_run_seq", sequenceName = "jury_draw_run_seq", allocationSize = 50)
    private Long id;
    @Column(name = "cycle_id", nullable = false)
    private Long cycleId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private JuryDrawRunner.State state;
    private String progress;
    @Column(name = "started_at", nullable = false)
    private Instant startedAt;
    @Column(name = "finished_at")
    private Instant finishedAt;
    private String refusal;
    /** The refusal's arguments as text, CSV-encoded (infeasible quotas as {@link InfeasibilityReport#encoded()}). */
    @Column(name = "refusal_args")
    private String refusalArgs;
    @Column(nullable = false)
    private int drawn;
    @Column(nullable = false)
    private String node;
    @Column(name = "heartbeat_at", nullable = false)
    private Instant heartbeatAt;

    protected JuryDrawRun() {
    }

    JuryDrawRun(Long cycleId) {
        this.cycleId = cycleId;
    }

    void running(String node, Instant at) {
        this.state = JuryDrawRunner.State.RUNNING;
        this.progress = "";
        this.startedAt = at;
        this.finishedAt = null;
        this.refusal = null;
        this.refusalArgs = null;
        this.drawn = 0;
        this.node = node;
        this.heartbeatAt = at;
    }

    void progressed(String p, Instant at) {
        this.progress = p == null ? "" : p.length() > 500 ? p.substring(0, 500) : p;
        this.heartbeatAt = at;
    }

    void done(int drawn, Instant at) {
        this.state = JuryDrawRunner.State.DONE;
        this.progress = "";
        this.drawn = drawn;
        this.finishedAt = at;
    }

    void failed(String refusal, List<Object> args, Instant at) {
        this.state = JuryDrawRunner.State.FAILED;
        this.progress = "";
        this.refusal = refusal;
        String encoded = CsvLine.of(args.stream().map(a -> a instanceof InfeasibilityReport r ? r.encoded()
                : String.valueOf(a)).toList());
        if (encoded.length() > 4000 && args.size() == 1 && args.get(0) instanceof InfeasibilityReport r) {
            // too long to keep as data (hundreds of values): kept as the English text, as before
            encoded = CsvLine.of(List.of(r.text(java.util.Locale.ENGLISH)));
        }
        this.refusalArgs = encoded.length() > 4000 ? encoded.substring(0, 4000) : encoded;
        this.finishedAt = at;
    }

    /** The status as the runner reports it. */
    JuryDrawRunner.DrawStatus status() {
        List<Object> args = List.copyOf(CsvLine.cells(refusalArgs));
        if (InfeasibilityReport.REFUSAL.equals(refusal) && args.size() == 1) {
            args = List.of(InfeasibilityReport.decode((String) args.get(0)).map(Object.class::cast)
                    .orElse(args.get(0)));
        }
        return new JuryDrawRunner.DrawStatus(cycleId, state, progress == null ? "" : progress, startedAt, finishedAt,
                refusal, args, drawn);
    }

    public Long getCycleId() { return cycleId; }
    public JuryDrawRunner.State getState() { return state; }
    public String getNode() { return node; }
    public Instant getHeartbeatAt() { return heartbeatAt; }
    public boolean isRunning() { return state == JuryDrawRunner.State.RUNNING; }
}
